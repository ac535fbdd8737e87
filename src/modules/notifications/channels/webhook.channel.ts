import { Injectable } from '@nestjs/common';
import { DepartmentWebhook } from '../entities/department-webhook.entity';
import { OutboundNotice } from './outbound-notice';
import { buildWebhookRequest, excerpt, robotRefusal } from './webhook-request';

/** A receiver that has not answered by then has failed; Bull retries later. */
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** Enough of an answer to read a robot's `{errcode, errmsg}` or to quote an error page. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** A department's webhook in its format: json (HMAC-signed), dingtalk or wecom robots. */
@Injectable()
export class WebhookChannel {
  /** Resolves when the receiver took the notice; throws with a short reason otherwise. */
  async send(hook: DepartmentWebhook, notice: OutboundNotice): Promise<void> {
    // The wall clock, not the app's Clock: robots check the signature's timestamp against real time.
    const request = buildWebhookRequest(hook, notice, Date.now());
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
    } catch (error) {
      throw new Error(transportFailure(error));
    }
    let answer: string;
    try {
      answer = await readAnswer(response);
    } catch (error) {
      throw new Error(transportFailure(error));
    }
    if (response.status < 200 || response.status >= 300) {
      throw new Error(
        `webhook 应答 HTTP ${response.status} (webhook answered HTTP ${response.status})${
          answer.trim() ? `: ${excerpt(answer)}` : ''
        }`,
      );
    }
    const refusal = robotRefusal(hook.format, answer);
    if (refusal) throw new Error(refusal);
  }
}

/** The body as text, at most MAX_ANSWER_BYTES of it; a larger answer is cut rather than read in full. */
async function readAnswer(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_ANSWER_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8');
}

/** Why a request did not get an answer, without the URL (it holds the robot's token and signature). */
function transportFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `webhook 超时，${WEBHOOK_TIMEOUT_MS / 1000} 秒内无应答 (timed out after ${WEBHOOK_TIMEOUT_MS} ms)`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return `webhook 无法连接 (request failed): ${excerpt(reason)}`;
}
