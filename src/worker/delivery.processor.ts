import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { DELIVERY_QUEUE, DeliveryJob, SendDeliveryPayload } from '../common/queues/queues';
import { OutboundService } from '../modules/notifications/outbound.service';

@Processor(DELIVERY_QUEUE)
export class DeliveryProcessor {
  constructor(private readonly outbound: OutboundService) {}

  @Process({ name: DeliveryJob.Send, concurrency: 4 })
  send(job: Job<SendDeliveryPayload>): Promise<string> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.outbound.send(job.data.deliveryId, finalAttempt);
  }
}
