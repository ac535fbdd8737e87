import { createHmac } from 'node:crypto';
import type { DepartmentWebhook } from '../entities/department-webhook.entity';
import type { OutboundNotice } from './outbound-notice';

/**
 * What goes over the wire to a department's webhook, built without I/O so that the signing and the robot
 * bodies can be checked by unit specs. The channel only sends what these functions return.
 */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  /** The exact bytes that are sent (and, for `json`, signed). */
  body: string;
}

export type WebhookTarget = Pick<DepartmentWebhook, 'url' | 'format' | 'msgType' | 'secret'>;

export const SIGNATURE_HEADER = 'X-Worktracker-Signature';
export const EVENT_HEADER = 'X-Worktracker-Event';

/** WeCom refuses longer contents (bytes of UTF-8): text 2048, markdown 4096. */
const WECOM_LIMIT = { text: 2048, markdown: 4096 } as const;
/** DingTalk's limit is about 20 000 bytes; stay well under it. */
const DINGTALK_LIMIT = 18_000;

/** `sha256=<hex HMAC-SHA256 of the body>`, like GitHub's webhook signature. */
export function jsonSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** DingTalk 加签: base64(HMAC-SHA256(key = secret, data = `${timestamp}\n${secret}`)), not yet URL-encoded. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The robot URL with `timestamp` and the URL-encoded `sign` appended (its own query, e.g. access_token, kept). */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestampMs));
  signed.searchParams.set('sign', dingtalkSign(secret, timestampMs));
  return signed.toString();
}

/** The plain-text message a robot posts in the group. */
export function robotText(notice: OutboundNotice): string {
  return [notice.title, notice.body, ...(notice.taskCode ? [`任务编号：${notice.taskCode}`] : [])].join('\n');
}

/** The markdown message a robot posts in the group. */
export function robotMarkdown(notice: OutboundNotice): string {
  const lines = [`### ${notice.title}`, '', notice.body];
  if (notice.taskCode) lines.push('', `> 任务编号：${notice.taskCode}`);
  return lines.join('\n');
}

/** Cuts a text to at most `maxBytes` of UTF-8 without splitting a character, marking the cut with "…". */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const ellipsis = '…';
  let budget = maxBytes - Buffer.byteLength(ellipsis, 'utf8');
  let out = '';
  for (const char of text) {
    budget -= Buffer.byteLength(char, 'utf8');
    if (budget < 0) break;
    out += char;
  }
  return out + ellipsis;
}

/**
 * The request for one notice to one hook. `timestampMs` is the wall-clock time of sending: DingTalk refuses a
 * signature whose timestamp is more than an hour away from its own clock.
 */
export function buildWebhookRequest(
  hook: WebhookTarget,
  notice: OutboundNotice,
  timestampMs: number,
): WebhookRequest {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
  switch (hook.format) {
    case 'json': {
      const body = JSON.stringify(notice);
      headers[EVENT_HEADER] = notice.kind;
      if (hook.secret) headers[SIGNATURE_HEADER] = jsonSignature(body, hook.secret);
      return { url: hook.url, headers, body };
    }
    case 'dingtalk': {
      const message =
        hook.msgType === 'markdown'
          ? {
              msgtype: 'markdown',
              markdown: { title: notice.title, text: truncateUtf8(robotMarkdown(notice), DINGTALK_LIMIT) },
            }
          : { msgtype: 'text', text: { content: truncateUtf8(robotText(notice), DINGTALK_LIMIT) } };
      const url = hook.secret ? dingtalkSignedUrl(hook.url, hook.secret, timestampMs) : hook.url;
      return { url, headers, body: JSON.stringify(message) };
    }
    case 'wecom': {
      const message =
        hook.msgType === 'markdown'
          ? {
              msgtype: 'markdown',
              markdown: { content: truncateUtf8(robotMarkdown(notice), WECOM_LIMIT.markdown) },
            }
          : { msgtype: 'text', text: { content: truncateUtf8(robotText(notice), WECOM_LIMIT.text) } };
      return { url: hook.url, headers, body: JSON.stringify(message) };
    }
  }
}

/**
 * DingTalk and WeCom robots answer HTTP 200 with `{errcode, errmsg}` and refuse a message with a non-zero
 * errcode (bad signature, keyword missing, rate limit): that is a failure to report, not a delivery.
 */
export function robotRefusal(format: WebhookTarget['format'], responseText: string): string | null {
  if (format === 'json') return null;
  let answer: unknown;
  try {
    answer = JSON.parse(responseText);
  } catch {
    return null;
  }
  if (typeof answer !== 'object' || answer === null || !('errcode' in answer)) return null;
  const { errcode, errmsg } = answer as { errcode: unknown; errmsg?: unknown };
  if (errcode === 0 || errcode === '0') return null;
  return `机器人拒收消息 (robot refused): errcode ${String(errcode)}${
    typeof errmsg === 'string' && errmsg ? `, ${excerpt(errmsg)}` : ''
  }`;
}

/** A short, single-line excerpt of a response body for an error message. */
export function excerpt(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
