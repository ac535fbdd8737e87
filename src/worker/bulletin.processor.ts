import { Process, Processor } from '@nestjs/bull';
import { BULLETIN_QUEUE, BulletinJob } from '../common/queues/queues';
import { BulletinsService } from '../modules/bulletins/bulletins.service';

/** Thin: the service decides what is due and skips what exists, so a repeated run changes nothing. */
@Processor(BULLETIN_QUEUE)
export class BulletinProcessor {
  constructor(private readonly bulletins: BulletinsService) {}

  @Process({ name: BulletinJob.GenerateDue, concurrency: 1 })
  async generateDue(): Promise<number> {
    return (await this.bulletins.generateDue()).length;
  }
}
