import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { DeliverReminderPayload, REMINDER_QUEUE, ReminderJob } from '../common/queues/queues';
import { DeliveryScheduler } from '../modules/notifications/delivery-scheduler';
import { ReminderDeliveryService } from '../modules/notifications/reminder-delivery.service';
import { ReminderSweepService, SweepResult } from '../modules/notifications/reminder-sweep.service';
import { workerId } from './worker-id';

/** Thin: each job calls a service. Handlers are idempotent (the claim makes a repeated job a no-op). */
@Processor(REMINDER_QUEUE)
export class ReminderProcessor {
  constructor(
    private readonly delivery: ReminderDeliveryService,
    private readonly deliveries: DeliveryScheduler,
    private readonly sweeper: ReminderSweepService,
  ) {}

  @Process({ name: ReminderJob.Deliver, concurrency: 8 })
  async deliver(job: Job<DeliverReminderPayload>): Promise<string> {
    const result = await this.delivery.deliver(job.data.reminderId, workerId());
    this.deliveries.schedule(result.deliveries);
    return result.outcome;
  }

  /** The periodic safety net: due reminders from PostgreSQL, then outside deliveries whose job was lost. */
  @Process({ name: ReminderJob.Sweep, concurrency: 1 })
  async sweep(): Promise<SweepResult & { requeued: number }> {
    const result = await this.sweeper.sweep(workerId());
    return { ...result, requeued: await this.deliveries.requeuePending() };
  }
}
