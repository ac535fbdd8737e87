import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { DELIVERY_QUEUE, DeliveryJob, deliveryJobId, SendDeliveryPayload } from '../../common/queues/queues';
import { durationMs } from '../../common/time/duration';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

/** Queues outside-channel deliveries (email, webhooks) with retries and exponential backoff. */
@Injectable()
export class DeliveryScheduler {
  private readonly logger = new Logger(DeliveryScheduler.name);

  constructor(
    @InjectQueue(DELIVERY_QUEUE) private readonly queue: Queue<SendDeliveryPayload>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
