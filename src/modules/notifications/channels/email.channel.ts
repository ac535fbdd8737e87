import { Injectable } from '@nestjs/common';
import { OutboundNotice } from './outbound-notice';

/** Email through SMTP_URL. */
@Injectable()
export class EmailChannel {
  async send(_to: string, _notice: OutboundNotice): Promise<void> {
    throw new Error('email channel not built yet');
  }
}
