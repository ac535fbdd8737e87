import { Reminder } from '../reminders/entities/reminder.entity';
import { KIND_LABELS } from '../reminders/reminder-kind';

export interface NoticeTask {
  code: string;
  title: string;
  dueAt: Date;
}

// Building an Intl.DateTimeFormat costs far more than using one: one per zone, kept.
const formats = new Map<string, Intl.DateTimeFormat>();

function localTime(at: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('zh-CN', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format.format(at);
}

/** The title and body of a notice, in Chinese, with times in the plan's zone. */
export function noticeText(
  reminder: Pick<Reminder, 'kind' | 'level' | 'offset' | 'message' | 'dueAt'>,
  task: NoticeTask | null,
  context: { timeZone: string; month?: string },
): { title: string; body: string } {
  const label = KIND_LABELS[reminder.kind];
  const subject = task ? `${task.code} ${task.title}` : '';
  const due = task ? localTime(task.dueAt, context.timeZone) : '';
  const extra = reminder.message ? `\n${reminder.message}` : '';
  switch (reminder.kind) {
    case 'before_due':
      return { title: `【${label}】${subject}`, body: `任务将于 ${due} 到期，请抓紧办理并及时报送进展。` };
    case 'overdue':
      return {
        title: `【${label}】${subject}`,
        body: `任务已于 ${due} 到期仍未办结，请尽快办理并说明情况。`,
      };
    case 'escalation':
      return {
        title: `【${reminder.level >= 2 ? '督办' : '催办'}】${subject}`,
        body: `任务已超期（截止 ${due}），现${reminder.level >= 2 ? '提请领导小组督办' : '予以催办'}，请牵头单位负责人限期办结。`,
      };
    case 'accept_overdue':
      return { title: `【${label}】${subject}`, body: `任务交办后尚未签收，请尽快签收（截止 ${due}）。` };
    case 'monthly_report':
      return {
        title: `【${label}】${context.month ?? ''}月度进展`,
        body: `本单位尚有在办任务未报送${context.month ?? '本月'}进展，请于本月内报送。`,
      };
    case 'urge':
      return {
        title: `【${label}】${subject}`,
        body: `领导小组办公室催办：请加快办理（截止 ${due}）。${extra}`,
      };
    case 'returned':
      return {
        title: `【${label}】${subject}`,
        body: `报请办结的任务被退回，请按意见补充后重新报送。${extra}`,
      };
    case 'assigned':
      return { title: `【${label}】${subject}`, body: `领导小组办公室交办新任务，请签收（截止 ${due}）。` };
  }
}
