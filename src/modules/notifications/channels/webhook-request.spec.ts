import { OutboundNotice } from './outbound-notice';
import {
  buildWebhookRequest,
  dingtalkSign,
  dingtalkSignedUrl,
  jsonSignature,
  robotRefusal,
  truncateUtf8,
  WebhookTarget,
} from './webhook-request';

const notice: OutboundNotice = {
  id: '6f1c1c9e-0000-4000-8000-000000000001',
  kind: 'urge',
  level: 0,
  title: '【催办】A1-01 完善重大行政决策跟踪反馈机制',
  body: '领导小组办公室催办：请加快办理（截止 2026/06/30 18:00）。',
  taskId: '6f1c1c9e-0000-4000-8000-000000000002',
  taskCode: 'A1-01',
  planId: '6f1c1c9e-0000-4000-8000-000000000003',
  departmentId: null,
  dueAt: '2026-06-30T10:00:00.000Z',
  sentAt: '2026-05-01T02:00:00.000Z',
};
const TS = 1_700_000_000_000;
const hook = (over: Partial<WebhookTarget>): WebhookTarget => ({
  url: 'https://example.test/hook',
  format: 'json',
  msgType: 'text',
  secret: null,
  ...over,
});
const parsed = (body: string): unknown => JSON.parse(body);

describe('webhook signing', () => {
  it('signs a json body as sha256=<hex HMAC-SHA256> of its exact bytes (UTF-8)', () => {
    // Reference value from Python's hmac module.
    expect(jsonSignature('{"a":"中文"}', 'topsecret')).toBe(
      'sha256=ff3516e198d8b322b24df6c74f9edf909c13331b8ab3113525590125793b222e',
    );
  });

  it('computes DingTalk 加签 as base64(HMAC-SHA256(secret, "timestamp\\nsecret")) and URL-encodes it', () => {
    // Reference value from Python: base64(hmac(b"SECabc123", b"1700000000000\nSECabc123", sha256)).
    expect(dingtalkSign('SECabc123', TS)).toBe('N5P09a4+p1AMJIJWnIvQd2Yxw9+fu/oEBnPrjCcsLXk=');
    const url = dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=tok', 'SECabc123', TS);
    expect(url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=tok&timestamp=1700000000000' +
        '&sign=N5P09a4%2Bp1AMJIJWnIvQd2Yxw9%2Bfu%2FoEBnPrjCcsLXk%3D',
    );
  });
});

describe('buildWebhookRequest', () => {
  it('json: posts the notice itself, with the event header, and signs it when there is a secret', () => {
    const unsigned = buildWebhookRequest(hook({}), notice, TS);
    expect(parsed(unsigned.body)).toEqual(notice);
    expect(unsigned.url).toBe('https://example.test/hook');
    expect(unsigned.headers['X-Worktracker-Event']).toBe('urge');
    expect(unsigned.headers['X-Worktracker-Signature']).toBeUndefined();

    const signed = buildWebhookRequest(hook({ secret: 's3cret' }), notice, TS);
    expect(signed.body).toBe(unsigned.body);
    expect(signed.headers['X-Worktracker-Signature']).toBe(jsonSignature(signed.body, 's3cret'));
    expect(signed.headers['Content-Type']).toMatch(/^application\/json/);
  });

  it('dingtalk: a text or markdown robot message in Chinese, the URL signed only when a secret is set', () => {
    const text = buildWebhookRequest(hook({ format: 'dingtalk' }), notice, TS);
    expect(text.url).toBe('https://example.test/hook');
    expect(parsed(text.body)).toEqual({
      msgtype: 'text',
      text: {
        content: `${notice.title}\n${notice.body}\n任务编号：A1-01`,
      },
    });
    expect(text.headers['X-Worktracker-Signature']).toBeUndefined();

    const md = buildWebhookRequest(
      hook({ format: 'dingtalk', msgType: 'markdown', secret: 'SECabc123' }),
      notice,
      TS,
    );
    expect(parsed(md.body)).toEqual({
      msgtype: 'markdown',
      markdown: { title: notice.title, text: `### ${notice.title}\n\n${notice.body}\n\n> 任务编号：A1-01` },
    });
    const url = new URL(md.url);
    expect(url.searchParams.get('timestamp')).toBe(String(TS));
    expect(url.searchParams.get('sign')).toBe(dingtalkSign('SECabc123', TS));
  });

  it('wecom: text and markdown bodies, never a signature (the key is in the URL)', () => {
    const text = buildWebhookRequest(hook({ format: 'wecom', secret: 'ignored' }), notice, TS);
    expect(text.url).toBe('https://example.test/hook');
    expect(parsed(text.body)).toEqual({
      msgtype: 'text',
      text: { content: `${notice.title}\n${notice.body}\n任务编号：A1-01` },
    });
    const md = buildWebhookRequest(hook({ format: 'wecom', msgType: 'markdown' }), notice, TS);
    expect(parsed(md.body)).toEqual({
      msgtype: 'markdown',
      markdown: { content: `### ${notice.title}\n\n${notice.body}\n\n> 任务编号：A1-01` },
    });
  });

  it('leaves out the task code line for a notice without a task (monthly report)', () => {
    const monthly = { ...notice, kind: 'monthly_report' as const, taskId: null, taskCode: null };
    const req = buildWebhookRequest(hook({ format: 'wecom' }), monthly, TS);
    expect(parsed(req.body)).toEqual({
      msgtype: 'text',
      text: { content: `${notice.title}\n${notice.body}` },
    });
  });

  it('keeps WeCom text within its 2048-byte limit without splitting a character', () => {
    const long = { ...notice, body: '催'.repeat(2000) };
    const req = buildWebhookRequest(hook({ format: 'wecom' }), long, TS);
    const content = (parsed(req.body) as { text: { content: string } }).text.content;
    expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(2048);
    expect(content.endsWith('…')).toBe(true);
    expect(content).not.toContain('\uFFFD');
  });
});

describe('truncateUtf8', () => {
  it('keeps a short text and cuts a long one on a character boundary', () => {
    expect(truncateUtf8('办结', 6)).toBe('办结');
    expect(truncateUtf8('办结了', 8)).toBe('办…');
    expect(Buffer.byteLength(truncateUtf8('a'.repeat(10), 5))).toBeLessThanOrEqual(5);
  });
});

describe('robotRefusal', () => {
  it('reads a non-zero errcode from DingTalk and WeCom answers as a refusal', () => {
    expect(robotRefusal('dingtalk', '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(robotRefusal('wecom', '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(robotRefusal('dingtalk', '{"errcode":310000,"errmsg":"sign not match"}')).toMatch(
      /errcode 310000, sign not match/,
    );
    expect(robotRefusal('wecom', '{"errcode":93000,"errmsg":"invalid webhook url"}')).toMatch(/93000/);
  });

  it('ignores answers that are not a robot’s, and any answer of a json hook', () => {
    expect(robotRefusal('dingtalk', 'OK')).toBeNull();
    expect(robotRefusal('dingtalk', '')).toBeNull();
    expect(robotRefusal('json', '{"errcode":1}')).toBeNull();
  });
});
