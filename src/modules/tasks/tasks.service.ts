import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/auth/actor';
import { DomainError, ErrorCode, notFound, unprocessable } from '../../common/errors/domain-error';
import { Page, pageOf } from '../../common/http/pagination';
import { Clock } from '../../common/time/clock';
import { DepartmentsService } from '../departments/departments.service';
import { PlansService } from '../plans/plans.service';
import { AuditService } from '../audit/audit.service';
import { Reminder } from '../reminders/entities/reminder.entity';
import { ReminderPlanner } from '../reminders/reminder-planner';
import { ReminderScheduler } from '../reminders/reminder-scheduler';
import {
  CreateTaskDto,
  ListTasksQuery,
  TaskDetailView,
  TaskEventView,
  TaskView,
  TransitionDto,
  UpdateTaskDto,
} from './dto/task.dto';
import { TaskEvent, TaskEventType } from './entities/task-event.entity';
import { Task } from './entities/task.entity';
import { assertMayAct, isOpen, LIFECYCLE, nextStatus, TaskAction } from './task-lifecycle';
import { applyTaskFilters, TaskFilters, TaskRow, toTaskView, visibleTasks } from './task-query';

/** A task locked for a write, with its co-organizers. */
export interface LockedTask {
  task: Task;
  coDepartmentIds: string[];
}

export interface TaskEventInput {
  type: TaskEventType;
  reason?: string | null;
  data?: Record<string, unknown> | null;
}

@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly departments: DepartmentsService,
    private readonly clock: Clock,
    private readonly planner: ReminderPlanner,
    private readonly scheduler: ReminderScheduler,
    private readonly audit: AuditService,
  ) {}

  /**
   * Runs a write in one transaction. Reminders planned on the way (`outbox`) go to Bull only after the
   * commit, and without waiting: a task write never depends on Redis.
   */
  async write<T>(work: (em: EntityManager, outbox: Reminder[]) => Promise<T>): Promise<T> {
    const outbox: Reminder[] = [];
    const result = await this.dataSource.transaction((em) => work(em, outbox));
    this.scheduler.schedule(outbox);
    return result;
  }

  /** Re-plans a task's reminders after its deadline or state changed (also used by extensions). */
  async syncReminders(em: EntityManager, task: Task, outbox: Reminder[]): Promise<void> {
    const plan = await this.plans.get(task.planId);
    outbox.push(...(await this.planner.syncTask(em, task, plan.policy)));
  }

  // ---------------------------------------------------------------- reading

  async list(query: ListTasksQuery, actor: Actor): Promise<Page<TaskView>> {
    const qb = applyTaskFilters(visibleTasks(this.dataSource.manager, actor, this.clock.now()), query);
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('t.due_at', 'ASC')
      .addOrderBy('t.code', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawMany<TaskRow>();
    return pageOf(rows.map(toTaskView), total, query);
  }

  /** How many tasks the caller may see match the filters, at `now`. */
  count(filters: TaskFilters, actor: Actor, now: Date): Promise<number> {
    return applyTaskFilters(visibleTasks(this.dataSource.manager, actor, now), filters).getCount();
  }

  /**
   * Every task the caller may see that matches the filters, in the list's order (deadline, code), in batches
   * paged by key rather than by offset, all judged at the same `now`: for exports, which must not hold an
   * unbounded result in memory. The caller decides how many rows it accepts (see count()).
   */
  async *stream(filters: TaskFilters, actor: Actor, now: Date, batchSize = 500): AsyncGenerator<TaskView[]> {
    let after: { dueAt: string; code: string; id: string } | undefined;
    for (;;) {
      const qb = applyTaskFilters(visibleTasks(this.dataSource.manager, actor, now), filters)
        // The deadline as text keeps its microseconds, which a JavaScript Date would lose.
        .addSelect('CAST(t.due_at AS text)', 'dueAtKey');
      if (after) {
        qb.andWhere(
          '(t.due_at, t.code, t.id) > (CAST(:afterDue AS timestamptz), :afterCode, CAST(:afterId AS uuid))',
          {
            afterDue: after.dueAt,
            afterCode: after.code,
            afterId: after.id,
          },
        );
      }
      const rows = await qb
        .orderBy('t.due_at', 'ASC')
        .addOrderBy('t.code', 'ASC')
        .addOrderBy('t.id', 'ASC')
        .limit(batchSize)
        .getRawMany<TaskRow & { dueAtKey: string }>();
      if (rows.length === 0) return;
      yield rows.map(toTaskView);
      if (rows.length < batchSize) return;
      const last = rows[rows.length - 1];
      after = { dueAt: last.dueAtKey, code: last.code, id: last.id };
    }
  }

  /** Every task of a plan the caller may see (judged at `now`, by default the clock's). */
  async allInPlan(planId: string, actor: Actor, now = this.clock.now()): Promise<TaskView[]> {
    const rows = await visibleTasks(this.dataSource.manager, actor, now)
      .andWhere('t.plan_id = :planId', { planId })
      .orderBy('t.code', 'ASC')
      .getRawMany<TaskRow>();
    return rows.map(toTaskView);
  }

  /** A task the caller may see, as the API shows it; 404 when it does not exist or is out of scope. */
  async getView(id: string, actor: Actor): Promise<TaskView> {
    const row = await visibleTasks(this.dataSource.manager, actor, this.clock.now())
      .andWhere('t.id = :id', { id })
      .getRawOne<TaskRow>();
    if (!row) throw notFound('任务', id);
    return toTaskView(row);
  }

  async getDetail(id: string, actor: Actor): Promise<TaskDetailView> {
    const view = await this.getView(id, actor);
    const events = await this.dataSource.getRepository(TaskEvent).find({
      where: { taskId: id },
      order: { at: 'ASC', createdAt: 'ASC' },
    });
    return {
      ...view,
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        actorId: e.actorId,
        at: e.at,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        reason: e.reason,
        data: e.data,
      })),
    };
  }

  /** The comments (意见、批示) on a task the caller may see, oldest first. */
  async comments(id: string, actor: Actor): Promise<TaskEventView[]> {
    const detail = await this.getDetail(id, actor);
    return detail.events.filter((e) => e.type === 'comment');
  }

  /**
   * A comment on a task the caller may see: leaders' and observers' one way to write, and anyone's way
   * to leave a remark in the task's history.
   */
  async comment(id: string, text: string, actor: Actor): Promise<TaskEventView> {
    const eventId = await this.write(async (em) => {
      const { task } = await this.lock(em, id, actor);
      const saved = await this.recordEvent(em, task.id, actor, { type: 'comment', reason: text }, null, null);
      await this.audit.record(em, {
        operation: 'comment',
        entity: 'task',
        entityId: task.id,
        after: { eventId: saved, text },
      });
      return saved;
    });
    const all = await this.comments(id, actor);
    const created = all.find((e) => e.id === eventId);
    if (!created) throw notFound('意见', eventId);
    return created;
  }

  /** Throws 404 unless the caller may see the task. For modules that hang records off a task. */
  async assertVisible(id: string, actor: Actor): Promise<void> {
    await this.getView(id, actor);
  }

  // ---------------------------------------------------------------- writing

  /** Creates a draft task. `code` and `source` are for imports; otherwise codes run T001, T002 … per plan. */
  async create(
    dto: CreateTaskDto,
    actor: Actor,
    options: { code?: string; source?: string } = {},
  ): Promise<TaskView> {
    if (!dto.targetId === !dto.actionItemId) {
      throw new DomainError(
        ErrorCode.Validation,
        '请在 targetId 和 actionItemId 中指定且只指定一个 (give exactly one of targetId, actionItemId)',
      );
    }
    const parent = dto.targetId
      ? await this.plans.getTarget(dto.targetId)
      : await this.plans.getActionItem(dto.actionItemId as string);
    const coDepartmentIds = this.coDepartments(dto.leadDepartmentId, dto.coDepartmentIds);
    const id = await this.dataSource.transaction(async (em) => {
      await this.departments.requireAll([dto.leadDepartmentId, ...coDepartmentIds], em);
      // Serialise code numbering within the plan.
      await em.query('SELECT id FROM plans WHERE id = $1 FOR UPDATE', [parent.planId]);
      const [{ count }] = await em.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM tasks WHERE plan_id = $1',
        [parent.planId],
      );
      const task = await em.save(
        em.create(Task, {
          planId: parent.planId,
          targetId: dto.targetId ?? null,
          actionItemId: dto.actionItemId ?? null,
          code: options.code ?? `T${String(count + 1).padStart(3, '0')}`,
          title: dto.title,
          description: dto.description ?? null,
          status: 'draft',
          leadDepartmentId: dto.leadDepartmentId,
          startAt: dto.startAt,
          dueAt: dto.dueAt,
          originalDueAt: dto.dueAt,
          progress: 0,
          source: options.source ?? null,
        }),
      );
      await this.setCoDepartments(em, task.id, coDepartmentIds, []);
      await this.recordEvent(em, task.id, actor, { type: 'created' }, null, 'draft');
      return task.id;
    });
    return this.getView(id, actor);
  }

  async update(id: string, dto: UpdateTaskDto, actor: Actor): Promise<TaskView> {
    await this.write(async (em, outbox) => {
      const { task, coDepartmentIds } = await this.lock(em, id, actor, dto.version);
      if (!isOpen(task.status)) {
        throw new DomainError(
          ErrorCode.IllegalTransition,
          `任务已${task.status === 'completed' ? '办结' : '撤销'}，不能修改 (task is ${task.status})`,
          {
            currentStatus: task.status,
          },
        );
      }
      const changed: Record<string, unknown> = {};
      const startAt = dto.startAt ?? task.startAt;
      const dueAt = dto.dueAt ?? task.dueAt;
      if (dueAt.getTime() <= startAt.getTime()) {
        throw unprocessable('截止时间必须晚于开始时间 (dueAt must be after startAt)');
      }
      for (const field of ['title', 'description', 'leadDepartmentId', 'startAt', 'dueAt'] as const) {
        const value = dto[field];
        if (value === undefined) continue;
        const before = task[field];
        const same =
          before instanceof Date && value instanceof Date
            ? before.getTime() === value.getTime()
            : before === value;
        if (!same) changed[field] = { from: before, to: value };
      }
      const lead = dto.leadDepartmentId ?? task.leadDepartmentId;
      const co = dto.coDepartmentIds
        ? this.coDepartments(lead, dto.coDepartmentIds)
        : coDepartmentIds.filter((d) => d !== lead);
      await this.departments.requireAll([lead, ...co], em);
      if (co.join() !== [...coDepartmentIds].sort().join())
        changed.coDepartmentIds = { from: coDepartmentIds, to: co };

      Object.assign(task, {
        title: dto.title ?? task.title,
        description: dto.description ?? task.description,
        leadDepartmentId: lead,
        startAt,
        dueAt,
      });
      if (changed.dueAt) {
        task.deadlineVersion += 1;
        // Before the task is handed over, the deadline being edited is still the original one.
        if (task.status === 'draft') task.originalDueAt = dueAt;
      }
      task.version += 1;
      await em.save(task);
      if (changed.coDepartmentIds) await this.setCoDepartments(em, task.id, co, coDepartmentIds);
      await this.recordEvent(
        em,
        task.id,
        actor,
        { type: 'updated', data: changed },
        task.status,
        task.status,
      );
      if (changed.dueAt) await this.syncReminders(em, task, outbox);
    });
    return this.getView(id, actor);
  }

  async transition(id: string, action: TaskAction, dto: TransitionDto, actor: Actor): Promise<TaskView> {
    await this.write(async (em, outbox) => {
      const locked = await this.lock(em, id, actor, dto.version);
      const event = { type: 'transition' as const, reason: dto.reason ?? null };
      await this.applyTransition(em, locked, action, actor, event, outbox);
    });
    return this.getView(id, actor);
  }

  /**
   * Locks the task row for the rest of the transaction. 404 when the caller may not see it; 409 when
   * `expectedVersion` is given and stale.
   */
  async lock(em: EntityManager, id: string, actor: Actor, expectedVersion?: number): Promise<LockedTask> {
    const visible = await visibleTasks(em, actor, this.clock.now())
      .andWhere('t.id = :id', { id })
      .getRawOne<TaskRow>();
    if (!visible) throw notFound('任务', id);
    // FOR NO KEY UPDATE, not FOR UPDATE: a reminder delivery that inserts notices referencing this task (a
    // foreign-key KEY SHARE lock) while holding the reminder row this transaction re-plans would deadlock.
    const task = await em.getRepository(Task).findOne({ where: { id }, lock: { mode: 'for_no_key_update' } });
    if (!task) throw notFound('任务', id);
    if (expectedVersion !== undefined && expectedVersion !== task.version) {
      throw new DomainError(
        ErrorCode.StaleVersion,
        `任务已被他人修改（当前版本 ${task.version}），请刷新后重试 (stale version: current is ${task.version})`,
        { currentVersion: task.version, currentStatus: task.status },
      );
    }
    return { task, coDepartmentIds: visible.coDepartmentIds ?? [] };
  }

  /** Checks and applies a life-cycle step on a locked task, stamping its time and recording the event. */
  async applyTransition(
    em: EntityManager,
    { task, coDepartmentIds }: LockedTask,
    action: TaskAction,
    actor: Actor,
    event: TaskEventInput,
    outbox: Reminder[],
  ): Promise<Task> {
    assertMayAct(action, { ...task, coDepartmentIds }, actor);
    const from = task.status;
    const to = nextStatus(action, from);
    if (LIFECYCLE[action].needsReason && !event.reason?.trim()) {
      throw new DomainError(
        ErrorCode.Validation,
        `${LIFECYCLE[action].label}必须填写原因 (reason is required)`,
      );
    }
    const now = this.clock.now();
    task.status = to;
    task.version += 1;
    switch (action) {
      case 'assign':
        task.assignedAt = now;
        break;
      case 'accept':
        task.acceptedAt = now;
        break;
      case 'submit':
        task.submittedAt = now;
        break;
      case 'complete':
        task.completedAt = now;
        task.progress = 100;
        break;
      case 'return':
        task.returnCount += 1;
        break;
      case 'report':
      case 'cancel':
        break;
    }
    const saved = await em.save(task);
    let eventId: string | undefined;
    if (from !== to || event.type !== 'transition') {
      eventId = await this.recordEvent(em, task.id, actor, event, from, to);
    }
    await this.planReminders(
      em,
      saved,
      action,
      eventId ?? String(saved.version),
      event.reason ?? null,
      outbox,
    );
    return saved;
  }

  /** What a step means for the task's reminders (DESIGN.md, Reminders). */
  private async planReminders(
    em: EntityManager,
    task: Task,
    action: TaskAction,
    eventId: string,
    reason: string | null,
    outbox: Reminder[],
  ): Promise<void> {
    switch (action) {
      case 'assign':
        await this.syncReminders(em, task, outbox);
        outbox.push(...(await this.planner.now(em, task, 'assigned', eventId)));
        return;
      case 'accept':
        await this.syncReminders(em, task, outbox);
        return;
      case 'return':
        outbox.push(...(await this.planner.now(em, task, 'returned', eventId, { message: reason })));
        return;
      case 'complete':
      case 'cancel':
        await this.planner.cancelTask(em, task.id);
        return;
      case 'report':
      case 'submit':
        return;
    }
  }

  async recordEvent(
    em: EntityManager,
    taskId: string,
    actor: Actor | null,
    event: TaskEventInput,
    fromStatus: Task['status'] | null,
    toStatus: Task['status'] | null,
  ): Promise<string> {
    const saved = await em.save(TaskEvent, {
      taskId,
      type: event.type,
      actorId: actor?.id ?? null,
      at: this.clock.now(),
      fromStatus,
      toStatus,
      reason: event.reason ?? null,
      data: event.data ?? null,
    });
    return saved.id;
  }

  private coDepartments(leadId: string, ids: string[] | undefined): string[] {
    const unique = [...new Set(ids ?? [])];
    if (unique.includes(leadId)) {
      throw unprocessable('牵头单位不能同时是配合单位 (the lead department cannot also be a co-organizer)');
    }
    return unique.sort();
  }

  private async setCoDepartments(
    em: EntityManager,
    taskId: string,
    departmentIds: string[],
    before: string[],
  ): Promise<void> {
    if (departmentIds.length > 0 || before.length > 0) {
      await this.audit.record(em, {
        operation: 'co_departments',
        entity: 'task',
        entityId: taskId,
        before: { coDepartmentIds: before },
        after: { coDepartmentIds: departmentIds },
      });
    }
    await em.query('DELETE FROM task_co_departments WHERE task_id = $1', [taskId]);
    if (departmentIds.length === 0) return;
    await em.query('INSERT INTO task_co_departments (task_id, department_id) SELECT $1, unnest($2::uuid[])', [
      taskId,
      departmentIds,
    ]);
  }
}
