import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { DELIVERY_QUEUE, DeliveryJob, deliveryJobId, SendDeliveryPayload } from '../../common/queues/queues';
import { durationMs } from '../../common/time/duration';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

const REQUEUE_BATCH = 500;

/** Queues outside-channel deliveries (email, webhooks) with retries and exponential backoff. */
@Injectable()
export class DeliveryScheduler {
  private readonly logger = new Logger(DeliveryScheduler.name);

  constructor(
    @InjectQueue(DELIVERY_QUEUE) private readonly queue: Queue<SendDeliveryPayload>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Queues again what is still pending, oldest first. The rows are written in the reminder's transaction and
   * queued after it commits, so a job is lost when Redis is away at that moment or flushed later; without
   * this its delivery would stay pending for ever. Job ids are per delivery, so a delivery whose job is
   * still waiting, running or delayed for a retry is left as it is.
   */
  async requeuePending(): Promise<number> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM deliveries WHERE status = 'pending' ORDER BY created_at LIMIT ${REQUEUE_BATCH}`,
    );
    this.schedule(rows.map((r) => r.id));
    return rows.length;
  }

  schedule(deliveryIds: string[]): void {
    for (const deliveryId of deliveryIds) {
      this.queue
        .add(
          DeliveryJob.Send,
          { deliveryId },
          {
            jobId: deliveryJobId(deliveryId),
            attempts: this.config.deliveryAttempts,
            backoff: { type: 'exponential', delay: durationMs(this.config.deliveryBackoff) },
            removeOnComplete: true,
            removeOnFail: 1000,
          },
        )
        .catch((error: unknown) =>
          this.logger.warn(
            `delivery ${deliveryId} not queued: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    }
  }
}
