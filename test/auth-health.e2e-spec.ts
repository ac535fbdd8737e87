import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { API, createTestApp, login, resetDatabase, TestApp } from './support/app';
import { seedDemo } from './support/fixtures';

describe('accounts, tokens and health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    await seedDemo(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with the demo password and answers who the caller is', async () => {
    const res = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'justice-manager', password: 'test-password-123' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'justice-manager', role: 'dept_manager' });
    expect(res.body.user.departmentId).toEqual(expect.any(String));
    const me = await t
      .http()
      .get(`${API}/auth/me`)
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ username: 'justice-manager', role: 'dept_manager' });
  });

  it('refuses a wrong password or unknown user with the same 401', async () => {
    const wrong = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'office', password: 'nope-nope-nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'ghost', password: 'nope-nope-nope' })
      .expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('needs a valid token on every route but health, login and the docs', async () => {
    await t.http().get(`${API}/tasks`).expect(401);
    await t.http().get(`${API}/plans`).set('Authorization', 'Bearer not-a-token').expect(401);
    await t.http().get(`${API}/departments`).set('Authorization', 'Basic abc').expect(401);
    await t.http().get('/health').expect(200);
    await t.http().get('/api/docs').expect(200);
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/tasks', '/api/v1/plans/{id}/tree']),
    );
  });

  it('keeps plan building to the office', async () => {
    const leader = await login(t, 'leader');
    const observer = await login(t, 'observer');
    const office = await login(t, 'office');
    for (const token of [leader, observer]) {
      const res = await t
        .http()
        .post(`${API}/plans`)
        .set('Authorization', `Bearer ${token}`)
        .send({ title: 'x', year: 2026 });
      expect(res.status).toBe(403);
    }
    await t
      .http()
      .post(`${API}/plans`)
      .set('Authorization', `Bearer ${office}`)
      .send({ title: '新计划', year: 2027 })
      .expect(201);
  });

  it('shows the queue dashboard to the office and admins only', async () => {
    await t.http().get('/admin/queues').expect(401);
    const manager = await login(t, 'justice-manager');
    await t.http().get('/admin/queues').set('Authorization', `Bearer ${manager}`).expect(403);
    const office = await login(t, 'office');
    const page = await t.http().get(`/admin/queues?token=${office}`).expect(200);
    expect(page.text).toContain('<html');
    const cookie = page.headers['set-cookie'] as unknown as string[];
    expect(cookie.join(';')).toContain('HttpOnly');
    const admin = await login(t, 'admin');
    const queues = await t
      .http()
      .get('/admin/queues/api/queues')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(JSON.stringify(queues.body)).toContain('reminders');
  });

  it('reports PostgreSQL and Redis in /health', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      checks: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });
});

describe('start-up when a backing service is down', () => {
  const main = join(__dirname, '..', 'src', 'main.ts');
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', main], {
      env: { ...process.env, PORT: '39999', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('stops within seconds naming the PostgreSQL address that failed', () => {
    const started = Date.now();
    const res = run({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/worktracker_test' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('Cannot reach PostgreSQL at 127.0.0.1:1');
    expect(res.stderr).toContain('docker compose up -d postgres');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('stops within seconds naming the Redis address that failed', () => {
    const res = run({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('Cannot reach Redis at 127.0.0.1:1');
  });

  it('stops with a clear message on an invalid setting', () => {
    const res = run({ APP_TIME_ZONE: 'Mars/Olympus', PORT: 'abc' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('APP_TIME_ZONE');
  });
});
