import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Role } from '../../common/auth/actor';
import { DomainError, ErrorCode, forbidden, notFound, unprocessable } from '../../common/errors/domain-error';
import { Page, pageOf } from '../../common/http/pagination';
import { Clock } from '../../common/time/clock';
import { visibleTasks } from '../tasks/task-query';
import { STATUS_LABELS, TaskStatus } from '../tasks/task-status';
import { TasksService } from '../tasks/tasks.service';
import {
  DecideExtensionDto,
  ExtensionView,
  ListExtensionsQuery,
  RequestExtensionDto,
} from './dto/extension.dto';
import { ExtensionRequest } from './entities/extension-request.entity';

/** Tasks whose deadline may still be extended: handed over, not yet submitted or closed. */
const EXTENDABLE: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress', 'returned'];

@Injectable()
export class ExtensionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly clock: Clock,
  ) {}

  async request(taskId: string, dto: RequestExtensionDto, actor: Actor): Promise<ExtensionView> {
    const saved = await this.dataSource.transaction(async (em) => {
      const { task } = await this.tasks.lock(em, taskId, actor);
      if (actor.role !== Role.DeptManager || actor.departmentId !== task.leadDepartmentId) {
        throw forbidden('只有牵头单位负责人可以申请延期 (lead department manager only)');
      }
      if (!EXTENDABLE.includes(task.status)) {
        throw new DomainError(
          ErrorCode.IllegalTransition,
          `任务当前状态为「${STATUS_LABELS[task.status]}」(${task.status})，不能申请延期 (cannot extend a ${task.status} task)`,
          { currentStatus: task.status },
        );
      }
      const now = this.clock.now();
      if (now.getTime() >= task.dueAt.getTime()) {
        throw unprocessable('任务已超过截止时间，不能再申请延期 (the deadline has passed)', {
          dueAt: task.dueAt.toISOString(),
        });
      }
      if (dto.requestedDueAt.getTime() <= task.dueAt.getTime()) {
        throw unprocessable(
          '申请的截止时间必须晚于当前截止时间 (requestedDueAt must be after the current dueAt)',
          {
            dueAt: task.dueAt.toISOString(),
          },
        );
      }
      const pending = await em.getRepository(ExtensionRequest).existsBy({ taskId, status: 'pending' });
      if (pending) {
        throw new DomainError(
          ErrorCode.Conflict,
          '已有待审批的延期申请 (an extension request is already pending)',
        );
      }
      const request = await em.save(
        em.create(ExtensionRequest, {
          taskId,
          requestedById: actor.id,
          currentDueAt: task.dueAt,
          requestedDueAt: dto.requestedDueAt,
          reason: dto.reason,
          status: 'pending',
        }),
      );
      await this.tasks.recordEvent(
        em,
        taskId,
        actor,
        {
          type: 'extension_requested',
          reason: dto.reason,
          data: { extensionId: request.id, requestedDueAt: dto.requestedDueAt.toISOString() },
        },
        task.status,
        task.status,
      );
      return request;
    });
    return view(saved);
  }

  async decide(id: string, dto: DecideExtensionDto, actor: Actor): Promise<ExtensionView> {
    const saved = await this.tasks.write(async (em, outbox) => {
      const request = await em
        .getRepository(ExtensionRequest)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw notFound('延期申请', id);
      const { task } = await this.tasks.lock(em, request.taskId, actor);
      if (request.status !== 'pending') {
        throw new DomainError(
          ErrorCode.IllegalTransition,
          `该申请已处理（${request.status}） (already decided)`,
          {
            currentStatus: request.status,
          },
        );
      }
      const approve = dto.decision === 'approve';
      if (approve && !EXTENDABLE.includes(task.status)) {
        throw new DomainError(
          ErrorCode.IllegalTransition,
          `任务当前状态为「${STATUS_LABELS[task.status]}」(${task.status})，不能延期 (cannot extend a ${task.status} task)`,
          { currentStatus: task.status },
        );
      }
      request.status = approve ? 'approved' : 'rejected';
      request.decidedById = actor.id;
      request.decidedAt = this.clock.now();
      request.comment = dto.comment ?? null;
      await em.save(request);
      const previousDueAt = task.dueAt;
      if (approve) {
        task.dueAt = request.requestedDueAt;
        task.deadlineVersion += 1;
        task.version += 1;
        await em.save(task);
        await this.tasks.syncReminders(em, task, outbox);
      }
      await this.tasks.recordEvent(
        em,
        task.id,
        actor,
        {
          type: 'extension_decided',
          reason: dto.comment ?? null,
          data: {
            extensionId: request.id,
            decision: dto.decision,
            previousDueAt: previousDueAt.toISOString(),
            dueAt: task.dueAt.toISOString(),
          },
        },
        task.status,
        task.status,
      );
      return request;
    });
    return view(saved);
  }

  /** Extension requests across tasks (the office's review queue), within the caller's scope, oldest first. */
  async list(query: ListExtensionsQuery, actor: Actor): Promise<Page<ExtensionView>> {
    const visible = visibleTasks(this.dataSource.manager, actor, this.clock.now()).select('t.id');
    const qb = this.dataSource
      .getRepository(ExtensionRequest)
      .createQueryBuilder('e')
      .where(`e.task_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters());
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.planId) {
      qb.andWhere('e.task_id IN (SELECT id FROM tasks WHERE plan_id = :planId)', { planId: query.planId });
    }
    const [rows, total] = await qb
      .orderBy('e.created_at', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(view), total, query);
  }

  async listForTask(taskId: string, actor: Actor): Promise<ExtensionView[]> {
    await this.tasks.assertVisible(taskId, actor);
    const rows = await this.dataSource
      .getRepository(ExtensionRequest)
      .find({ where: { taskId }, order: { createdAt: 'DESC' } });
    return rows.map(view);
  }
}

function view(r: ExtensionRequest): ExtensionView {
  return {
    id: r.id,
    taskId: r.taskId,
    requestedById: r.requestedById,
    currentDueAt: r.currentDueAt,
    requestedDueAt: r.requestedDueAt,
    reason: r.reason,
    status: r.status,
    decidedById: r.decidedById,
    decidedAt: r.decidedAt,
    comment: r.comment,
    createdAt: r.createdAt,
  };
}
