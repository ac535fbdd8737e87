import { Injectable } from '@nestjs/common';
import { DepartmentWebhook } from '../entities/department-webhook.entity';
import { OutboundNotice } from './outbound-notice';

/** A department's webhook in its format: json (HMAC-signed), dingtalk or wecom robots. */
@Injectable()
export class WebhookChannel {
  async send(_hook: DepartmentWebhook, _notice: OutboundNotice): Promise<void> {
    throw new Error('webhook channel not built yet');
  }
}
