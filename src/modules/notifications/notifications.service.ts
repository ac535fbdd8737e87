import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Actor } from '../../common/auth/actor';
import { DomainError, ErrorCode, notFound } from '../../common/errors/domain-error';
import { Page, pageOf } from '../../common/http/pagination';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../../common/time/clock';
import { Reminder } from '../reminders/entities/reminder.entity';
import { ReminderPlanner } from '../reminders/reminder-planner';
import { IN_FLIGHT_STATUSES } from '../tasks/task-status';
import { TasksService } from '../tasks/tasks.service';
import { DeliveryScheduler } from './delivery-scheduler';
import { InboxQuery, NotificationView, ReminderView } from './dto/notification.dto';
import { Delivery } from './entities/delivery.entity';
import { Notification } from './entities/notification.entity';
import { ReminderDeliveryService } from './reminder-delivery.service';

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly planner: ReminderPlanner,
    private readonly delivery: ReminderDeliveryService,
    private readonly deliveries: DeliveryScheduler,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The caller's inbox, newest first, with the unread count. */
  async inbox(actor: Actor, query: InboxQuery): Promise<Page<NotificationView> & { unread: number }> {
    const repo = this.dataSource.getRepository(Notification);
    const where = { userId: actor.id, ...(query.unread ? { readAt: IsNull() } : {}) };
    const [rows, total] = await repo.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const unread = await repo.countBy({ userId: actor.id, readAt: IsNull() });
    return { ...pageOf(rows.map(view), total, query), unread };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const repo = this.dataSource.getRepository(Notification);
    const row = await repo.findOneBy({ id, userId: actor.id });
    if (!row) throw notFound('通知', id);
    if (!row.readAt) {
      row.readAt = this.clock.now();
      await repo.save(row);
    }
    return view(row);
  }

  async markAllRead(actor: Actor): Promise<{ updated: number }> {
    const result = await this.dataSource
      .getRepository(Notification)
      .update({ userId: actor.id, readAt: IsNull() }, { readAt: this.clock.now() });
    return { updated: result.affected ?? 0 };
  }

  /** Planned and sent reminders of a task the caller may see, with their outside-channel deliveries. */
  async remindersOf(taskId: string, actor: Actor): Promise<ReminderView[]> {
    await this.tasks.assertVisible(taskId, actor);
    const reminders = await this.dataSource
      .getRepository(Reminder)
      .find({ where: { taskId }, order: { dueAt: 'ASC', createdAt: 'ASC' } });
    const deliveries = reminders.length
      ? await this.dataSource
          .getRepository(Delivery)
          .createQueryBuilder('d')
          .where('d.reminder_id IN (:...ids)', { ids: reminders.map((r) => r.id) })
          .orderBy('d.created_at')
          .getMany()
      : [];
    return reminders.map((r) => ({
      id: r.id,
      kind: r.kind,
      dueAt: r.dueAt,
      status: r.status,
      sentAt: r.sentAt,
      recipients: r.recipients,
      offset: r.offset,
      level: r.level,
      deadlineVersion: r.deadlineVersion,
      message: r.message,
      deliveries: deliveries
        .filter((d) => d.reminderId === r.id)
        .map((d) => ({
          channel: d.channel,
          target: d.target,
          status: d.status,
          attempts: d.attempts,
          lastError: d.lastError,
          sentAt: d.sentAt,
        })),
    }));
  }

  /** 催办: a reminder sent now, recorded like any other; the inbox part is delivered before answering. */
  async urge(taskId: string, message: string | undefined, actor: Actor): Promise<ReminderView> {
    const [reminder] = await this.tasks.write(async (em) => {
      const { task } = await this.tasks.lock(em, taskId, actor);
      if (!IN_FLIGHT_STATUSES.includes(task.status)) {
        throw new DomainError(
          ErrorCode.IllegalTransition,
          `任务当前状态为 ${task.status}，无需催办 (task is ${task.status})`,
          {
            currentStatus: task.status,
          },
        );
      }
      const key = randomUUID();
      const planned = await this.planner.now(em, task, 'urge', key, {
        message: message ?? null,
        createdById: actor.id,
      });
      await this.audit.record(em, {
        operation: 'urge',
        entity: 'task',
        entityId: task.id,
        after: { message: message ?? null, reminderIds: planned.map((r) => r.id) },
      });
      return planned;
    });
    const result = await this.delivery.deliver(reminder.id, `api:${process.pid}`);
    this.deliveries.schedule(result.deliveries);
    const all = await this.remindersOf(taskId, actor);
    const created = all.find((r) => r.id === reminder.id);
    if (!created) throw notFound('提醒', reminder.id);
    return created;
  }
}

function view(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    taskId: n.taskId,
    title: n.title,
    body: n.body,
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}
