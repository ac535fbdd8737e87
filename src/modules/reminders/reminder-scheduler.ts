import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import {
  DeliverReminderPayload,
  REMINDER_QUEUE,
  ReminderJob,
  reminderJobId,
} from '../../common/queues/queues';

const ENQUEUE_TIMEOUT_MS = 2000;

/**
 * Puts reminders on Bull with a delay to their moment. Never awaited by a request: when Redis is away the
 * write still succeeds, and the sweep delivers from PostgreSQL once a worker runs again.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(@InjectQueue(REMINDER_QUEUE) private readonly queue: Queue<DeliverReminderPayload>) {}

  schedule(reminders: Pick<{ id: string; dueAt: Date }, 'id' | 'dueAt'>[]): void {
    for (const reminder of reminders) {
      void this.enqueue(reminder).catch((error: unknown) => {
        this.logger.warn(
          `reminder ${reminder.id} not queued (${error instanceof Error ? error.message : String(error)}); the sweep will deliver it`,
        );
      });
    }
  }

  async enqueue(reminder: { id: string; dueAt: Date }): Promise<void> {
    const delay = Math.max(0, reminder.dueAt.getTime() - Date.now());
    const job = this.queue.add(
      ReminderJob.Deliver,
      { reminderId: reminder.id },
      {
        jobId: reminderJobId(reminder.id),
        delay,
        removeOnComplete: true,
        removeOnFail: 100,
        attempts: 3,
        backoff: 1000,
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer in time')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([job, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
