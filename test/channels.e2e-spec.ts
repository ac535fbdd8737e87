import { createHmac } from 'node:crypto';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { REMINDER_QUEUE, ReminderJob } from '../src/common/queues/queues';
import { API, createTestApp, login, resetDatabase, TestApp } from './support/app';
import { seedDemo } from './support/fixtures';
import { HttpReceiver, SmtpReceiver, startHttpReceiver, startSmtpReceiver } from './support/receivers';
import { seedDemoUsers } from '../src/seed/seed-demo';

/**
 * The outside channels end to end: the API and the worker in one process (as `npm start` runs them), a
 * local SMTP server and a local HTTP receiver standing in for the mail relay and for the robots.
 */

interface DeliveryRow {
  channel: 'email' | 'webhook';
  target: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

interface ReminderRow {
  id: string;
  kind: string;
  status: string;
  recipients: { userIds: string[]; departmentIds: string[] } | null;
  deliveries: DeliveryRow[];
}

const ATTEMPTS = 4;
const JSON_SECRET = 'json-hook-secret-对称密钥';
const DINGTALK_SECRET = 'SEC0123456789abcdef+/=';

describe('outside channels: email and department webhooks', () => {
  let t: TestApp;
  let http: HttpReceiver;
  let smtp: SmtpReceiver;
  let admin: string;
  let office: string;
  let targetId: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    http = await startHttpReceiver((req, nth) => {
      switch (req.path) {
        case '/flaky':
          return nth <= 2 ? { status: 500, body: 'warming up' } : { status: 200, body: '{}' };
        case '/broken':
          return { status: 500, body: '{"message":"boom: receiver down"}' };
        case '/dingtalk-refusing':
          return { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' };
        case '/dingtalk':
        case '/wecom':
          return { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
        default:
          return { status: 204 };
      }
    });
    smtp = await startSmtpReceiver();
    t = await createTestApp({
      worker: true,
      env: {
        SMTP_URL: smtp.url,
        DELIVERY_ATTEMPTS: String(ATTEMPTS),
        DELIVERY_BACKOFF: 'PT0.2S',
        // Only what a test asks for: no periodic sweep delivering the seed's reminders meanwhile.
        REMINDER_SWEEP_INTERVAL: 'PT1H',
      },
    });
    await resetDatabase(t.dataSource);
    const { currentPlanId } = await seedDemo(t);
    [admin, office] = await Promise.all(['admin', 'office'].map((u) => login(t, u)));
    const tree = await t.http().get(`${API}/plans/${currentPlanId}/tree`).set(auth(office)).expect(200);
    targetId = tree.body.responsibilities[0].targets[0].id;
  }, 90_000);

  afterAll(async () => {
    await t?.close();
    await http?.close();
    await smtp?.close();
  });

  async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A new department (with demo users `<code>-manager` / `<code>-staff` when asked). */
  async function department(code: string, withUsers = false): Promise<string> {
    const res = await t
      .http()
      .post(`${API}/departments`)
      .set(auth(admin))
      .send({ code, name: `测试单位${code}`, kind: 'government' })
      .expect(201);
    if (withUsers) await seedDemoUsers(t.dataSource, 'test-password-123');
    return res.body.id as string;
  }

  /**
   * An assigned task led by the department, once its 交办 notice is out (so that the webhooks added after
   * this hear only of what the test does).
   */
  async function assignedTask(leadDepartmentId: string): Promise<string> {
    const dueAt = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const created = await t
      .http()
      .post(`${API}/tasks`)
      .set(auth(office))
      .send({
        targetId,
        title: '推进行政执法“三项制度”全覆盖',
        leadDepartmentId,
        startAt: '2026-01-01T00:00:00Z',
        dueAt,
      })
      .expect(201);
    const id = created.body.id as string;
    await t.http().post(`${API}/tasks/${id}/assign`).set(auth(office)).send({}).expect(200);
    await until('the assignment notice', async () => {
      const rows = await reminders(id);
      const assigned = rows.find((r) => r.kind === 'assigned');
      return assigned?.status === 'sent' && assigned.deliveries.every((d) => d.status !== 'pending')
        ? assigned
        : undefined;
    });
    return id;
  }

  async function addHook(departmentId: string, body: object): Promise<{ id: string; hasSecret: boolean }> {
    const res = await t
      .http()
      .post(`${API}/departments/${departmentId}/webhooks`)
      .set(auth(office))
      .send(body);
    expect(res.status).toBe(201);
    return res.body;
  }

  async function reminders(taskId: string, token = office): Promise<ReminderRow[]> {
    const res = await t.http().get(`${API}/tasks/${taskId}/reminders`).set(auth(token)).expect(200);
    return res.body as ReminderRow[];
  }

  async function urge(taskId: string, message: string): Promise<ReminderRow> {
    const res = await t.http().post(`${API}/tasks/${taskId}/urge`).set(auth(office)).send({ message });
    expect(res.status).toBe(201);
    return res.body as ReminderRow;
  }

  /** The reminder once none of its deliveries is pending any more. */
  async function settled(taskId: string, reminderId: string): Promise<ReminderRow> {
    return until('the deliveries to settle', async () => {
      const row = (await reminders(taskId)).find((r) => r.id === reminderId);
      return row && row.deliveries.every((d) => d.status !== 'pending') ? row : undefined;
    });
  }

  it('sends an urge to the json, DingTalk and WeCom hooks of the lead department, and by email', async () => {
    const dept = await department('hooks-all', true);
    const taskId = await assignedTask(dept);
    const json = await addHook(dept, { url: `${http.baseUrl}/json`, format: 'json', secret: JSON_SECRET });
    const dingtalk = await addHook(dept, {
      url: `${http.baseUrl}/dingtalk?access_token=ding-token`,
      format: 'dingtalk',
      msgType: 'markdown',
      secret: DINGTALK_SECRET,
    });
    const wecom = await addHook(dept, { url: `${http.baseUrl}/wecom?key=wecom-key`, format: 'wecom' });
    const disabled = await addHook(dept, { url: `${http.baseUrl}/disabled`, format: 'json', enabled: false });
    expect([json.hasSecret, dingtalk.hasSecret, wecom.hasSecret]).toEqual([true, true, false]);

    const urged = await urge(taskId, '请于本周五前报送整改进展');
    expect(urged.deliveries.map((d) => d.target).sort()).toEqual(
      [
        json.id,
        dingtalk.id,
        wecom.id,
        'hooks-all-manager@demo.example',
        'hooks-all-staff@demo.example',
      ].sort(),
    );
    expect(urged.deliveries.map((d) => d.target)).not.toContain(disabled.id);

    const done = await settled(taskId, urged.id);
    for (const d of done.deliveries) {
      expect(d).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    }

    // What the department's manager sees in the inbox is what the channels carried.
    const manager = await login(t, 'hooks-all-manager');
    const inbox = await t.http().get(`${API}/notifications`).set(auth(manager)).expect(200);
    const notice = (inbox.body.items as { kind: string; title: string; body: string }[]).find(
      (n) => n.kind === 'urge',
    );
    if (!notice) throw new Error('no urge in the inbox');
    expect(notice.body).toContain('请于本周五前报送整改进展');
    const [{ code: taskCode }] = await t.dataSource.query<{ code: string }[]>(
      'SELECT code FROM tasks WHERE id = $1',
      [taskId],
    );

    // json: the notice itself, signed over the exact bytes received.
    expect(http.to('/json')).toHaveLength(1);
    const [jsonReq] = http.to('/json');
    expect(jsonReq.method).toBe('POST');
    expect(jsonReq.headers['x-worktracker-event']).toBe('urge');
    const expected = `sha256=${createHmac('sha256', JSON_SECRET).update(jsonReq.body).digest('hex')}`;
    expect(jsonReq.headers['x-worktracker-signature']).toBe(expected);
    expect(JSON.parse(jsonReq.body)).toEqual({
      id: urged.id,
      kind: 'urge',
      level: 0,
      title: notice.title,
      body: notice.body,
      taskId,
      taskCode,
      planId: expect.any(String),
      departmentId: null,
      dueAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    // DingTalk: a markdown message, the robot's token kept, and 加签 that the robot would accept.
    expect(http.to('/dingtalk')).toHaveLength(1);
    const [dingReq] = http.to('/dingtalk');
    expect(dingReq.url.searchParams.get('access_token')).toBe('ding-token');
    const timestamp = Number(dingReq.url.searchParams.get('timestamp'));
    expect(Math.abs(Date.now() - timestamp)).toBeLessThan(60 * 60 * 1000);
    const sign = createHmac('sha256', DINGTALK_SECRET)
      .update(`${timestamp}\n${DINGTALK_SECRET}`)
      .digest('base64');
    expect(dingReq.url.searchParams.get('sign')).toBe(sign);
    expect(JSON.parse(dingReq.body)).toEqual({
      msgtype: 'markdown',
      markdown: { title: notice.title, text: expect.stringContaining(notice.body) },
    });
    expect(JSON.parse(dingReq.body).markdown.text).toContain(`任务编号：${taskCode}`);

    // WeCom: a text message, no signature.
    expect(http.to('/wecom')).toHaveLength(1);
    const [wecomReq] = http.to('/wecom');
    expect(wecomReq.url.searchParams.get('key')).toBe('wecom-key');
    expect(wecomReq.headers['x-worktracker-signature']).toBeUndefined();
    expect(JSON.parse(wecomReq.body)).toEqual({
      msgtype: 'text',
      text: { content: `${notice.title}\n${notice.body}\n任务编号：${taskCode}` },
    });

    expect(http.to('/disabled')).toHaveLength(0);

    // Email: one mail to each recipient that has an address, subject = title, body = body + task code.
    const recipients = await t.dataSource.query<{ email: string }[]>(
      'SELECT email FROM users WHERE id = ANY($1) AND email IS NOT NULL ORDER BY email',
      [done.recipients?.userIds ?? []],
    );
    expect(recipients.map((r) => r.email)).toEqual([
      'hooks-all-manager@demo.example',
      'hooks-all-staff@demo.example',
    ]);
    for (const { email } of recipients) {
      const mails = smtp.mails.filter((m) => m.to.includes(email) && m.subject === notice.title);
      expect(mails).toHaveLength(1);
      expect(mails[0].text).toContain(notice.body);
      expect(mails[0].text).toContain(`任务编号：${taskCode}`);
      expect(mails[0].headers.from).toContain('督查督办提醒');
    }
  });

  it('retries a receiver that fails, with backoff, until it takes the notice', async () => {
    const dept = await department('hooks-flaky');
    const taskId = await assignedTask(dept);
    const hook = await addHook(dept, { url: `${http.baseUrl}/flaky`, format: 'json' });

    const urged = await urge(taskId, '第二次催办');
    const done = await settled(taskId, urged.id);
    expect(done.deliveries).toEqual([
      expect.objectContaining({
        channel: 'webhook',
        target: hook.id,
        status: 'sent',
        attempts: 3,
        lastError: null,
      }),
    ]);
    const received = http.to('/flaky');
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
  });

  it('marks a delivery failed, with the reason, once the attempts run out', async () => {
    const dept = await department('hooks-failing');
    const taskId = await assignedTask(dept);
    const broken = await addHook(dept, { url: `${http.baseUrl}/broken`, format: 'wecom' });
    const refusing = await addHook(dept, {
      url: `${http.baseUrl}/dingtalk-refusing?access_token=secret-token`,
      format: 'dingtalk',
      secret: DINGTALK_SECRET,
    });

    const urged = await urge(taskId, '逾期未报送');
    const done = await settled(taskId, urged.id);
    const byTarget = new Map(done.deliveries.map((d) => [d.target, d]));

    expect(byTarget.get(broken.id)).toMatchObject({ status: 'failed', attempts: ATTEMPTS, sentAt: null });
    expect(byTarget.get(broken.id)?.lastError).toMatch(/HTTP 500.*boom: receiver down/);
    expect(http.to('/broken')).toHaveLength(ATTEMPTS);

    expect(byTarget.get(refusing.id)).toMatchObject({ status: 'failed', attempts: ATTEMPTS, sentAt: null });
    expect(byTarget.get(refusing.id)?.lastError).toMatch(/errcode 310000, sign not match/);
    // The error names the problem without the robot's token or the signature.
    expect(byTarget.get(refusing.id)?.lastError).not.toMatch(/secret-token|sign=/);

    // The reminder itself was delivered (the inbox); only the outside channels failed.
    expect(done.status).toBe('sent');
  });

  it('queues again, at the next sweep, a delivery whose job was lost', async () => {
    const dept = await department('hooks-lost');
    const taskId = await assignedTask(dept);
    const urged = await urge(taskId, '请尽快签收并办理');
    expect(urged.deliveries).toEqual([]);
    const hook = await addHook(dept, { url: `${http.baseUrl}/lost`, format: 'json' });
    // As if the outbox row was committed and its job never reached Redis (or Redis was flushed since).
    await t.dataSource.query(
      `INSERT INTO deliveries (reminder_id, channel, target) VALUES ($1, 'webhook', $2)`,
      [urged.id, hook.id],
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await reminders(taskId)).find((r) => r.id === urged.id)?.deliveries).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 0 }),
    ]);

    await t.app
      .get<Queue>(getQueueToken(REMINDER_QUEUE))
      .add(ReminderJob.Sweep, {}, { removeOnComplete: true });
    const done = await settled(taskId, urged.id);
    expect(done.deliveries).toEqual([
      expect.objectContaining({ target: hook.id, status: 'sent', attempts: 1, lastError: null }),
    ]);
    expect(http.to('/lost')).toHaveLength(1);
  });

  it('manages a department’s webhooks for the office and admin, never showing a secret', async () => {
    const dept = await department('hooks-admin');
    const manager = await login(t, 'justice-manager');
    const base = `${API}/departments/${dept}/webhooks`;

    await t.http().get(base).set(auth(manager)).expect(403);
    await t
      .http()
      .post(base)
      .set(auth(manager))
      .send({ url: `${http.baseUrl}/x`, format: 'json' })
      .expect(403);
    await t
      .http()
      .get(`${API}/departments/00000000-0000-4000-8000-000000000000/webhooks`)
      .set(auth(office))
      .expect(404);

    for (const bad of [
      { url: 'ftp://example.test/hook', format: 'json' },
      { url: 'javascript:alert(1)', format: 'json' },
      { url: '/relative/path', format: 'json' },
      { url: `https://example.test/${'a'.repeat(2000)}`, format: 'json' },
      { url: 'https://example.test/hook', format: 'slack' },
      { url: 'https://example.test/hook', format: 'dingtalk', msgType: 'card' },
      { url: 'https://example.test/hook', format: 'json', secret: '' },
    ]) {
      const res = await t.http().post(base).set(auth(office)).send(bad);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      expect(res.body.message).toMatch(/请求参数不正确/);
    }

    const created = await t
      .http()
      .post(base)
      .set(auth(admin))
      .send({
        url: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
        format: 'dingtalk',
        secret: 'SECxyz',
      })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      departmentId: dept,
      url: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
      format: 'dingtalk',
      msgType: 'text',
      hasSecret: true,
      enabled: true,
      createdAt: expect.any(String),
    });
    const id = created.body.id as string;

    const list = await t.http().get(base).set(auth(office)).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1 });
    expect(list.body.items).toEqual([created.body]);
    expect(JSON.stringify(list.body)).not.toContain('SECxyz');

    const patched = await t
      .http()
      .patch(`${API}/webhooks/${id}`)
      .set(auth(office))
      .send({ msgType: 'markdown', enabled: false, secret: null })
      .expect(200);
    expect(patched.body).toMatchObject({ id, msgType: 'markdown', enabled: false, hasSecret: false });
    const [row] = await t.dataSource.query<{ secret: string | null }[]>(
      'SELECT secret FROM department_webhooks WHERE id = $1',
      [id],
    );
    expect(row.secret).toBeNull();

    await t.http().patch(`${API}/webhooks/${id}`).set(auth(manager)).send({ enabled: true }).expect(403);
    await t.http().delete(`${API}/webhooks/${id}`).set(auth(manager)).expect(403);
    await t.http().delete(`${API}/webhooks/${id}`).set(auth(office)).expect(204);
    await t.http().delete(`${API}/webhooks/${id}`).set(auth(office)).expect(404);
    await t.http().patch(`${API}/webhooks/${id}`).set(auth(office)).send({ enabled: true }).expect(404);
    expect((await t.http().get(base).set(auth(office)).expect(200)).body.total).toBe(0);
  });
});
