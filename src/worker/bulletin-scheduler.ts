import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { BULLETIN_JOB_ID, BULLETIN_QUEUE, BulletinJob } from '../common/queues/queues';

/**
 * The monthly bulletin (DESIGN.md: "on the 1st, the bulletin of the month before is generated"). Plans have
 * their own time zones, so rather than one cron per zone an hourly job asks, per active plan, whether last
 * month (in the plan's zone) has its bulletin yet: it is made within the first hour of the 1st, and a worker
 * that was down catches up within the hour after it returns.
 */
@Injectable()
export class BulletinScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(BulletinScheduler.name);

  constructor(@InjectQueue(BULLETIN_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.add(
        BulletinJob.GenerateDue,
        {},
        { jobId: BULLETIN_JOB_ID, repeat: { cron: '5 * * * *' }, removeOnComplete: true, removeOnFail: 100 },
      );
    } catch (error) {
      this.logger.warn(`monthly bulletin job not registered on Bull (${String(error)})`);
    }
  }
}
