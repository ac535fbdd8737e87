import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { REMINDER_QUEUE, ReminderJob, SWEEP_JOB_ID } from '../common/queues/queues';
import { durationMs } from '../common/time/duration';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ReminderSweepService } from '../modules/notifications/reminder-sweep.service';
import { workerId } from './worker-id';

/** Bull reports job names as plain strings. */
const isSweep = (job: { name: string }): boolean => job.name === (ReminderJob.Sweep as string);

/**
 * Runs the sweep every REMINDER_SWEEP_INTERVAL: as a Bull repeatable job (registered again at every boot,
 * replacing one with another interval), and from a plain timer in each worker that keeps it going when
 * Bull cannot: while Redis is away the timer sweeps itself, and once Redis answers it puts the repeatable
 * job back if Redis has lost it (a FLUSHALL, a restart without persistence), since nothing else would
 * until a worker restarts. The sweep itself takes a PostgreSQL advisory lock, so timers in many workers
 * never sweep at once.
 */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SweepScheduler.name);
  private timer?: NodeJS.Timeout;
  private ticking = false;
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
        if (isSweep(job) && job.every !== this.everyMs) {
          await this.queue.removeRepeatableByKey(job.key);
        }
      }
      await this.register();
    } catch (error) {
      this.logger.warn(`sweep not registered on Bull (${String(error)}); the fallback timer sweeps`);
    }
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async register(): Promise<void> {
    await this.queue.add(
      ReminderJob.Sweep,
      {},
      { jobId: SWEEP_JOB_ID, repeat: { every: this.everyMs }, removeOnComplete: true, removeOnFail: true },
    );
  }

  /**
   * Sweeps directly when Bull's sweep cannot run (Redis down or not answering); otherwise registers the
   * repeatable sweep again when Redis no longer has one. One tick at a time: a slow Redis or a long sweep
   * must not pile them up.
   */
  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      if (this.queue.client.status !== 'ready') {
        await this.sweeper.sweep(workerId());
      } else if (!(await this.queue.getRepeatableJobs()).some(isSweep)) {
        await this.register();
        this.logger.warn(
          'the repeatable sweep was gone from Redis (flushed or restarted); registered it again',
        );
      }
    } catch (error) {
      this.logger.error(`sweep timer: ${String(error)}`);
    } finally {
      this.ticking = false;
    }
  }
}
