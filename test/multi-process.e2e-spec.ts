import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, login, resetDatabase, TestApp } from './support/app';
import { departmentId } from './support/fixtures';
import { auth, claims, createPlan, seedPeople, sentLog, waitFor } from './support/reminder-fixtures';
import { freePort, PrivateRedis, Spawned } from './support/worker-processes';

const ROOT = resolve(__dirname, '..');
const API_COUNT = 2;
const WORKER_COUNT = 3;
const TASKS = 12;

/**
 * Growing by adding processes: two API processes and three workers, built as `npm run build` builds them
 * and started as `node dist/src/main.js --role=api|worker` would be, on one PostgreSQL database and one
 * Redis (this file's own). Load goes to both APIs — reads, assignments, 催办 — while the reminders of a
 * dozen tasks fall due over some twenty seconds. Every request must succeed, and every reminder due must
 * be delivered exactly once, whichever worker took it.
 */
describe('2 API processes and 3 workers on one PostgreSQL and one Redis', () => {
  const sharedRedisUrl = process.env.REDIS_URL;
  let redis: PrivateRedis;
  let t: TestApp;
  let buildDir: string;
  const processes: Spawned[] = [];
  const apis: string[] = [];

  function start(name: string, role: 'api' | 'worker', port?: number): Spawned {
    const child = spawn(process.execPath, [join(buildDir, 'src/main.js'), `--role=${role}`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        NO_COLOR: '1',
        ...(port ? { PORT: String(port) } : {}),
        DATABASE_POOL_SIZE: '5',
        // Workers say "worker started" at info; the APIs' request logs are left out.
        LOG_LEVEL: role === 'worker' ? 'info' : 'warn',
        REDIS_URL: redis.url,
        REMINDER_SWEEP_INTERVAL: 'PT2S',
      },
    });
    const spawned = new Spawned(name, child);
    processes.push(spawned);
    return spawned;
  }

  async function healthy(base: string, process: Spawned): Promise<void> {
    await waitFor(
      `${process.name} to answer /health`,
      async () => {
        if (!process.running) throw new Error(`${process.name} exited:\n${process.output()}`);
        return fetch(`${base}/health`)
          .then((r) => r.status)
          .catch(() => 0);
      },
      (status) => status === 200,
      60_000,
      100,
    );
  }

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    process.env.REDIS_URL = redis.url;
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    await seedPeople(t);
    await sentLog.install(t);
    // The service as `npm run build` compiles it, into a directory of this run's own.
    buildDir = mkdtempSync(join(tmpdir(), 'worktracker-multi-'));
    symlinkSync(join(ROOT, 'node_modules'), join(buildDir, 'node_modules'), 'dir');
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', buildDir],
      { cwd: ROOT },
    ).catch((error: Error & { stdout?: string }) => {
      // tsc emits even when a type is wrong; a process that cannot start fails the test below.
      console.warn(`tsc: ${error.stdout ?? error.message}`);
    });
    const ports = await Promise.all(Array.from({ length: API_COUNT }, () => freePort()));
    const starting: Promise<void>[] = [];
    ports.forEach((port, i) => {
      const api = start(`api-${i + 1}`, 'api', port);
      apis.push(`http://127.0.0.1:${port}`);
      starting.push(healthy(apis[i], api));
    });
    for (let i = 1; i <= WORKER_COUNT; i += 1) {
      starting.push(start(`worker-${i}`, 'worker').waitForOutput(/worker started/, 60_000));
    }
    await Promise.all(starting);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
    if (t) await sentLog.drop(t);
    await t?.close();
    await redis?.kill();
    if (sharedRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = sharedRedisUrl;
  });

  it('serves every request and delivers every reminder exactly once', async () => {
    const office = await login(t, 'office');
    const staff = await login(t, 'justice-staff');
    const justice = await departmentId(t.dataSource, 'justice');
    const approval = await departmentId(t.dataSource, 'approval');
    // Seconds, so that the whole ladder falls due during the load: 交办 now, 签收超时 after 3 s,
    // 到期提醒 4 s before the deadline, 逾期 at it, 催办 2 s and 督办 4 s after it.
    const { planId, targetId } = await createPlan(t, office, '多进程压测', {
      beforeDue: ['PT4S'],
      escalations: ['PT2S', 'PT4S'],
      acceptWithin: 'PT3S',
    });

    const failures: string[] = [];
    const served = apis.map(() => 0);
    const call = async (i: number, token: string, method: string, path: string, body?: object) => {
      const res = await fetch(`${apis[i % apis.length]}/api/v1${path}`, {
        method,
        headers: { ...auth(token), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      }).catch((error: Error) => ({ status: 0, ok: false, json: () => Promise.resolve(error.message) }));
      if (!res.ok) failures.push(`${method} ${path} via api-${(i % apis.length) + 1}: ${res.status}`);
      else served[i % apis.length] += 1;
      return res.ok ? ((await res.json()) as { id: string }) : undefined;
    };

    // Tasks created and assigned through both APIs: the API plans the reminders and queues them on Bull.
    const started = Date.now();
    const taskIds: string[] = [];
    for (let k = 0; k < TASKS; k += 1) {
      const task = await call(k, office, 'POST', '/tasks', {
        targetId,
        title: `多进程任务 ${k + 1}`,
        leadDepartmentId: justice,
        coDepartmentIds: [approval],
        startAt: new Date(started - 3_600_000).toISOString(),
        dueAt: new Date(started + 8_000 + k * 500).toISOString(),
      });
      if (!task) continue;
      taskIds.push(task.id);
      await call(k + 1, office, 'POST', `/tasks/${task.id}/assign`, {});
    }
    expect(taskIds).toHaveLength(TASKS);

    // Load on both APIs until the last escalation (deadline + 4 s) has come.
    const loadUntil = started + 8_000 + TASKS * 500 + 5_000;
    const reads = [
      [office, `/tasks?planId=${planId}&pageSize=50`],
      [office, `/plans/${planId}/tree`],
      [office, `/dashboard/departments?planId=${planId}`],
      [office, `/dashboard/summary?planId=${planId}`],
      [staff, `/tasks?pageSize=25`],
      [staff, `/notifications?pageSize=50`],
    ] as const;
    const client = async (c: number) => {
      for (let n = 0; Date.now() < loadUntil; n += 1) {
        if (n % 10 === 9) {
          await call(c + n, office, 'POST', `/tasks/${taskIds[n % taskIds.length]}/urge`, {
            message: '请抓紧办理',
          });
        } else {
          const [token, path] = reads[(c + n) % reads.length];
          await call(c + n, token, 'GET', path);
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, c) => client(c)));

    // Every reminder due by now goes out, then: each sent once, by claims spread over the workers.
    const settled = await waitFor(
      'every due reminder delivered',
      async () => (await claims(t, taskIds)).filter((r) => r.due),
      (due) => due.every((r) => r.status === 'sent' || r.status === 'cancelled'),
      20_000,
    );
    // A 到期提醒 that a busy machine only gets to after the deadline is dropped in favour of the 逾期 notice
    // (by design); anything else cancelled would be a loss.
    const [{ late }] = await t.dataSource.query<{ late: number }[]>(
      `SELECT count(*)::int AS late FROM reminders
        WHERE task_id = ANY($1) AND status = 'cancelled' AND kind = 'before_due' AND message LIKE '已过截止时间%'`,
      [taskIds],
    );
    expect(settled.filter((r) => r.status === 'cancelled')).toHaveLength(late);
    const rows = settled.filter((r) => r.status === 'sent');
    expect(failures).toEqual([]);
    for (const n of served) expect(n).toBeGreaterThan(50);
    const kinds = new Set(settled.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(
      ['accept_overdue', 'assigned', 'before_due', 'escalation', 'overdue', 'urge'].sort(),
    );
    expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
    const writes = await sentLog.count(
      t,
      rows.map((r) => r.id),
    );
    expect(rows.filter((r) => writes[r.id] !== 1)).toEqual([]);
    const [{ expected, delivered, duplicates }] = await t.dataSource.query<
      { expected: number; delivered: number; duplicates: number }[]
    >(
      `SELECT (SELECT coalesce(sum(jsonb_array_length(recipients->'userIds')), 0)::int
                 FROM reminders WHERE id = ANY($1)) AS expected,
              (SELECT count(*)::int FROM notifications WHERE reminder_id = ANY($1)) AS delivered,
              (SELECT count(*)::int FROM (SELECT 1 FROM notifications WHERE reminder_id = ANY($1)
                 GROUP BY reminder_id, user_id HAVING count(*) > 1) d) AS duplicates`,
      [rows.map((r) => r.id)],
    );
    expect(expected).toBeGreaterThan(0);
    expect({ delivered, duplicates }).toEqual({ delivered: expected, duplicates: 0 });
    // The work was shared: more than one worker process claimed reminders.
    const claimers = new Set(rows.map((r) => r.claimedBy?.split(':').pop()));
    expect(claimers.size).toBeGreaterThan(1);
  }, 90_000);
});
