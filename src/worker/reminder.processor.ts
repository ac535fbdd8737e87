import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { DeliverReminderPayload, REMINDER_QUEUE, ReminderJob } from '../common/queues/queues';
import { DeliveryScheduler } from '../modules/notifications/delivery-scheduler';
import { ReminderDeliveryService } from '../modules/notifications/reminder-delivery.service';
import { ReminderSweepService, SweepResult } from '../modules/notifications/reminder-sweep.service';
import { workerId } from './worker-id';

/** How many other due reminders a delivery job takes along: when many fall due at once, they share transactions. */
const ALSO_DUE = 24;

/** Thin: each job calls a service. Handlers are idempotent (the claim makes a repeated job a no-op). */
@Processor(REMINDER_QUEUE)
export class ReminderProcessor {
  constructor(
    private readonly delivery: ReminderDeliveryService,
    private readonly deliveries: DeliveryScheduler,
    private readonly sweeper: ReminderSweepService,
  ) {}

  /** The job's reminder, and in the same transaction up to ALSO_DUE others that are due (their jobs then skip). */
  @Process({ name: ReminderJob.Deliver, concurrency: 8 })
  async deliver(job: Job<DeliverReminderPayload>): Promise<string> {
    const result = await this.delivery.deliverBatch([job.data.reminderId], workerId(), ALSO_DUE);
    this.deliveries.schedule(result.deliveries);
    return result.outcomes.get(job.data.reminderId) ?? 'skipped';
  }

  /** The periodic safety net: due reminders from PostgreSQL, then outside deliveries whose job was lost. */
  @Process({ name: ReminderJob.Sweep, concurrency: 1 })
  async sweep(): Promise<SweepResult & { requeued: number }> {
    const result = await this.sweeper.sweep(workerId());
    return { ...result, requeued: await this.deliveries.requeuePending() };
  }
}
