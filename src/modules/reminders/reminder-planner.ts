import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../../common/time/clock';
import { durationMs } from '../../common/time/duration';
import { PlanPolicy } from '../plans/plan-policy';
import { Task } from '../tasks/entities/task.entity';
import { IN_FLIGHT_STATUSES } from '../tasks/task-status';
import { Reminder } from './entities/reminder.entity';
import { DEADLINE_KINDS, ReminderKind } from './reminder-kind';

type NewReminder = Pick<
  Reminder,
  | 'dedupeKey'
  | 'kind'
  | 'planId'
  | 'taskId'
  | 'departmentId'
  | 'offset'
  | 'level'
  | 'deadlineVersion'
  | 'dueAt'
> &
  Partial<Pick<Reminder, 'message' | 'createdById'>>;

/**
 * Turns a task's deadline and its plan's policy into reminder rows, inside the caller's transaction.
 * Rows are unique by their dedupe key, so planning again is harmless; a new deadline version makes new
 * keys and cancels what was pending for the old one. Returns the rows it created, for the caller to
 * schedule on Bull once the transaction has committed.
 */
@Injectable()
export class ReminderPlanner {
  constructor(private readonly clock: Clock) {}

  /** What a task in flight should have pending now, by its deadline and sign-for deadline. */
  desired(task: Task, policy: PlanPolicy): NewReminder[] {
    if (!IN_FLIGHT_STATUSES.includes(task.status)) return [];
    const now = this.clock.now().getTime();
    const due = task.dueAt.getTime();
    const base = {
      planId: task.planId,
      taskId: task.id,
      departmentId: null,
      deadlineVersion: task.deadlineVersion,
    };
    const key = (kind: ReminderKind, offset: string) =>
      `task:${task.id}:${kind}:${offset}:v${task.deadlineVersion}`;
    const rows: NewReminder[] = [];
    for (const offset of policy.beforeDue) {
      const at = due - durationMs(offset);
      // A "due in 7 days" notice makes no sense once fewer than 7 days are left.
      if (at >= now)
        rows.push({
          ...base,
          dedupeKey: key('before_due', offset),
          kind: 'before_due',
          offset,
          level: 0,
          dueAt: new Date(at),
        });
    }
    rows.push({
      ...base,
      dedupeKey: key('overdue', 'PT0S'),
      kind: 'overdue',
      offset: 'PT0S',
      level: 0,
      dueAt: new Date(due),
    });
    policy.escalations.forEach((offset, index) => {
      rows.push({
        ...base,
        dedupeKey: key('escalation', offset),
        kind: 'escalation',
        offset,
        level: index + 1,
        dueAt: new Date(due + durationMs(offset)),
      });
    });
    if (task.status === 'assigned' && task.assignedAt) {
      const at = task.assignedAt.getTime() + durationMs(policy.acceptWithin);
      rows.push({
        ...base,
        deadlineVersion: null,
        dedupeKey: `task:${task.id}:accept_overdue:${policy.acceptWithin}:${task.assignedAt.getTime()}`,
        kind: 'accept_overdue',
        offset: policy.acceptWithin,
        level: 0,
        dueAt: new Date(at),
      });
    }
    return rows;
  }

  /**
   * Brings a task's pending reminders in line with its state: plans what is missing, cancels what no longer
   * applies (an older deadline, a sign-for deadline once signed, everything once closed).
   */
  async syncTask(em: EntityManager, task: Task, policy: PlanPolicy): Promise<Reminder[]> {
    const desired = this.desired(task, policy);
    const keep = desired.map((r) => r.dedupeKey);
    const stale = em
      .createQueryBuilder()
      .update(Reminder)
      .set({ status: 'cancelled', message: '任务状态或截止时间已变化 (task changed)' })
      .where('task_id = :taskId AND status = :pending', { taskId: task.id, pending: 'pending' })
      .andWhere('kind IN (:...kinds)', { kinds: [...DEADLINE_KINDS, 'accept_overdue'] });
    if (keep.length) stale.andWhere('dedupe_key NOT IN (:...keep)', { keep });
    await stale.execute();
    return this.insert(em, desired);
  }

  /** Cancels everything pending for a task (completed or cancelled). */
  async cancelTask(em: EntityManager, taskId: string): Promise<void> {
    await em.update(
      Reminder,
      { taskId, status: 'pending' },
      { status: 'cancelled', message: '任务已关闭 (task closed)' },
    );
  }

  /** A notice to send now: 交办, 退回, 催办. `eventKey` makes it unique (an event id). */
  async now(
    em: EntityManager,
    task: Pick<Task, 'id' | 'planId'>,
    kind: Extract<ReminderKind, 'assigned' | 'returned' | 'urge'>,
    eventKey: string,
    extra: { message?: string | null; createdById?: string | null } = {},
  ): Promise<Reminder[]> {
    return this.insert(em, [
      {
        dedupeKey: `task:${task.id}:${kind}:${eventKey}`,
        kind,
        planId: task.planId,
        taskId: task.id,
        departmentId: null,
        offset: null,
        level: 0,
        deadlineVersion: null,
        dueAt: this.clock.now(),
        message: extra.message ?? null,
        createdById: extra.createdById ?? null,
      },
    ]);
  }

  /** Re-plans the open tasks of a plan after its policy changed. */
  async syncPlan(em: EntityManager, planId: string, policy: PlanPolicy): Promise<Reminder[]> {
    const tasks = await em.find(Task, { where: { planId, status: In([...IN_FLIGHT_STATUSES]) } });
    const created: Reminder[] = [];
    for (const task of tasks) created.push(...(await this.syncTask(em, task, policy)));
    return created;
  }

  async insert(em: EntityManager, rows: NewReminder[]): Promise<Reminder[]> {
    if (rows.length === 0) return [];
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(Reminder)
      .values(rows.map((r) => ({ status: 'pending' as const, ...r })))
      .orIgnore()
      .returning(['id', 'dueAt'])
      .execute();
    return (result.raw as { id: string; due_at: Date }[]).map(
      (r) => ({ id: r.id, dueAt: r.due_at }) as Reminder,
    );
  }
}
