import { durationMs } from '../../common/time/duration';
import { formatInZone } from '../../common/time/time-zone';
import { TaskView } from '../tasks/dto/task.dto';
import { LIGHT_LABELS, STATUS_LABELS } from '../tasks/task-status';
import { IcsEvent } from './ics';

export interface FeedPlan {
  title: string;
  timeZone: string;
  acceptWithin: string;
}

/** A deadline shows as the half hour that ends at it, so that it sits where the day's work is due. */
const SLOT_MS = 30 * 60_000;

/**
 * The calendar entries of one open task for one department: its deadline (截止), and while it waits to be
 * signed for, the sign-for deadline (签收: assigned + the plan's acceptWithin). UIDs are stable per task and
 * kind, so that a changed deadline updates the entry (its SEQUENCE is the task's deadline version).
 */
export function calendarEvents(
  task: TaskView,
  departmentId: string,
  plan: FeedPlan,
  departmentName: (id: string) => string,
): IcsEvent[] {
  const local = (at: Date) => `${formatInZone(at, plan.timeZone)}（${plan.timeZone}）`;
  const common = [
    `计划：${plan.title}`,
    `状态：${STATUS_LABELS[task.status]}`,
    `本单位：${task.leadDepartmentId === departmentId ? '牵头' : '配合'}`,
    `牵头单位：${departmentName(task.leadDepartmentId)}`,
    ...(task.coDepartmentIds.length
      ? [`配合单位：${task.coDepartmentIds.map(departmentName).join('、')}`]
      : []),
  ];
  const due: IcsEvent = {
    uid: `${task.id}-due@worktracker`,
    start: new Date(task.dueAt.getTime() - SLOT_MS),
    end: task.dueAt,
    summary: `【截止】${task.code} ${task.title}`,
    description: [
      ...common,
      `截止时间：${local(task.dueAt)}`,
      ...(task.originalDueAt.getTime() !== task.dueAt.getTime()
        ? [`原定截止：${local(task.originalDueAt)}`]
        : []),
      `进度：${task.progress}%（序时进度 ${task.expected}%）`,
      ...(task.light ? [`红黄绿灯：${LIGHT_LABELS[task.light]}`] : []),
    ].join('\n'),
    sequence: task.deadlineVersion,
    categories: ['督查督办', '截止'],
  };
  if (task.status !== 'assigned' || !task.assignedAt) return [due];
  const acceptBy = new Date(task.assignedAt.getTime() + durationMs(plan.acceptWithin));
  const accept: IcsEvent = {
    uid: `${task.id}-accept@worktracker`,
    start: new Date(acceptBy.getTime() - SLOT_MS),
    end: acceptBy,
    summary: `【签收】${task.code} ${task.title}`,
    description: [...common, `交办时间：${local(task.assignedAt)}`, `签收期限：${local(acceptBy)}`].join(
      '\n',
    ),
    sequence: 0,
    categories: ['督查督办', '签收'],
  };
  return [accept, due];
}
