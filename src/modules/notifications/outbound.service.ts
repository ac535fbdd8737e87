import { monthIn } from '../../common/time/time-zone';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Plan } from '../plans/entities/plan.entity';
import { Reminder } from '../reminders/entities/reminder.entity';
import { Task } from '../tasks/entities/task.entity';
import { EmailChannel } from './channels/email.channel';
import { OutboundNotice } from './channels/outbound-notice';
import { WebhookChannel } from './channels/webhook.channel';
import { Delivery } from './entities/delivery.entity';
import { DepartmentWebhook } from './entities/department-webhook.entity';
import { noticeText } from './notice-text';

/**
 * Sends one outside-channel delivery. Throws on failure so that Bull retries with backoff; every attempt's
 * outcome is written on the delivery row (status, attempts, last error), so a failing channel is visible.
 */
@Injectable()
export class OutboundService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly email: EmailChannel,
    private readonly webhooks: WebhookChannel,
  ) {}

  async send(deliveryId: string, finalAttempt: boolean): Promise<'sent' | 'skipped'> {
    const repo = this.dataSource.getRepository(Delivery);
    const delivery = await repo.findOneBy({ id: deliveryId });
    if (!delivery || delivery.status !== 'pending') return 'skipped';
    try {
      const notice = await this.notice(delivery.reminderId);
      if (delivery.channel === 'email') {
        await this.email.send(delivery.target, notice);
      } else {
        const hook = await this.dataSource
          .getRepository(DepartmentWebhook)
          .createQueryBuilder('w')
          .addSelect('w.secret')
          .where('w.id = :id', { id: delivery.target })
          .getOne();
        if (!hook || !hook.enabled) {
          await repo.update(
            { id: deliveryId },
            { status: 'failed', lastError: '推送地址已删除或停用 (webhook removed or disabled)' },
          );
          return 'skipped';
        }
        await this.webhooks.send(hook, notice);
      }
      await repo.update(
        { id: deliveryId, status: 'pending' },
        { status: 'sent', sentAt: () => 'now()', attempts: () => 'attempts + 1', lastError: null },
      );
      return 'sent';
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      await repo.update(
        { id: deliveryId, status: 'pending' },
        {
          attempts: () => 'attempts + 1',
          lastError: message,
          ...(finalAttempt ? { status: 'failed' as const } : {}),
        },
      );
      throw error;
    }
  }

  private async notice(reminderId: string): Promise<OutboundNotice> {
    const reminder = await this.dataSource.getRepository(Reminder).findOneByOrFail({ id: reminderId });
    const plan = await this.dataSource.getRepository(Plan).findOneByOrFail({ id: reminder.planId });
    const task = reminder.taskId
      ? await this.dataSource.getRepository(Task).findOneBy({ id: reminder.taskId })
      : null;
    const text = noticeText(reminder, task, {
      timeZone: plan.timeZone,
      month: monthIn(reminder.dueAt, plan.timeZone),
    });
    return {
      id: reminder.id,
      kind: reminder.kind,
      level: reminder.level,
      title: text.title,
      body: text.body,
      taskId: reminder.taskId,
      taskCode: task?.code ?? null,
      planId: reminder.planId,
      departmentId: reminder.departmentId,
      dueAt: task?.dueAt.toISOString() ?? null,
      sentAt: (reminder.sentAt ?? new Date()).toISOString(),
    };
  }
}
