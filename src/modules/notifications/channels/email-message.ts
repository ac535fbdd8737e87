import type { OutboundNotice } from './outbound-notice';

export const MAIL_SENDER_NAME = '督查督办提醒';

/** Subject and plain-text body of a reminder mail. */
export function emailMessage(notice: OutboundNotice): { subject: string; text: string } {
  const lines = [notice.body, ''];
  if (notice.taskCode) lines.push(`任务编号：${notice.taskCode}`);
  lines.push('', '——', '本邮件由督查督办系统自动发送，请勿直接回复；请登录系统办理。');
  return { subject: notice.title, text: lines.join('\n') };
}

/**
 * The From of reminder mail: SMTP_FROM when set; else the SMTP login when it is an address (most servers
 * only relay mail from their own user); else noreply at the SMTP host.
 */
export function mailSender(
  smtpUrl: string,
  smtpFrom: string | undefined,
): string | { name: string; address: string } {
  if (smtpFrom) return smtpFrom;
  const url = new URL(smtpUrl);
  const user = decodeURIComponent(url.username);
  const address = user.includes('@') ? user : `noreply@${url.hostname || 'localhost'}`;
  return { name: MAIL_SENDER_NAME, address };
}
