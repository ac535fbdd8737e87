import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../../common/auth/actor';
import { zonedTimeToUtc } from '../../common/time/time-zone';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Plan } from '../plans/entities/plan.entity';
import { Reminder, ReminderRecipients } from '../reminders/entities/reminder.entity';
import { DEADLINE_KINDS, ReminderKind } from '../reminders/reminder-kind';
import { Task } from '../tasks/entities/task.entity';
import { UsersService } from '../users/users.service';
import { DepartmentWebhook } from './entities/department-webhook.entity';
import { Delivery } from './entities/delivery.entity';
import { Notification } from './entities/notification.entity';
import { noticeText } from './notice-text';

export type DeliveryOutcome = 'sent' | 'cancelled' | 'skipped';

const CLOSED = ['completed', 'cancelled', 'draft'];
const DEPARTMENT_USERS = [Role.DeptManager, Role.DeptStaff];

/** Who hears of each kind (DESIGN.md): the circle widens as a task runs late. */
function circle(
  kind: ReminderKind,
  level: number,
): { departmentRoles: Role[]; globalRoles: Role[]; co: boolean } {
  switch (kind) {
    case 'before_due':
    case 'assigned':
    case 'urge':
      return { departmentRoles: DEPARTMENT_USERS, globalRoles: [], co: true };
    case 'overdue':
      return { departmentRoles: DEPARTMENT_USERS, globalRoles: [Role.Office], co: false };
    case 'escalation':
      return level >= 2
        ? { departmentRoles: [Role.DeptManager], globalRoles: [Role.Office, Role.Leader], co: false }
        : { departmentRoles: [Role.DeptManager], globalRoles: [Role.Office], co: false };
    case 'accept_overdue':
      return { departmentRoles: [Role.DeptManager], globalRoles: [Role.Office], co: false };
    case 'returned':
    case 'monthly_report':
      return { departmentRoles: DEPARTMENT_USERS, globalRoles: [], co: false };
  }
}

/**
 * Delivers one reminder, exactly once: in one transaction it claims the row (a conditional UPDATE, so a
 * second worker finds nothing to claim), re-checks that the task is still open and the deadline unchanged,
 * writes the inbox notices and the outside-channel deliveries (an outbox), and marks the row sent. A worker
 * that dies half-way rolls the transaction back, and the row is pending again for the sweep.
 */
@Injectable()
export class ReminderDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(
    reminderId: string,
    worker: string,
  ): Promise<{ outcome: DeliveryOutcome; deliveries: string[] }> {
    return this.dataSource.transaction(async (em) => {
      const claimed = await em.query<Record<string, unknown>[]>(
        `UPDATE reminders SET status = 'sending', claimed_at = now(), claimed_by = $2, attempts = attempts + 1
          WHERE id = $1 AND status = 'pending' AND due_at <= now() + interval '1 second'
          RETURNING id`,
        [reminderId, worker],
      );
      if (claimed.length === 0) return { outcome: 'skipped' as const, deliveries: [] };
      const reminder = await em.findOneByOrFail(Reminder, { id: reminderId });
      const plan = await em.findOneByOrFail(Plan, { id: reminder.planId });
      const task = reminder.taskId ? await em.findOneBy(Task, { id: reminder.taskId }) : null;

      const stale = await this.whyStale(em, reminder, task, plan.timeZone);
      if (stale) {
        await em.update(Reminder, { id: reminderId }, { status: 'cancelled', message: stale });
        return { outcome: 'cancelled' as const, deliveries: [] };
      }

      const departments = await this.departmentsOf(em, reminder, task);
      const who = circle(reminder.kind, reminder.level);
      const people = await this.users.recipients(
        who.co ? departments.all : departments.lead,
        who.departmentRoles,
        who.globalRoles,
      );
      const month = monthIn(reminder.dueAt, plan.timeZone);
      const text = noticeText(reminder, task, { timeZone: plan.timeZone, month });
      if (people.length > 0) {
        await em
          .createQueryBuilder()
          .insert()
          .into(Notification)
          .values(
            people.map((u) => ({
              userId: u.id,
              reminderId,
              kind: reminder.kind,
              taskId: reminder.taskId,
              title: text.title.slice(0, 200),
              body: text.body.slice(0, 4000),
            })),
          )
          .orIgnore()
          .execute();
      }
      const deliveries = await this.outbox(
        em,
        reminderId,
        who.co ? departments.all : departments.lead,
        people,
      );
      const recipients: ReminderRecipients = {
        userIds: people.map((u) => u.id),
        departmentIds: who.co ? departments.all : departments.lead,
      };
      await em.update(Reminder, { id: reminderId }, { status: 'sent', sentAt: () => 'now()', recipients });
      return { outcome: 'sent' as const, deliveries };
    });
  }

  /** Why a reminder no longer applies, or null when it does. */
  private async whyStale(
    em: EntityManager,
    reminder: Reminder,
    task: Task | null,
    timeZone: string,
  ): Promise<string | null> {
    if (reminder.kind === 'monthly_report') {
      return (await this.stillOwesMonthlyReport(em, reminder, timeZone))
        ? null
        : '本月进展已报送或已无在办任务 (no longer owed)';
    }
    if (!task) return '任务已不存在 (task gone)';
    if (CLOSED.includes(task.status))
      return `任务已${task.status === 'completed' ? '办结' : '关闭'} (task ${task.status})`;
    if (DEADLINE_KINDS.includes(reminder.kind) && reminder.deadlineVersion !== task.deadlineVersion) {
      return '截止时间已调整 (deadline changed)';
    }
    if (reminder.kind === 'accept_overdue' && task.status !== 'assigned') {
      return '任务已签收 (already accepted)';
    }
    if (reminder.kind === 'before_due') {
      if (task.dueAt.getTime() <= Date.now()) return '已过截止时间，改发逾期通知 (deadline passed)';
      // After downtime several offsets may be due at once: only the nearest to the deadline is worth sending.
      const [later] = await em.query<{ id: string }[]>(
        `SELECT id FROM reminders WHERE task_id = $1 AND kind = 'before_due' AND deadline_version = $2
            AND due_at > $3 AND due_at <= now() AND status IN ('pending', 'sending', 'sent') LIMIT 1`,
        [task.id, reminder.deadlineVersion, reminder.dueAt],
      );
      if (later) return '已有更临近的到期提醒 (superseded by a nearer reminder)';
    }
    return null;
  }

  private async stillOwesMonthlyReport(
    em: EntityManager,
    reminder: Reminder,
    timeZone: string,
  ): Promise<boolean> {
    const [row] = await em.query<{ owes: boolean }[]>(
      `SELECT EXISTS (
         SELECT 1 FROM tasks t
          WHERE t.plan_id = $1 AND t.status IN ('accepted', 'in_progress', 'returned')
            AND (t.lead_department_id = $2 OR EXISTS (
                 SELECT 1 FROM task_co_departments c WHERE c.task_id = t.id AND c.department_id = $2))
       ) AND NOT EXISTS (
         SELECT 1 FROM progress_reports r JOIN tasks t ON t.id = r.task_id
          WHERE t.plan_id = $1 AND r.department_id = $2 AND r.created_at >= $3
       ) AS owes`,
      [reminder.planId, reminder.departmentId, monthStart(reminder.dueAt, timeZone)],
    );
    return row?.owes ?? false;
  }

  private async departmentsOf(
    em: EntityManager,
    reminder: Reminder,
    task: Task | null,
  ): Promise<{ lead: string[]; all: string[] }> {
    if (!task) return { lead: [reminder.departmentId as string], all: [reminder.departmentId as string] };
    const co = await em.query<{ department_id: string }[]>(
      'SELECT department_id FROM task_co_departments WHERE task_id = $1 ORDER BY department_id',
      [task.id],
    );
    return { lead: [task.leadDepartmentId], all: [task.leadDepartmentId, ...co.map((c) => c.department_id)] };
  }

  /** Email to recipients with an address (when SMTP is configured) and each department's enabled webhooks. */
  private async outbox(
    em: EntityManager,
    reminderId: string,
    departmentIds: string[],
    people: { email: string | null }[],
  ): Promise<string[]> {
    const targets: { channel: 'email' | 'webhook'; target: string }[] = [];
    if (this.config.smtpUrl) {
      for (const email of new Set(people.map((p) => p.email).filter((e): e is string => !!e))) {
        targets.push({ channel: 'email', target: email });
      }
    }
    const hooks = await em
      .getRepository(DepartmentWebhook)
      .createQueryBuilder('w')
      .where('w.department_id = ANY(:departmentIds) AND w.enabled = true', { departmentIds })
      .getMany();
    for (const hook of hooks) targets.push({ channel: 'webhook', target: hook.id });
    if (targets.length === 0) return [];
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(Delivery)
      .values(targets.map((t) => ({ reminderId, ...t, status: 'pending' as const })))
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }
}

/** "YYYY-MM" of a moment in a time zone. */
export function monthIn(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(at);
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}

/** The first instant of the month (in the zone) that `at` falls in. */
export function monthStart(at: Date, timeZone: string): Date {
  return zonedTimeToUtc(`${monthIn(at, timeZone)}-01`, '00:00', timeZone);
}
