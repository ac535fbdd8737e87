import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../../common/auth/actor';
import { monthIn, monthStart } from '../../common/time/time-zone';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Reminder, ReminderRecipients } from '../reminders/entities/reminder.entity';
import { DEADLINE_KINDS, ReminderKind } from '../reminders/reminder-kind';
import { Task } from '../tasks/entities/task.entity';
import { UsersService } from '../users/users.service';
import { DepartmentWebhook } from './entities/department-webhook.entity';
import { Delivery } from './entities/delivery.entity';
import { noticeText } from './notice-text';

export type DeliveryOutcome = 'sent' | 'cancelled' | 'skipped';

/** What delivery reads of a reminder. */
type DeliveryReminder = Pick<
  Reminder,
  | 'id'
  | 'kind'
  | 'planId'
  | 'taskId'
  | 'departmentId'
  | 'offset'
  | 'level'
  | 'deadlineVersion'
  | 'dueAt'
  | 'message'
>;

/** What delivery reads of a task. */
type DeliveryTask = Pick<
  Task,
  'id' | 'code' | 'title' | 'status' | 'dueAt' | 'deadlineVersion' | 'leadDepartmentId'
>;

interface ClaimedRow {
  id: string;
  kind: Reminder['kind'];
  plan_id: string;
  task_id: string | null;
  department_id: string | null;
  offset: string | null;
  level: number;
  deadline_version: number | null;
  due_at: Date;
  message: string | null;
  time_zone: string;
  t_id: string | null;
  t_code: string;
  t_title: string;
  t_status: Task['status'];
  t_due_at: Date;
  t_deadline_version: number;
  t_lead_department_id: string;
  t_co: string[];
}

function claimedTask(row: ClaimedRow): DeliveryTask | null {
  if (!row.t_id) return null;
  return {
    id: row.t_id,
    code: row.t_code,
    title: row.t_title,
    status: row.t_status,
    dueAt: row.t_due_at,
    deadlineVersion: row.t_deadline_version,
    leadDepartmentId: row.t_lead_department_id,
  };
}

function claimedReminder(row: ClaimedRow): DeliveryReminder {
  return {
    id: row.id,
    kind: row.kind,
    planId: row.plan_id,
    taskId: row.task_id,
    departmentId: row.department_id,
    offset: row.offset,
    level: row.level,
    deadlineVersion: row.deadline_version,
    dueAt: row.due_at,
    message: row.message,
  };
}

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
      // One round trip claims the row and reads what the notice needs: the plan's zone, the task and its
      // co-organizers. A claim that had to wait for another transaction's lock on the row finds it no longer
      // pending (sent, or cancelled by a task change), so whatever it claims was read as of now. A CTE, so
      // that the answer is the rows themselves: TypeORM answers a bare UPDATE with [rows, rowCount], which is
      // never empty, and an emptiness test on it never gated anything.
      const [claimed] = await em.query<ClaimedRow[]>(
        `WITH claimed AS (
           UPDATE reminders r SET status = 'sending', claimed_at = now(), claimed_by = $2, attempts = r.attempts + 1
             FROM plans p
            WHERE r.id = $1 AND r.status = 'pending' AND r.due_at <= now() + interval '1 second' AND p.id = r.plan_id
            RETURNING r.id, r.kind, r.plan_id, r.task_id, r.department_id, r."offset", r.level, r.deadline_version,
                      r.due_at, r.message, p.time_zone)
         SELECT c.*, t.id AS t_id, t.code AS t_code, t.title AS t_title, t.status AS t_status, t.due_at AS t_due_at,
                t.deadline_version AS t_deadline_version, t.lead_department_id AS t_lead_department_id,
                ARRAY(SELECT cd.department_id::text FROM task_co_departments cd WHERE cd.task_id = t.id
                       ORDER BY cd.department_id) AS t_co
           FROM claimed c LEFT JOIN tasks t ON t.id = c.task_id`,
        [reminderId, worker],
      );
      if (!claimed) return { outcome: 'skipped' as const, deliveries: [] };
      const reminder = claimedReminder(claimed);
      const timeZone = claimed.time_zone;
      const task = claimedTask(claimed);

      const stale = await this.whyStale(em, reminder, task, timeZone);
      if (stale) {
        await em.update(Reminder, { id: reminderId }, { status: 'cancelled', message: stale });
        return { outcome: 'cancelled' as const, deliveries: [] };
      }

      const departments = task
        ? { lead: [task.leadDepartmentId], all: [task.leadDepartmentId, ...claimed.t_co] }
        : { lead: [reminder.departmentId as string], all: [reminder.departmentId as string] };
      const who = circle(reminder.kind, reminder.level);
      const people = await this.users.recipients(
        who.co ? departments.all : departments.lead,
        who.departmentRoles,
        who.globalRoles,
        em,
      );
      const month = monthIn(reminder.dueAt, timeZone);
      const text = noticeText(reminder, task, { timeZone, month });
      if (people.length > 0) {
        await em.query(
          `INSERT INTO notifications (user_id, reminder_id, kind, task_id, title, body)
           SELECT unnest($1::uuid[]), $2::uuid, $3::varchar, $4::uuid, $5::varchar, $6::varchar
           ON CONFLICT DO NOTHING`,
          [
            people.map((u) => u.id),
            reminderId,
            reminder.kind,
            reminder.taskId,
            text.title.slice(0, 200),
            text.body.slice(0, 4000),
          ],
        );
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
      await em.query(`UPDATE reminders SET status = 'sent', sent_at = now(), recipients = $2 WHERE id = $1`, [
        reminderId,
        JSON.stringify(recipients),
      ]);
      return { outcome: 'sent' as const, deliveries };
    });
  }

  /** Why a reminder no longer applies, or null when it does. */
  private async whyStale(
    em: EntityManager,
    reminder: DeliveryReminder,
    task: DeliveryTask | null,
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
    reminder: DeliveryReminder,
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
