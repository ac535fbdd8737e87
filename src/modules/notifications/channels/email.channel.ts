import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { emailMessage, mailSender } from './email-message';
import { OutboundNotice } from './outbound-notice';

/** Email through SMTP_URL: one transporter per process, made on first use and closed on shutdown. */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private transporter?: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Resolves when the SMTP server accepted the mail; throws (and Bull retries) otherwise. */
  async send(to: string, notice: OutboundNotice): Promise<void> {
    const smtpUrl = this.config.smtpUrl;
    if (!smtpUrl) throw new Error('未配置 SMTP_URL，无法发送邮件 (SMTP_URL not set)');
    this.transporter ??= createTransport(smtpUrl);
    const { subject, text } = emailMessage(notice);
    await this.transporter.sendMail({ from: mailSender(smtpUrl, this.config.smtpFrom), to, subject, text });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
    this.transporter = undefined;
  }
}
