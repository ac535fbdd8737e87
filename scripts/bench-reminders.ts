/**
 * Reminder benchmark (a script, not a timed test).
 *
 *   npm run bench:reminders -- [--tasks 100000] [--open 1000000] [--due 1000] [--workers 1]
 *                              [--departments 100] [--database worktracker_bench] [--only 1|2] [--keep]
 *                              [--plan-first]
 *
 * Phase 1 — end to end: --tasks in-progress tasks that fell due minutes ago. Plans their reminders with the
 * real ReminderPlanner (desired + insert, a transaction per 1,000 tasks: the overdue notice, due now, and
 * the two escalations, due in 3 and 7 days), puts every row on Bull with the real ReminderScheduler, and
 * lets the real worker processors deliver (the worker role in this process, plus --workers processes
 * `src/main.ts --role=worker`). Measures the wall time from the start of planning until every reminder due
 * is `sent`, the CPU spent per reminder, and checks exactly-once: each sent row claimed once, the inbox
 * holding exactly the notices the circles call for, repeated or early deliveries claiming nothing.
 *
 * Phase 2 — the sweep: tops the database up to --open open tasks with their pending reminders (bulk SQL
 * that writes the rows ReminderPlanner.desired() would), --due of them due now, then prints the EXPLAIN
 * (ANALYZE, BUFFERS) of the sweep's selection query, times it, and times ReminderSweepService.sweep() over
 * what is due and once more with nothing due.
 *
 * Uses its own database (created fresh, migrated, dropped at the end unless --keep) and its own
 * QUEUE_PREFIX; touches nothing else.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, hostname, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bull';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { rootModule } from '../src/app.module';
import { REMINDER_QUEUE } from '../src/common/queues/queues';
import { deleteKeysWithPrefix } from '../src/common/redis/delete-prefix';
import { loadConfig } from '../src/config/app-config';
import { prepareDatabase } from '../src/database/prepare-database';
import { DEFAULT_POLICY } from '../src/modules/plans/plan-policy';
import { Plan } from '../src/modules/plans/entities/plan.entity';
import { ReminderPlanner } from '../src/modules/reminders/reminder-planner';
import { ReminderScheduler } from '../src/modules/reminders/reminder-scheduler';
import { ReminderDeliveryService } from '../src/modules/notifications/reminder-delivery.service';
import { ReminderSweepService, SweepResult } from '../src/modules/notifications/reminder-sweep.service';
import { Task } from '../src/modules/tasks/entities/task.entity';
import { workerId } from '../src/worker/worker-id';

const ROOT = join(__dirname, '..');
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TASK_BATCH = 1000;

// ------------------------------------------------------------------------------------------------ options

const { values: args } = parseArgs({
  options: {
    tasks: { type: 'string', default: '100000' },
    open: { type: 'string', default: '1000000' },
    due: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '1' },
    departments: { type: 'string', default: '100' },
    database: { type: 'string', default: 'worktracker_bench' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'plan-first': { type: 'boolean', default: false },
  },
  strict: true,
});

function count(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be an integer ≥ ${min} (got ${value})`);
  return n;
}

const opts = {
  tasks: count('tasks', args.tasks, 1),
  open: count('open', args.open, 1),
  due: count('due', args.due, 0),
  workers: count('workers', args.workers, 0),
  departments: count('departments', args.departments, 2),
  database: args.database ?? 'worktracker_bench',
  phase1: args.only !== '2',
  phase2: args.only !== '1',
  keep: args.keep ?? false,
  // Bull paused (for every worker) while planning, then resumed: times delivery alone.
  planFirst: args['plan-first'] ?? false,
};
if (!/^[a-z0-9_]*bench[a-z0-9_]*$/.test(opts.database)) {
  throw new Error(`--database must be a plain name containing "bench" (got "${opts.database}")`);
}
if (opts.due > opts.open) throw new Error('--due cannot exceed --open');
if (args.only !== undefined && args.only !== '1' && args.only !== '2')
  throw new Error('--only must be 1 or 2');

const DATABASE_URL = `${SERVER_URL}/${opts.database}`;
const QUEUE_PREFIX = `bench-${process.pid}`;

// The app reads its configuration when its modules are instantiated (not when imported): set it first.
Object.assign(process.env, {
  NODE_ENV: 'development',
  DATABASE_URL,
  REDIS_URL,
  QUEUE_PREFIX,
  // Phase 1 measures the Bull path: the periodic sweep is unregistered once the workers are up.
  REMINDER_SWEEP_INTERVAL: 'P1D',
  SMTP_URL: '',
});

// ------------------------------------------------------------------------------------------------ helpers

const started = Date.now();
const log = (line: string): void =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);
const fmt = (n: number): string => n.toLocaleString('en-US');
const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
const sleep = (t: number) => new Promise<void>((resolve) => setTimeout(resolve, t));

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - t0) / 1e6];
}

async function one<T>(client: Client, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await client.query(sql, params);
  return rows[0] as T;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const summary: [string, string][] = [];
const record = (label: string, value: string): void => {
  summary.push([label, value]);
};
let failures = 0;
function check(ok: boolean, what: string): void {
  log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}

// ------------------------------------------------------------------------------------------------ state

const children: ChildProcess[] = [];
let app: INestApplicationContext | undefined;
let loader: Client | undefined;

async function startWorkerProcess(index: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/main.ts', '--role=worker'],
    { cwd: ROOT, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${index} did not start within 120 s`)), 120_000);
    const onLine = (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('worker started')) {
        clearTimeout(timer);
        resolve();
      }
      for (const line of text.split('\n')) {
        if (/ERROR|WARN|Error/.test(line)) console.log(`  [worker ${index}] ${line.trim()}`);
      }
    };
    child.stdout?.on('data', onLine);
    child.stderr?.on('data', onLine);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker ${index} exited with ${code}`));
    });
  });
  log(`worker process ${index} started (pid ${child.pid})`);
  return child;
}

async function stopChildren(): Promise<void> {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

// ------------------------------------------------------------------------------------------------ setup

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `${SERVER_URL}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<void> {
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${opts.database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${opts.database}"`);
  });
  await prepareDatabase(loadConfig(), (line) => log(line));
}

interface Fixture {
  departmentIds: string[];
  /** Users per department by role, and global users by role: what a notice's circle expects. */
  people: { managers: number; staff: number; office: number; leaders: number };
}

const PEOPLE = { managers: 1, staff: 2, office: 1, leaders: 2 };

async function loadPeople(client: Client): Promise<Fixture> {
  const d = opts.departments;
  await client.query(
    `INSERT INTO departments (code, name, kind)
     SELECT 'B' || lpad(g::text, 4, '0'), '压测单位' || g, 'government' FROM generate_series(1, $1) g`,
    [d],
  );
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM departments ORDER BY code`);
  const departmentIds = rows.map((r) => r.id);
  // Nobody logs in here: a placeholder hash keeps the load fast.
  await client.query(
    `INSERT INTO users (username, display_name, password_hash, role, department_id)
     SELECT d.code || '-' || r.role || '-' || n, d.name || r.role || n, 'bench-no-login', r.role, d.id
       FROM departments d
      CROSS JOIN (VALUES ('dept_manager', $1::int), ('dept_staff', $2::int)) r(role, k)
      CROSS JOIN LATERAL generate_series(1, r.k) n`,
    [PEOPLE.managers, PEOPLE.staff],
  );
  await client.query(
    `INSERT INTO users (username, display_name, password_hash, role)
     SELECT 'bench-' || r.role || '-' || n, r.role || n, 'bench-no-login', r.role
       FROM (VALUES ('office', $1::int), ('leader', $2::int), ('admin', 1), ('observer', 1)) r(role, k)
      CROSS JOIN LATERAL generate_series(1, r.k) n`,
    [PEOPLE.office, PEOPLE.leaders],
  );
  return { departmentIds, people: PEOPLE };
}

async function createPlan(client: Client, title: string): Promise<{ planId: string; targetId: string }> {
  const { id: planId } = await one<{ id: string }>(
    client,
    `INSERT INTO plans (title, year, status, time_zone, policy) VALUES ($1, 2026, 'active', 'Asia/Shanghai', $2)
     RETURNING id`,
    [title, JSON.stringify(DEFAULT_POLICY)],
  );
  const { id: responsibilityId } = await one<{ id: string }>(
    client,
    `INSERT INTO responsibilities (plan_id, code, title) VALUES ($1, 'R1', '压测工作责任') RETURNING id`,
    [planId],
  );
  const { id: targetId } = await one<{ id: string }>(
    client,
    `INSERT INTO targets (plan_id, responsibility_id, code, title) VALUES ($1, $2, 'T01', '压测目标任务')
     RETURNING id`,
    [planId, responsibilityId],
  );
  return { planId, targetId };
}

/**
 * Tasks g = from..to, in progress, lead department g mod D, one co-organizer (the next department).
 * `due` is an SQL expression of g.
 */
async function loadTasks(
  client: Client,
  plan: { planId: string; targetId: string },
  fixture: Fixture,
  prefix: string,
  from: number,
  to: number,
  due: string,
): Promise<void> {
  await client.query(
    `WITH ins AS (
       INSERT INTO tasks (plan_id, target_id, code, title, status, lead_department_id, start_at, due_at,
                          original_due_at, progress, assigned_at, accepted_at)
       SELECT $1, $2, $3 || lpad(g::text, 7, '0'), '压测任务 ' || g, 'in_progress', ($4::uuid[])[1 + g % $5],
              now() - interval '120 days', x.due, x.due, 40, now() - interval '119 days', now() - interval '118 days'
         FROM generate_series($6::int, $7::int) g
        CROSS JOIN LATERAL (SELECT ${due} AS due) x
       RETURNING id, lead_department_id)
     INSERT INTO task_co_departments (task_id, department_id)
     SELECT ins.id, d.ids[1 + (array_position(d.ids, ins.lead_department_id)) % $5]
       FROM ins CROSS JOIN (SELECT $4::uuid[] AS ids) d`,
    [plan.planId, plan.targetId, prefix, fixture.departmentIds, fixture.departmentIds.length, from, to],
  );
}

// ------------------------------------------------------------------------------------------------ CPU

const TICK_MS = 10; // Linux USER_HZ = 100

function procTicks(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined;
  }
}

/**
 * CPU time spent on the work, by party: this process, the worker processes, this database's PostgreSQL
 * backends (sampled while the work runs, so that pooled connections opened meanwhile count from zero) and
 * the Redis server (whole server). On a shared machine wall time alone says little; this does not depend on
 * what else runs.
 */
class CpuMeter {
  private readonly node = process.cpuUsage();
  private readonly childStart = new Map<number, number>();
  private readonly pg = new Map<number, { from: number; last: number }>();
  private redisStart = 0;

  static async start(client: Client, redis: Redis): Promise<CpuMeter> {
    const meter = new CpuMeter();
    for (const child of children) if (child.pid) meter.childStart.set(child.pid, procTicks(child.pid) ?? 0);
    await meter.sample(client, true);
    meter.redisStart = await CpuMeter.redisMs(redis);
    return meter;
  }

  private static async redisMs(redis: Redis): Promise<number> {
    const info = await redis.info('cpu');
    const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
    return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
  }

  async sample(client: Client, first = false): Promise<void> {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    for (const { pid } of rows) {
      const ticks = procTicks(pid);
      if (ticks === undefined) continue;
      const seen = this.pg.get(pid);
      if (seen) seen.last = ticks;
      else this.pg.set(pid, { from: first ? ticks : 0, last: ticks });
    }
  }

  async stop(
    client: Client,
    redis: Redis,
  ): Promise<{ node: number; workers: number; pg: number; redis: number }> {
    await this.sample(client);
    const used = process.cpuUsage(this.node);
    let workers = 0;
    for (const [pid, from] of this.childStart) workers += ((procTicks(pid) ?? from) - from) * TICK_MS;
    let pg = 0;
    for (const { from, last } of this.pg.values()) pg += (last - from) * TICK_MS;
    return {
      node: (used.user + used.system) / 1000,
      workers,
      pg,
      redis: (await CpuMeter.redisMs(redis)) - this.redisStart,
    };
  }
}

// ------------------------------------------------------------------------------------------------ phase 1

/** Notices one reminder makes, by the circle of DESIGN.md (lead department only for these kinds). */
function noticesPer(kind: string, level: number, people: Fixture['people']): number {
  switch (kind) {
    case 'overdue':
      return people.managers + people.staff + people.office;
    case 'escalation':
      return people.managers + people.office + (level >= 2 ? people.leaders : 0);
    default:
      throw new Error(`phase 1 plans no ${kind} reminders`);
  }
}

async function phase1(client: Client, fixture: Fixture, context: INestApplicationContext): Promise<void> {
  const n = opts.tasks;
  log(`phase 1: loading ${fmt(n)} in-progress tasks that fell due 10–20 minutes ago …`);
  const plan = await createPlan(client, '压测计划一 (end to end)');
  const [, loadMs] = await timed(async () => {
    for (let from = 1; from <= n; from += 100_000) {
      const to = Math.min(n, from + 99_999);
      await loadTasks(
        client,
        plan,
        fixture,
        'P1-',
        from,
        to,
        `now() - interval '10 minutes' - (g % 600) * interval '1 second'`,
      );
      log(`  ${fmt(to)} tasks`);
    }
    await client.query('ANALYZE tasks; ANALYZE task_co_departments');
  });
  log(`phase 1: tasks loaded in ${ms(loadMs)}`);

  const dataSource = context.get<DataSource>(getDataSourceToken());
  const planner = context.get(ReminderPlanner);
  const scheduler = context.get(ReminderScheduler);
  const { policy } = await dataSource.getRepository(Plan).findOneByOrFail({ id: plan.planId });

  const progress = async () =>
    one<{ sent: number; waiting: number }>(
      client,
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
              count(*) FILTER (WHERE status IN ('pending', 'sending') AND due_at <= now())::int AS waiting
         FROM reminders WHERE plan_id = $1`,
      [plan.planId],
    );

  log(
    `phase 1: planning (ReminderPlanner.desired + insert) and enqueueing (ReminderScheduler.enqueue), ` +
      `${TASK_BATCH} tasks a transaction; the workers deliver meanwhile`,
  );
  const redis = new Redis(REDIS_URL);
  const queue = context.get<Queue>(getQueueToken(REMINDER_QUEUE));
  if (opts.planFirst) await queue.pause();
  const meter = await CpuMeter.start(client, redis);
  const t0 = Date.now();
  let planned = 0;
  let deliverable = 0;
  let notQueued = 0;
  let lastCode = '';
  let lastReport = Date.now();
  for (;;) {
    const tasks = await dataSource
      .getRepository(Task)
      .createQueryBuilder('t')
      .where('t.plan_id = :planId AND t.code > :lastCode', { planId: plan.planId, lastCode })
      .orderBy('t.code')
      .limit(TASK_BATCH)
      .getMany();
    if (tasks.length === 0) break;
    lastCode = tasks[tasks.length - 1].code;
    const rows = await dataSource.transaction((em) =>
      planner.insert(
        em,
        tasks.flatMap((task) => planner.desired(task, policy)),
      ),
    );
    planned += rows.length;
    deliverable += rows.filter((row) => row.dueAt.getTime() <= Date.now()).length;
    const queued = await Promise.allSettled(rows.map((row) => scheduler.enqueue(row)));
    notQueued += queued.filter((q) => q.status === 'rejected').length;
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      log(`  planned ${fmt(planned)} (${fmt(deliverable)} due), sent ${fmt((await progress()).sent)}`);
    }
  }
  const planMs = Date.now() - t0;
  log(
    `phase 1: planned and queued ${fmt(planned)} reminders (${fmt(deliverable)} due now, the rest later) in ` +
      `${ms(planMs)} (${fmt(Math.round(planned / (planMs / 1000)))} rows/s)${notQueued ? `; ${notQueued} NOT queued` : ''}`,
  );

  const deliverFrom = Date.now();
  if (opts.planFirst) {
    log('phase 1: planning done with Bull paused; resuming the workers');
    await queue.resume();
  }
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const s = await progress();
    if (s.waiting === 0) break;
    if (s.sent !== last) {
      last = s.sent;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > 120_000) {
      throw new Error(
        `phase 1 stalled: ${s.sent} sent, ${s.waiting} due and waiting, no progress for 2 minutes`,
      );
    }
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      const rate = s.sent / ((Date.now() - t0) / 1000);
      log(`  sent ${fmt(s.sent)} of ${fmt(deliverable)} (${fmt(Math.round(rate))}/s so far)`);
    }
    await meter.sample(client);
    await sleep(200);
  }
  // Jobs whose reminder another job took along (a batch claim) are still queued: they find nothing to claim.
  // Phase 1 ends when Bull has worked through them too, so that none is left to touch phase 2's rows.
  for (;;) {
    const counts = await queue.getJobCounts();
    if (counts.waiting + counts.active === 0) break;
    await meter.sample(client);
    await sleep(200);
  }
  const drainedAt = Date.now();
  const cpu = await meter.stop(client, redis);
  redis.disconnect();
  const { first, lastSent } = await one<{ first: Date | null; lastSent: Date | null }>(
    client,
    `SELECT min(sent_at) AS first, max(sent_at) AS "lastSent" FROM reminders WHERE plan_id = $1`,
    [plan.planId],
  );
  if (!first || !lastSent) throw new Error('phase 1: nothing was sent');
  const wallMs = lastSent.getTime() - t0;

  // ---- exactly once
  const byKind = await client.query<{ kind: string; level: number; status: string; n: number }>(
    `SELECT kind, level, status, count(*)::int AS n FROM reminders WHERE plan_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [plan.planId],
  );
  const expectedNotices = byKind.rows
    .filter((r) => r.status === 'sent')
    .reduce((sum, r) => sum + r.n * noticesPer(r.kind, r.level, fixture.people), 0);
  const v = await one<{
    sent: number;
    later: number;
    total: number;
    attempts: number;
    notices: number;
    dup: number;
    noticed: number;
  }>(
    client,
    `SELECT (SELECT count(*) FROM reminders WHERE plan_id = $1 AND status = 'sent')::int AS sent,
            (SELECT count(*) FROM reminders WHERE plan_id = $1 AND status = 'pending' AND due_at > now()
                AND attempts = 0)::int AS later,
            (SELECT count(*) FROM reminders WHERE plan_id = $1)::int AS total,
            (SELECT count(*) FROM reminders WHERE plan_id = $1 AND status = 'sent' AND attempts <> 1)::int AS attempts,
            (SELECT count(*) FROM notifications n JOIN reminders r ON r.id = n.reminder_id WHERE r.plan_id = $1)::int AS notices,
            (SELECT count(*) FROM (SELECT 1 FROM notifications GROUP BY reminder_id, user_id HAVING count(*) > 1) d)::int AS dup,
            (SELECT count(DISTINCT n.reminder_id) FROM notifications n JOIN reminders r ON r.id = n.reminder_id
              WHERE r.plan_id = $1)::int AS noticed`,
    [plan.planId],
  );
  // A job that runs again (a Bull retry, the sweep meeting a queued job) or too early must claim nothing.
  const again = await client.query<{ id: string; sent_at: string | null }>(
    `(SELECT id, sent_at::text AS sent_at FROM reminders WHERE plan_id = $1 AND status = 'sent' ORDER BY random() LIMIT 200)
     UNION ALL
     (SELECT id, NULL FROM reminders WHERE plan_id = $1 AND status = 'pending' ORDER BY random() LIMIT 50)`,
    [plan.planId],
  );
  const delivery = context.get(ReminderDeliveryService);
  const outcomes: { outcome: string }[] = [];
  for (let i = 0; i < again.rows.length; i += 8) {
    // As many at once as a worker runs, not 250: the pool is sized for that.
    const chunk = again.rows.slice(i, i + 8);
    outcomes.push(...(await Promise.all(chunk.map((r) => delivery.deliver(r.id, 'bench-again')))));
  }
  const unchanged = await one<{ n: number; notices: number }>(
    client,
    `SELECT count(*) FILTER (WHERE r.sent_at::text IS NOT DISTINCT FROM x.sent_at
                               AND r.attempts = CASE WHEN x.sent_at IS NULL THEN 0 ELSE 1 END)::int AS n,
            (SELECT count(*) FROM notifications n JOIN reminders r ON r.id = n.reminder_id WHERE r.plan_id = $2)::int AS notices
       FROM reminders r JOIN unnest($1::uuid[], $3::text[]) x(id, sent_at) ON x.id = r.id`,
    [again.rows.map((r) => r.id), plan.planId, again.rows.map((r) => r.sent_at)],
  );
  const jobs = await queue.getJobCounts();
  log(
    `phase 1: reminder rows: ${byKind.rows.map((r) => `${r.kind}${r.kind === 'escalation' ? ` L${r.level}` : ''} ${r.status} ${fmt(r.n)}`).join(', ')}`,
  );
  check(v.sent === deliverable, `every reminder due was sent (${fmt(v.sent)} of ${fmt(deliverable)})`);
  check(
    v.later === planned - deliverable && v.total === planned,
    `the reminders due later are pending, untouched (${fmt(v.later)}), and in Bull's delayed set (${fmt(jobs.delayed)})`,
  );
  check(v.attempts === 0, `every sent reminder was claimed once (attempts = 1; ${v.attempts} otherwise)`);
  check(
    v.notices === expectedNotices,
    `inbox notices = expected by the circles (${fmt(v.notices)} of ${fmt(expectedNotices)})`,
  );
  check(
    v.dup === 0 && v.noticed === v.sent,
    `no notice twice (${v.dup} duplicates; ${fmt(v.noticed)} reminders have notices)`,
  );
  const skipped = outcomes.filter((o) => o.outcome === 'skipped').length;
  check(
    skipped === again.rows.length && unchanged.n === again.rows.length && unchanged.notices === v.notices,
    `delivering ${again.rows.length} reminders again (sent) or early (not due) claims none ` +
      `(${skipped} skipped; ${unchanged.n} rows unchanged; inbox ${unchanged.notices === v.notices ? 'unchanged' : 'CHANGED'})`,
  );
  check(jobs.failed === 0 && notQueued === 0, `Bull: ${jobs.failed} failed jobs, ${notQueued} not queued`);

  const perSec = v.sent / (wallMs / 1000);
  const noticesPerSec = v.notices / (wallMs / 1000);
  log(
    `phase 1: ${fmt(v.sent)} reminders delivered (${fmt(v.notices)} inbox notices) for ${fmt(n)} tasks, ` +
      `planned + delivered in ${(wallMs / 1000).toFixed(1)} s → ${fmt(Math.round(perSec))} reminders/s, ` +
      `${fmt(Math.round(noticesPerSec))} notices/s end to end (first sent ${first.getTime() - t0} ms after start)`,
  );
  const per = (t: number) => (t / v.sent).toFixed(2);
  const total = cpu.node + cpu.workers + cpu.pg + cpu.redis;
  const cpuLine =
    `${per(total)} ms: node ${per(cpu.node)} (bench process: planning + its worker)` +
    (opts.workers ? ` + ${per(cpu.workers)} (worker processes)` : '') +
    `, PostgreSQL ${per(cpu.pg)}, Redis ${per(cpu.redis)}; ${((total / wallMs) * 100).toFixed(0)} % of one core on average`;
  log(`phase 1: CPU per delivered reminder (planning of the whole ladder included): ${cpuLine}`);
  record(
    'phase 1 tasks',
    `${fmt(n)} in progress, due 10–20 min ago (loaded by SQL in ${(loadMs / 1000).toFixed(1)} s)`,
  );
  record(
    'phase 1 planned',
    `${fmt(planned)} reminder rows in ${(planMs / 1000).toFixed(1)} s: ${fmt(deliverable)} overdue notices due now, ` +
      `${fmt(planned - deliverable)} escalations (催办 +3 d, 督办 +7 d) for later`,
  );
  record(
    'phase 1 end to end',
    `${fmt(v.sent)} delivered in ${(wallMs / 1000).toFixed(1)} s → ${fmt(Math.round(perSec))} reminders/s, ` +
      `${fmt(Math.round(noticesPerSec))} inbox notices/s`,
  );
  record(
    'phase 1 workers',
    `${1 + opts.workers} process(es), Bull concurrency 8 each (the bench process + ${opts.workers} \`--role=worker\`)`,
  );
  record('phase 1 CPU / reminder', cpuLine);
  record(
    'phase 1 queue drained',
    `${((drainedAt - t0) / 1000).toFixed(1)} s after the start (the last reminder was sent at ${(wallMs / 1000).toFixed(1)} s)`,
  );
  if (opts.planFirst) {
    const deliveryMs = lastSent.getTime() - deliverFrom;
    record(
      'phase 1 delivery alone',
      `${fmt(v.sent)} delivered in ${(deliveryMs / 1000).toFixed(1)} s after planning → ` +
        `${fmt(Math.round(v.sent / (deliveryMs / 1000)))} reminders/s (--plan-first: Bull paused while planning)`,
    );
  }
  record(
    'phase 1 exactly once',
    `${fmt(v.sent)} sent, each claimed once, ${fmt(v.notices)} notices = expected, 0 duplicates; ` +
      `${again.rows.length} repeated/early deliveries claimed nothing`,
  );
}

// ------------------------------------------------------------------------------------------------ phase 2

const SELECTION_SQL = `SELECT id FROM reminders WHERE status = 'pending' AND due_at <= now() ORDER BY due_at LIMIT 500`;

/** The rows ReminderPlanner.desired() writes for an in-progress task (default policy), in SQL. */
const PLANNED_ROWS_SQL = `
  INSERT INTO reminders (dedupe_key, kind, plan_id, task_id, "offset", level, deadline_version, due_at, status)
  SELECT 'task:' || t.id || ':' || k.kind || ':' || k.off || ':v' || t.deadline_version, k.kind, t.plan_id, t.id,
         k.off, k.level, t.deadline_version, t.due_at + k.shift, 'pending'
    FROM tasks t
   CROSS JOIN (VALUES ('before_due', 'P7D', 0, interval '-7 days'), ('before_due', 'P3D', 0, interval '-3 days'),
                      ('before_due', 'P1D', 0, interval '-1 day'), ('overdue', 'PT0S', 0, interval '0'),
                      ('escalation', 'P3D', 1, interval '3 days'), ('escalation', 'P7D', 2, interval '7 days'))
         k(kind, off, level, shift)
   WHERE t.plan_id = $1 AND t.code >= $2 AND t.code <= $3
     AND (k.kind <> 'before_due' OR t.due_at + k.shift >= now())`;

async function phase2(client: Client, fixture: Fixture, context: INestApplicationContext): Promise<void> {
  const { open: already } = await one<{ open: number }>(
    client,
    `SELECT count(*)::int AS open FROM tasks WHERE status IN ('assigned', 'accepted', 'in_progress', 'submitted', 'returned')`,
  );
  const n = Math.max(0, opts.open - already);
  const due = Math.min(opts.due, n);
  log(
    `phase 2: ${fmt(already)} open tasks already; loading ${fmt(n)} more with their pending reminders (${fmt(due)} due now) …`,
  );
  const plan = await createPlan(client, '压测计划二 (sweep)');
  const [, loadMs] = await timed(async () => {
    // A bulk load of rows consistent by construction: no per-row foreign-key triggers, no WAL flush per chunk.
    await client.query(`SET synchronous_commit = off; SET session_replication_role = replica`);
    const chunk = 100_000;
    for (let from = 1; from <= n; from += chunk) {
      const to = Math.min(n, from + chunk - 1);
      // The first `due` tasks fell due minutes ago (their overdue notice is due); the rest are due in 8–365 days.
      await loadTasks(
        client,
        plan,
        fixture,
        'P2-',
        from,
        to,
        `CASE WHEN g <= ${due} THEN now() - (1 + g % 60) * interval '1 minute'
              ELSE now() + interval '8 days' + (g % 357) * interval '1 day' + (g % 86400) * interval '1 second' END`,
      );
      await client.query(PLANNED_ROWS_SQL, [
        plan.planId,
        `P2-${String(from).padStart(7, '0')}`,
        `P2-${String(to).padStart(7, '0')}`,
      ]);
      log(`  ${fmt(to)} tasks and their reminders`);
    }
    await client.query(`SET synchronous_commit = on; SET session_replication_role = DEFAULT`);
    // What autovacuum does after a bulk load; also clears the index entries of phase 1's sent rows.
    await client.query('VACUUM (ANALYZE) reminders, tasks, task_co_departments, notifications');
  });
  const sizes = await one<{
    open: number;
    reminders: number;
    pending: number;
    due: number;
    index: string;
    table: string;
  }>(
    client,
    `SELECT (SELECT count(*) FROM tasks WHERE status IN ('assigned', 'accepted', 'in_progress', 'submitted', 'returned'))::int AS open,
            (SELECT count(*) FROM reminders)::int AS reminders,
            (SELECT count(*) FROM reminders WHERE status = 'pending')::int AS pending,
            (SELECT count(*) FROM reminders WHERE status = 'pending' AND due_at <= now())::int AS due,
            pg_size_pretty(pg_relation_size('reminders_pending_due_at_idx')) AS index,
            pg_size_pretty(pg_total_relation_size('reminders')) AS table`,
  );
  log(
    `phase 2: loaded in ${(loadMs / 1000).toFixed(1)} s: ${fmt(sizes.open)} open tasks, ${fmt(sizes.reminders)} reminder rows ` +
      `(${fmt(sizes.pending)} pending, ${fmt(sizes.due)} due); reminders ${sizes.table}, partial index ${sizes.index}`,
  );

  // ---- the selection query
  const plan1 = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${SELECTION_SQL}`);
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) ${SELECTION_SQL}\n`);
  for (const row of plan1.rows) console.log(`  ${row['QUERY PLAN']}`);
  console.log('');
  const explained = plan1.rows.map((r) => r['QUERY PLAN']).join('\n');
  check(
    explained.includes('reminders_pending_due_at_idx'),
    'the selection uses reminders_pending_due_at_idx',
  );
  const runs: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const [, t] = await timed(() => client.query(SELECTION_SQL));
    runs.push(t);
  }
  const seq = await (async () => {
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off');
      const [, t] = await timed(() => client.query(SELECTION_SQL));
      return t;
    } finally {
      await client.query('ROLLBACK');
    }
  })();
  const buffers = /Buffers: shared hit=(\d+)(?: read=(\d+))?/.exec(explained);
  log(
    `phase 2: selection query: median ${ms(median(runs))}, min ${ms(Math.min(...runs))} over 20 runs ` +
      `(${buffers ? `${Number(buffers[1]) + Number(buffers[2] ?? 0)} buffers` : '?'}); without the index (sequential scan) ${ms(seq)}`,
  );

  // ---- the sweep
  const sweeper = context.get(ReminderSweepService);
  // Once the plans' report day (the 25th, 09:00 by default) has passed this month, the first sweep plans the
  // monthly-report reminders; timed apart, so that the sweep below is the delivery of what is due.
  const [monthly, monthlyMs] = await timed(() => sweeper.planMonthlyReports());
  log(`phase 2: monthly-report planning: ${monthly} reminders planned in ${ms(monthlyMs)}`);
  const [full, fullMs] = await timed(() => sweeper.sweep(workerId()));
  const after = await one<{ pending: number; wrong: number; sent: number }>(
    client,
    `SELECT count(*) FILTER (WHERE status = 'pending' AND due_at <= now())::int AS pending,
            count(*) FILTER (WHERE status = 'sent' AND attempts <> 1)::int AS wrong,
            count(*) FILTER (WHERE status = 'sent')::int AS sent
       FROM reminders WHERE plan_id = $1 OR kind = 'monthly_report'`,
    [plan.planId],
  );
  const describe = (r: SweepResult, t: number) =>
    `${ms(t)} (planned ${r.planned} monthly-report reminders, delivered ${fmt(r.delivered)}, cancelled ${r.cancelled})`;
  log(`phase 2: full sweep: ${describe(full, fullMs)}`);
  check(full.ran && after.pending === 0, `the sweep left nothing due (${after.pending} due and pending)`);
  check(
    after.wrong === 0 && full.delivered === due + monthly + full.planned,
    `each due reminder delivered once (${fmt(full.delivered)} = ${fmt(due)} overdue + ${monthly + full.planned} monthly)`,
  );
  const idle: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const [result, t] = await timed(() => sweeper.sweep(workerId()));
    if (result.delivered + result.planned > 0)
      throw new Error(`an idle sweep did work: ${describe(result, t)}`);
    idle.push(t);
  }
  log(`phase 2: idle sweep (nothing due): median ${ms(median(idle))} over 5`);

  record(
    'phase 2 data',
    `${fmt(sizes.open)} open tasks, ${fmt(sizes.reminders)} reminder rows, ${fmt(sizes.pending)} pending, ${fmt(sizes.due)} due (loaded in ${(loadMs / 1000).toFixed(0)} s)`,
  );
  record(
    'phase 2 selection query',
    `median ${ms(median(runs))} (index scan on reminders_pending_due_at_idx, ${buffers ? Number(buffers[1]) + Number(buffers[2] ?? 0) : '?'} buffers); seq scan would take ${ms(seq)}`,
  );
  record(
    'phase 2 monthly planning',
    monthly > 0
      ? `${monthly} monthly-report reminders (${fmt(opts.departments)} departments × 2 plans) planned in ${ms(monthlyMs)}`
      : `report day not passed this month: nothing planned (${ms(monthlyMs)})`,
  );
  record(
    'phase 2 full sweep',
    `${ms(fullMs)} to deliver the ${fmt(full.delivered)} due (${fmt(due)} overdue + ${monthly} monthly) → ` +
      `${fmt(Math.round(full.delivered / (fullMs / 1000)))}/s`,
  );
  record('phase 2 idle sweep', `median ${ms(median(idle))} over 5 sweeps with nothing due`);
}

// ------------------------------------------------------------------------------------------------ main

async function cleanup(): Promise<void> {
  await stopChildren().catch(() => undefined);
  if (app) {
    await app.close().catch(() => undefined);
    app = undefined;
  }
  if (loader) {
    await loader.end().catch(() => undefined);
    loader = undefined;
  }
  // Only this run's queues: keys under its own prefix.
  await deleteKeysWithPrefix(REDIS_URL, QUEUE_PREFIX);
  if (!opts.keep) {
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${opts.database}" WITH (FORCE)`));
    log(`dropped database ${opts.database}`);
  } else {
    log(`kept database ${opts.database} (${DATABASE_URL})`);
  }
}

const loadAtStart = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');

async function main(): Promise<void> {
  log(`database ${opts.database}, queue prefix ${QUEUE_PREFIX}`);
  await freshDatabase();
  loader = new Client({ connectionString: DATABASE_URL });
  await loader.connect();
  const fixture = await loadPeople(loader);
  log(
    `${fixture.departmentIds.length} departments, ${fmt(opts.departments * (PEOPLE.managers + PEOPLE.staff))} department users`,
  );

  app = await NestFactory.createApplicationContext(rootModule('worker'), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  for (let i = 1; i <= opts.workers; i += 1) await startWorkerProcess(i);
  // Every worker registered the periodic sweep at boot; phase 1 measures Bull alone, phase 2 calls the sweep.
  const queue = app.get<Queue>(getQueueToken(REMINDER_QUEUE));
  for (const job of await queue.getRepeatableJobs()) await queue.removeRepeatableByKey(job.key);

  if (opts.phase1) await phase1(loader, fixture, app);
  await stopChildren();
  if (opts.phase2) await phase2(loader, fixture, app);

  const pg = await one<{ v: string }>(loader, `SELECT current_setting('server_version') AS v`);
  const redis = new Redis(REDIS_URL);
  const info = await redis.info('server');
  redis.disconnect();
  const cpu = cpus();
  const command = `npm run bench:reminders -- ${process.argv.slice(2).join(' ')}`.trim();
  const rows: [string, string][] = [
    ['date', new Date().toISOString()],
    ['command', command],
    [
      'machine',
      `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${hostname()})`,
    ],
    ['os', `${type()} ${release()}`],
    [
      'load average',
      `${loadAtStart} at start, ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at end (1/5/15 min; other work on the machine)`,
    ],
    [
      'versions',
      `node ${process.version}, PostgreSQL ${pg.v}, Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'}`,
    ],
    ...summary,
    ['checks', failures === 0 ? 'all passed' : `${failures} FAILED`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${'='.repeat(100)}\nReminder benchmark\n${'-'.repeat(100)}`);
  for (const [k, value] of rows) console.log(`${k.padEnd(width)}  ${value}`);
  console.log('='.repeat(100));
  if (failures > 0) process.exitCode = 1;
}

process.once('SIGINT', () => {
  log('interrupted: cleaning up');
  void cleanup().finally(() => process.exit(130));
});

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup().catch((error: unknown) => console.error('cleanup failed:', error)));
