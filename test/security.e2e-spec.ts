import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { API, createTestApp, login, resetDatabase, TestApp } from './support/app';
import { departmentId, seedDemo } from './support/fixtures';
import { freePort, sleep, Spawned } from './support/worker-processes';

const PASSWORD = 'test-password-123';

interface AuditRow {
  action: string;
  operation: string;
  entity: string;
  entityId: string | null;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

async function auditOf(t: TestApp, requestId: string): Promise<AuditRow[]> {
  return t.dataSource.query<AuditRow[]>(
    `SELECT action, operation, entity, entity_id AS "entityId", actor_id AS "actorId", before, after,
            request_id AS "requestId"
       FROM audit_log WHERE request_id = $1 ORDER BY at, operation`,
    [requestId],
  );
}

describe('security: accounts, sessions, lockout, audit', () => {
  let t: TestApp;
  let justiceId: string;
  // Access tokens of this app live 2 s: log in afresh where one is needed.
  const bearer = async (username: string): Promise<string> => `Bearer ${await login(t, username)}`;

  beforeAll(async () => {
    t = await createTestApp({ env: { JWT_EXPIRES_IN: '2s' } });
    await resetDatabase(t.dataSource);
    await seedDemo(t);
    justiceId = await departmentId(t.dataSource, 'justice');
  });
  afterAll(async () => {
    await t.close();
  });

  async function createUser(username: string, role = 'dept_staff'): Promise<string> {
    const res = await t
      .http()
      .post(`${API}/users`)
      .set('Authorization', await bearer('admin'))
      .send({
        username,
        displayName: '测试用户',
        password: 'Initial-Pass-2026',
        role,
        departmentId: justiceId,
      });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it('lets only the admin manage accounts, applies the password policy, and audits the change', async () => {
    await t
      .http()
      .get(`${API}/users`)
      .set('Authorization', await bearer('office'))
      .expect(403);
    const weak = await t
      .http()
      .post(`${API}/users`)
      .set('Authorization', await bearer('admin'))
      .send({ username: 'weak-one', displayName: '弱', password: 'short-1', role: 'observer' });
    expect(weak.status).toBe(400);
    expect(weak.body.message).toMatch(/至少 10/);

    const created = await t
      .http()
      .post(`${API}/users`)
      .set('Authorization', await bearer('admin'))
      .send({
        username: 'new-observer',
        displayName: '新观察员',
        password: 'Observer-Pass-2026',
        role: 'observer',
      });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    const rows = await auditOf(t, created.headers['x-request-id']);
    expect(rows).toEqual([
      expect.objectContaining({ action: 'accounts.create', operation: 'insert', entity: 'user' }),
    ]);
    expect(rows[0].after).toMatchObject({
      username: 'new-observer',
      role: 'observer',
      passwordHash: '[redacted]',
    });
    expect(JSON.stringify(rows)).not.toContain('Observer-Pass-2026');

    // A role change is audited with the role before and after.
    const promoted = await t
      .http()
      .patch(`${API}/users/${created.body.id}`)
      .set('Authorization', await bearer('admin'))
      .send({ role: 'leader' })
      .expect(200);
    const change = await auditOf(t, promoted.headers['x-request-id']);
    expect(change).toEqual([
      expect.objectContaining({
        action: 'accounts.update',
        operation: 'update',
        entityId: created.body.id,
        before: expect.objectContaining({ role: 'observer' }),
        after: expect.objectContaining({ role: 'leader' }),
      }),
    ]);
  });

  it('locks an account after 5 failed logins in a row, even for the right password, until the time is up', async () => {
    const userId = await createUser('lock-me');
    for (let i = 1; i <= 4; i += 1) {
      await t
        .http()
        .post(`${API}/auth/login`)
        .send({ username: 'lock-me', password: `wrong-${i}-xxxxx` })
        .expect(401);
    }
    const fifth = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'lock-me', password: 'wrong-5-xxxxx' })
      .expect(429);
    expect(fifth.body.message).toMatch(/锁定/);
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(800);
    const right = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'lock-me', password: 'Initial-Pass-2026' })
      .expect(429);
    expect(right.body).not.toHaveProperty('accessToken');

    const operations = await t.dataSource.query<{ operation: string }[]>(
      `SELECT operation FROM audit_log WHERE entity_id = $1 AND action = 'auth.login' ORDER BY at`,
      [userId],
    );
    expect(operations.map((r) => r.operation)).toEqual([
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed_locked',
      'login_refused_locked',
    ]);

    // Sixteen minutes later the lock is over and the right password works.
    t.clock.set(new Date(Date.now() + 16 * 60_000));
    try {
      await t
        .http()
        .post(`${API}/auth/login`)
        .send({ username: 'lock-me', password: 'Initial-Pass-2026' })
        .expect(200);
    } finally {
      t.clock.set(undefined);
    }
  });

  it('answers an unknown username like a wrong password, and audits the failure without an actor', async () => {
    const res = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'nobody-here', password: 'whatever-123' })
      .expect(401);
    expect(res.body.message).toMatch(/用户名或密码错误/);
    const [row] = await auditOf(t, res.headers['x-request-id']);
    expect(row).toMatchObject({
      operation: 'login_failed',
      actorId: null,
      after: { username: 'nobody-here' },
    });
  });

  it('expires access tokens, refreshes them once per refresh token, and ends the family on reuse', async () => {
    await createUser('session-user');
    const first = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'session-user', password: 'Initial-Pass-2026' })
      .expect(200);
    const { accessToken, refreshToken } = first.body as { accessToken: string; refreshToken: string };
    await t.http().get(`${API}/auth/me`).set('Authorization', `Bearer ${accessToken}`).expect(200);
    await sleep(2500);
    const expired = await t
      .http()
      .get(`${API}/auth/me`)
      .set('Authorization', `Bearer ${accessToken}`)
      .expect(401);
    expect(expired.body.message).toMatch(/登录已失效/);

    const second = await t.http().post(`${API}/auth/refresh`).send({ refreshToken }).expect(200);
    expect(second.body.refreshToken).not.toBe(refreshToken);
    await t
      .http()
      .get(`${API}/auth/me`)
      .set('Authorization', `Bearer ${second.body.accessToken}`)
      .expect(200);

    // The first refresh token again: a stolen copy. Both it and its successor stop working.
    await t.http().post(`${API}/auth/refresh`).send({ refreshToken }).expect(401);
    await t.http().post(`${API}/auth/refresh`).send({ refreshToken: second.body.refreshToken }).expect(401);
  });

  it('ends every session of a disabled user at once', async () => {
    const userId = await createUser('to-disable');
    const session = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'to-disable', password: 'Initial-Pass-2026' })
      .expect(200);
    await t
      .http()
      .patch(`${API}/users/${userId}`)
      .set('Authorization', await bearer('admin'))
      .send({ disabled: true })
      .expect(200);
    await t.http().get(`${API}/tasks`).set('Authorization', `Bearer ${session.body.accessToken}`).expect(401);
    await t.http().post(`${API}/auth/refresh`).send({ refreshToken: session.body.refreshToken }).expect(401);
    await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'to-disable', password: 'Initial-Pass-2026' })
      .expect(401);
    // The admin cannot lock themself out.
    const [{ id: adminId }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'admin'`,
    );
    await t
      .http()
      .patch(`${API}/users/${adminId}`)
      .set('Authorization', await bearer('admin'))
      .send({ disabled: true })
      .expect(422);
  });

  it('changes a password only with the current one, and older tokens stop working', async () => {
    await createUser('changer');
    const session = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'changer', password: 'Initial-Pass-2026' })
      .expect(200);
    const bearer = `Bearer ${session.body.accessToken}`;
    await t
      .http()
      .post(`${API}/auth/password`)
      .set('Authorization', bearer)
      .send({ currentPassword: 'not-the-password', newPassword: 'Brand-New-Pass-2026' })
      .expect(400);
    const tooShort = await t
      .http()
      .post(`${API}/auth/password`)
      .set('Authorization', bearer)
      .send({ currentPassword: 'Initial-Pass-2026', newPassword: 'short' })
      .expect(400);
    expect(tooShort.body.message).toMatch(/至少 10/);
    const changed = await t
      .http()
      .post(`${API}/auth/password`)
      .set('Authorization', bearer)
      .send({ currentPassword: 'Initial-Pass-2026', newPassword: 'Brand-New-Pass-2026' })
      .expect(200);
    await t.http().get(`${API}/auth/me`).set('Authorization', bearer).expect(401);
    await t.http().post(`${API}/auth/refresh`).send({ refreshToken: session.body.refreshToken }).expect(401);
    await t
      .http()
      .get(`${API}/auth/me`)
      .set('Authorization', `Bearer ${changed.body.accessToken}`)
      .expect(200);
    await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'changer', password: 'Brand-New-Pass-2026' })
      .expect(200);
    const rows = await auditOf(t, changed.headers['x-request-id']);
    expect(rows.map((r) => r.operation)).toEqual(
      expect.arrayContaining(['password_changed', 'sessions_revoked']),
    );
    expect(JSON.stringify(rows)).not.toContain('Brand-New-Pass-2026');
  });

  it('audits a task transition with the status before and after, in the same transaction', async () => {
    const [task] = await t.dataSource.query<{ id: string; version: number }[]>(
      `SELECT id, version FROM tasks WHERE status = 'draft' LIMIT 1`,
    );
    const res = await t
      .http()
      .post(`${API}/tasks/${task.id}/assign`)
      .set('Authorization', await bearer('office'))
      .send({})
      .expect(200);
    const rows = await auditOf(t, res.headers['x-request-id']);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'tasks.assign',
        operation: 'update',
        entity: 'task',
        entityId: task.id,
        before: expect.objectContaining({ status: 'draft', version: task.version }),
        after: expect.objectContaining({ status: 'assigned', version: task.version + 1 }),
      }),
    ]);

    // A failed step leaves neither a change nor an audit row.
    const office = await bearer('office');
    const before = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_log');
    await t.http().post(`${API}/tasks/${task.id}/complete`).set('Authorization', office).send({}).expect(409);
    const after = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0].n).toBe(before[0].n);
    await expect(t.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('shows the audit log to admin, office and observer only, filterable by entity', async () => {
    const list = await t
      .http()
      .get(`${API}/audit-log?entity=user&operation=login_failed&pageSize=5`)
      .set('Authorization', await bearer('observer'))
      .expect(200);
    expect(list.body.total).toBeGreaterThanOrEqual(5);
    expect(
      list.body.items.every((r: AuditRow) => r.entity === 'user' && r.operation === 'login_failed'),
    ).toBe(true);
    await t
      .http()
      .get(`${API}/audit-log`)
      .set('Authorization', await bearer('leader'))
      .expect(403);
    await t
      .http()
      .get(`${API}/audit-log`)
      .set('Authorization', await bearer('justice-staff'))
      .expect(403);
  });

  it('sets security headers on every answer', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Same origin only by default: no CORS headers for a foreign origin.
    const cors = await t.http().get('/health').set('Origin', 'https://evil.example');
    expect(cors.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('security: rate limits and CORS from configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { LOGIN_RATE_LIMIT: '3', WRITE_RATE_LIMIT: '2', CORS_ORIGINS: 'https://duban.example.gov.cn' },
    });
    await resetDatabase(t.dataSource);
    await seedDemo(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits login attempts per address and username, with Retry-After', async () => {
    for (let i = 0; i < 3; i += 1) {
      await t
        .http()
        .post(`${API}/auth/login`)
        .send({ username: 'ghost-user', password: 'nope-nope-12' })
        .expect(401);
    }
    const limited = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'ghost-user', password: 'nope-nope-12' })
      .expect(429);
    expect(limited.body.message).toMatch(/过于频繁/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another username from the same address is counted apart.
    await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'justice-manager', password: PASSWORD })
      .expect(200);
  });

  it('limits writes per user per minute, not reads', async () => {
    const staff = await login(t, 'justice-staff');
    for (let i = 0; i < 2; i += 1) {
      await t
        .http()
        .post(`${API}/notifications/read-all`)
        .set('Authorization', `Bearer ${staff}`)
        .expect(200);
    }
    await t.http().post(`${API}/notifications/read-all`).set('Authorization', `Bearer ${staff}`).expect(429);
    await t.http().get(`${API}/notifications`).set('Authorization', `Bearer ${staff}`).expect(200);
    // Another user has a budget of their own.
    const other = await login(t, 'publicity-staff');
    await t.http().post(`${API}/notifications/read-all`).set('Authorization', `Bearer ${other}`).expect(200);
  });

  it('answers CORS preflights for the configured origin only', async () => {
    const allowed = await t
      .http()
      .options(`${API}/tasks`)
      .set('Origin', 'https://duban.example.gov.cn')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://duban.example.gov.cn');
    const other = await t.http().get('/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('security: logs', () => {
  it('writes JSON request logs with the request id and never a password or token', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/main.ts', '--role=api'],
      {
        cwd: resolve(__dirname, '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', NO_COLOR: '1' },
      },
    );
    const api = new Spawned('api', child);
    try {
      await api.waitForOutput(/API listening/, 60_000);
      const base = `http://127.0.0.1:${port}`;
      const secret = 'Secret-Password-4-Logs';
      const denied = await fetch(`${base}${API}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'office', password: secret }),
      });
      expect(denied.status).toBe(401);
      const ok = await fetch(`${base}${API}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'log-check-1' },
        body: JSON.stringify({ username: 'office', password: PASSWORD }),
      });
      const { accessToken, refreshToken } = (await ok.json()) as {
        accessToken: string;
        refreshToken: string;
      };
      await fetch(`${base}${API}/tasks?pageSize=1`, { headers: { authorization: `Bearer ${accessToken}` } });
      await fetch(`${base}/admin/queues?token=${accessToken}`);
      await fetch(`${base}/calendar/${refreshToken}.ics`);
      await sleep(500);
      const lines = api
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'));
      const requests = lines
        .map((l) => JSON.parse(l) as { req?: { id: string; url: string } })
        .filter((l) => l.req);
      expect(requests.length).toBeGreaterThanOrEqual(5);
      expect(requests.some((l) => l.req?.id === 'log-check-1')).toBe(true);
      const all = api.output();
      for (const leak of [secret, PASSWORD, accessToken, refreshToken]) expect(all).not.toContain(leak);
    } finally {
      await api.stop();
    }
  });
});
