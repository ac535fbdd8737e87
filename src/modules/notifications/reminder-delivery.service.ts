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
 * Claims the pending, due reminders `which` selects and reads what their notices need: the plan's zone, the
 * task and its co-organizers, in one round trip. A claim that had to wait for another transaction's lock on a
 * row finds it no longer pending (sent, or cancelled by a task change), so whatever it claims was read as of
 * now. A CTE, so that the answer is the rows themselves: TypeORM answers a bare UPDATE with [rows, rowCount],
 * which is never empty, and an emptiness test on it never gated anything. $2 is the worker.
 */
const CLAIM_SQL = (which: string, picked?: string): string => `
  WITH ${picked ? `picked AS MATERIALIZED (${picked}),` : ''} claimed AS (
    UPDATE reminders r SET status = 'sending', claimed_at = now(), claimed_by = $2, attempts = r.attempts + 1
      FROM plans p
     WHERE ${which} AND r.status = 'pending' AND r.due_at <= now() + interval '1 second' AND p.id = r.plan_id
     RETURNING r.id, r.kind, r.plan_id, r.task_id, r.department_id, r."offset", r.level, r.deadline_version,
               r.due_at, r.message, p.time_zone)
  SELECT c.*, t.id AS t_id, t.code AS t_code, t.title AS t_title, t.status AS t_status, t.due_at AS t_due_at,
         t.deadline_version AS t_deadline_version, t.lead_department_id AS t_lead_department_id,
         ARRAY(SELECT cd.department_id::text FROM task_co_departments cd WHERE cd.task_id = t.id
                ORDER BY cd.department_id) AS t_co
    FROM claimed c LEFT JOIN tasks t ON t.id = c.task_id`;

/** What a batch delivery did. */
export interface BatchOutcome {
  /** Per reminder asked for: sent, cancelled (no longer applies) or skipped (not claimable: done, taken, not due). */
  outcomes: Map<string, DeliveryOutcome>;
  /** Outside-channel deliveries (email, webhooks) written, for the delivery queue. */
  deliveries: string[];
}

/**
 * Delivers reminders, exactly once: in one transaction it claims the rows (a conditional UPDATE, so a second
 * worker finds nothing to claim), re-checks that each task is still open and its deadline unchanged, writes
 * the inbox notices and the outside-channel deliveries (an outbox), and marks the rows sent. A worker that
 * dies half-way rolls the transaction back, and the rows are pending again for the sweep. Several reminders
 * share the transaction and its statements (claim, recipients, notices, outbox, mark sent): the cost of a
 * delivery is then mostly the rows it writes.
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
    const result = await this.deliverBatch([reminderId], worker);
    return { outcome: result.outcomes.get(reminderId) ?? 'skipped', deliveries: result.deliveries };
  }

  /**
   * Delivers `reminderIds` and, when `alsoDue` > 0, up to that many more reminders that are due and pending
   * and not locked by another worker's claim (SKIP LOCKED): their own jobs then find nothing left to claim.
   */
  async deliverBatch(reminderIds: string[], worker: string, alsoDue = 0): Promise<BatchOutcome> {
    // Most jobs of a burst find their reminder already taken along by another job's batch. One read, outside
    // a transaction, spares them the transaction: nothing of theirs is pending, and (when they would take
    // others along) nothing else is due. Only a hint — the claim below decides, under its lock.
    const [hint] = await this.dataSource.query<{ own: boolean; backlog: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM reminders WHERE id = ANY($1::uuid[]) AND status = 'pending') AS own,
              $2::int > 0 AND EXISTS (SELECT 1 FROM reminders WHERE status = 'pending' AND due_at <= now()) AS backlog`,
      [reminderIds, alsoDue],
    );
    if (!hint.own && !hint.backlog) {
      return { outcomes: new Map(reminderIds.map((id) => [id, 'skipped' as const])), deliveries: [] };
    }
    return this.dataSource.transaction(async (em) => {
      const outcomes = new Map<string, DeliveryOutcome>(reminderIds.map((id) => [id, 'skipped' as const]));
      const claimed = await em.query<ClaimedRow[]>(CLAIM_SQL('r.id = ANY($1::uuid[])'), [
        reminderIds,
        worker,
      ]);
      if (alsoDue > 0) {
        // Second, and never waiting: rows another worker holds are skipped, so that no two claims wait on
        // each other (the first claim may wait; this one cannot be what it waits for).
        claimed.push(
          ...(await em.query<ClaimedRow[]>(
            CLAIM_SQL(
              'r.id IN (SELECT id FROM picked)',
              // Picked once (materialized): as a plain subquery the planner may rescan it, locking, per row.
              `SELECT d.id FROM reminders d WHERE d.status = 'pending' AND d.due_at <= now()
                ORDER BY d.due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
            ),
            [alsoDue, worker],
          )),
        );
      }
      if (claimed.length === 0) return { outcomes, deliveries: [] };

      const cancelled: { id: string; why: string }[] = [];
      const live: { row: ClaimedRow; reminder: DeliveryReminder; task: DeliveryTask | null }[] = [];
      for (const row of claimed) {
        const reminder = claimedReminder(row);
        const task = claimedTask(row);
        const stale = await this.whyStale(em, reminder, task, row.time_zone);
        if (stale) cancelled.push({ id: row.id, why: stale });
        else live.push({ row, reminder, task });
      }
      if (cancelled.length > 0) {
        await em.query(
          `UPDATE reminders r SET status = 'cancelled', message = x.why
             FROM unnest($1::uuid[], $2::varchar[]) AS x(id, why) WHERE r.id = x.id`,
          [cancelled.map((c) => c.id), cancelled.map((c) => c.why)],
        );
        for (const c of cancelled) outcomes.set(c.id, 'cancelled');
      }
      if (live.length === 0) return { outcomes, deliveries: [] };

      // Who hears of each: one query for the union of the circles, then each reminder's own circle.
      const plans = live.map(({ row, reminder, task }) => {
        const who = circle(reminder.kind, reminder.level);
        const lead = task ? [task.leadDepartmentId] : [reminder.departmentId as string];
        const departments = who.co && task ? [task.leadDepartmentId, ...row.t_co] : lead;
        return { row, reminder, task, who, departments };
      });
      const everyone = await this.users.recipients(
        [...new Set(plans.flatMap((p) => p.departments))],
        [...new Set(plans.flatMap((p) => p.who.departmentRoles))],
        [...new Set(plans.flatMap((p) => p.who.globalRoles))],
        em,
      );
      const notices = { user: [] as string[], reminder: [] as string[], kind: [] as string[] };
      const texts = { task: [] as (string | null)[], title: [] as string[], body: [] as string[] };
      const sent: { id: string; recipients: ReminderRecipients }[] = [];
      const outboxItems: {
        reminderId: string;
        departmentIds: string[];
        people: { email: string | null }[];
      }[] = [];
      for (const p of plans) {
        const people = everyone.filter(
          (u) =>
            (u.departmentId !== null &&
              p.departments.includes(u.departmentId) &&
              p.who.departmentRoles.includes(u.role)) ||
            p.who.globalRoles.includes(u.role),
        );
        const timeZone = p.row.time_zone;
        const text = noticeText(p.reminder, p.task, { timeZone, month: monthIn(p.reminder.dueAt, timeZone) });
        for (const u of people) {
          notices.user.push(u.id);
          notices.reminder.push(p.reminder.id);
          notices.kind.push(p.reminder.kind);
          texts.task.push(p.reminder.taskId);
          texts.title.push(text.title.slice(0, 200));
          texts.body.push(text.body.slice(0, 4000));
        }
        sent.push({
          id: p.reminder.id,
          recipients: { userIds: people.map((u) => u.id), departmentIds: p.departments },
        });
        outboxItems.push({ reminderId: p.reminder.id, departmentIds: p.departments, people });
      }
      if (notices.user.length > 0) {
        await em.query(
          `INSERT INTO notifications (user_id, reminder_id, kind, task_id, title, body)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::uuid[], $5::varchar[], $6::varchar[])
           ON CONFLICT DO NOTHING`,
          [notices.user, notices.reminder, notices.kind, texts.task, texts.title, texts.body],
        );
      }
      const deliveries = await this.outbox(em, outboxItems);
      await em.query(
        `UPDATE reminders r SET status = 'sent', sent_at = now(), recipients = x.recipients
           FROM unnest($1::uuid[], $2::jsonb[]) AS x(id, recipients) WHERE r.id = x.id`,
        [sent.map((s) => s.id), sent.map((s) => JSON.stringify(s.recipients))],
      );
      for (const s of sent) outcomes.set(s.id, 'sent');
      return { outcomes, deliveries };
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
    items: { reminderId: string; departmentIds: string[]; people: { email: string | null }[] }[],
  ): Promise<string[]> {
    const rows: { reminderId: string; channel: 'email' | 'webhook'; target: string; status: 'pending' }[] =
      [];
    if (this.config.smtpUrl) {
      for (const item of items) {
        for (const email of new Set(item.people.map((p) => p.email).filter((e): e is string => !!e))) {
          rows.push({ reminderId: item.reminderId, channel: 'email', target: email, status: 'pending' });
        }
      }
    }
    const hooks = await em
      .getRepository(DepartmentWebhook)
      .createQueryBuilder('w')
      .where('w.department_id = ANY(:departmentIds) AND w.enabled = true', {
        departmentIds: [...new Set(items.flatMap((i) => i.departmentIds))],
      })
      .getMany();
    for (const item of items) {
      for (const hook of hooks) {
        if (item.departmentIds.includes(hook.departmentId)) {
          rows.push({ reminderId: item.reminderId, channel: 'webhook', target: hook.id, status: 'pending' });
        }
      }
    }
    if (rows.length === 0) return [];
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(Delivery)
      .values(rows)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }
}
