import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { REMINDER_QUEUE, ReminderJob, SWEEP_JOB_ID } from '../common/queues/queues';
import { durationMs } from '../common/time/duration';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ReminderSweepService } from '../modules/notifications/reminder-sweep.service';
import { workerId } from './worker-id';

/**
 * Runs the sweep every REMINDER_SWEEP_INTERVAL: as a Bull repeatable job (registered again at every boot,
 * replacing one with another interval), and — so that reminders still go out while Redis is away — from a
 * plain timer in each worker when the repeatable job has not run lately. The sweep itself takes a
 * PostgreSQL advisory lock, so timers in many workers never sweep at once.
 */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SweepScheduler.name);
  private timer?: NodeJS.Timeout;
  private readonly everyMs: number;

  constructor(
    @InjectQueue(REMINDER_QUEUE) private readonly queue: Queue,
    private readonly sweeper: ReminderSweepService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.everyMs = durationMs(config.reminderSweepInterval);
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      for (const job of await this.queue.getRepeatableJobs()) {
        if (job.name === ReminderJob.Sweep && job.every !== this.everyMs) {
          await this.queue.removeRepeatableByKey(job.key);
        }
      }
      await this.queue.add(
        ReminderJob.Sweep,
        {},
        { jobId: SWEEP_JOB_ID, repeat: { every: this.everyMs }, removeOnComplete: true, removeOnFail: true },
      );
    } catch (error) {
      this.logger.warn(`sweep not registered on Bull (${String(error)}); the fallback timer sweeps`);
    }
    this.timer = setInterval(() => void this.fallback(), this.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Sweeps directly when Bull's sweep cannot run (Redis down or not answering). */
  private async fallback(): Promise<void> {
    if (this.queue.client.status === 'ready') return;
    try {
      await this.sweeper.sweep(workerId());
    } catch (error) {
      this.logger.error(`fallback sweep failed: ${String(error)}`);
    }
  }
}
