/**
 * API benchmark against the database's own floor, then the reminder path.
 *
 *   npm run bench -- --scale N [--duration 10] [--connections 10,50] [--seed 7] [--only list,red,…]
 *                    [--regenerate] [--drop-data] [--pool 10] [--json out.json] [--dump-sql sql.json]
 *                    [--skip-reminders]
 *                    [--reminder-tasks 1000·N] [--reminder-open 10000·N] [--reminder-due 10·N]
 *
 * 1. Data: reuses `worktracker_bench_s<N>` when it holds this scale and seed (scripts/bench-data.ts makes it).
 * 2. Builds the service into a private directory and starts `main.js --role=api` on a free port, with its own
 *    QUEUE_PREFIX, LOG_LEVEL=warn and the login and write rate limits raised (LOGIN_RATE_LIMIT,
 *    WRITE_RATE_LIMIT), so that the benchmark measures the work, not the limiter.
 * 3. The floor: the same requests sent once to an in-process instance of the app while every query its `pg`
 *    clients send is recorded; the floor replays exactly those statements (text and parameters, new ids
 *    made fresh for writes), request by request, with as many PostgreSQL connections as the API gets HTTP
 *    connections. The ratio API / floor is then what Node, Nest, JSON and HTTP add to the database's work.
 * 4. For each endpoint: a warm-up, then autocannon at each connection count, then the floor; one table.
 * 5. The reminder path: scripts/bench-reminders.ts with counts scaled to N, its summary printed.
 */
import 'reflect-metadata';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { deleteKeysWithPrefix } from '../src/common/redis/delete-prefix';
import {
  BENCH_PASSWORD,
  benchDatabaseName,
  checkBenchDatabaseName,
  existingBenchData,
  generateBenchData,
  SERVER_URL,
} from './bench-data';

const ROOT = join(__dirname, '..');
// A private build (with a link to the project's node_modules): a concurrent `npm run build` cannot pull
// dist/ from under the running service.
const BUILD_DIR = join(tmpdir(), `worktracker-bench-${process.pid}`);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const OPEN_STATUSES = 'assigned,accepted,in_progress,submitted,returned';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '7' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10,50' },
    only: { type: 'string' },
    pool: { type: 'string', default: '10' },
    regenerate: { type: 'boolean', default: false },
    json: { type: 'string' },
    'skip-reminders': { type: 'boolean', default: false },
    'dump-sql': { type: 'string' },
    'drop-data': { type: 'boolean', default: false },
    'reminder-tasks': { type: 'string' },
    'reminder-open': { type: 'string' },
    'reminder-due': { type: 'string' },
  },
  strict: true,
});

const scale = Number(args.scale);
const seed = Number(args.seed);
const duration = Number(args.duration);
const connectionCounts = (args.connections ?? '10,50').split(',').map(Number);
const pool = Number(args.pool);
if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale must be a positive integer');
if (!(duration > 0)) throw new Error('--duration must be a positive number of seconds');
if (connectionCounts.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('--connections: e.g. 10,50');
const database = benchDatabaseName(scale);
checkBenchDatabaseName(database);
const DATABASE_URL = `${SERVER_URL}/${database}`;
const QUEUE_PREFIX = `bench-api-${process.pid}`;
const JWT_SECRET = `bench-${randomUUID()}`;

// The environment as given, before the in-process capture sets the service's own (LOG_LEVEL=warn, …).
const GIVEN_ENV = { ...process.env };
const started = Date.now();
const log = (line: string): void =>
  console.error(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

// ------------------------------------------------------------------------------------------------ the service

function serviceEnv(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL,
    DATABASE_POOL_SIZE: String(pool),
    REDIS_URL,
    QUEUE_PREFIX,
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000000',
    WRITE_RATE_LIMIT: '1000000',
    SMTP_URL: '',
    NO_COLOR: '1',
  };
}

async function build(): Promise<void> {
  log(`building the service into ${BUILD_DIR} …`);
  mkdirSync(BUILD_DIR, { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(BUILD_DIR, 'node_modules'), 'dir');
  try {
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    // tsc emits even with type errors; a run that fails to boot says so below.
    const out = (error as { stdout?: string }).stdout ?? String(error);
    log(
      `tsc reported errors (the emitted JavaScript is used anyway):\n${out.split('\n').slice(0, 5).join('\n')}`,
    );
  }
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

let api: ChildProcess | undefined;

async function startApi(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(BUILD_DIR, 'src/main.js'), '--role=api'], {
    cwd: ROOT,
    env: serviceEnv(port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api = child;
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // Ready when /health answers 200 (its start-up line is logged at info, below LOG_LEVEL=warn).
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the API did not start in 120 s:\n${output}`);
    const status = await fetch(`${base}/health`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) break;
    await sleep(200);
  }
  // Keep draining its output so that a full pipe never blocks it; show what looks like trouble.
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n'))
      if (/error|ERROR|"level":50/.test(line)) log(`  [api] ${line.slice(0, 300)}`);
  };
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  log(`API process ${child.pid} on port ${port} (pool ${pool})`);
  return base;
}

async function stopApi(): Promise<void> {
  const child = api;
  api = undefined;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

// ------------------------------------------------------------------------------------------------ scenarios

interface Variant {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: unknown;
}

interface Scenario {
  key: string;
  label: string;
  variants: Variant[];
}

interface Fixture {
  planId: string;
  deptStaff: string;
  officeUser: string;
  detailTaskIds: string[];
  reporters: { username: string; taskId: string; percent: number }[];
  loginUsers: string[];
}

async function pickFixture(client: Client): Promise<Fixture> {
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => {
    const { rows } = await client.query(sql, params);
    if (!rows[0]) throw new Error(`bench data lacks: ${sql}`);
    return rows[0] as T;
  };
  // The first county's current plan.
  const plan = await one<{ id: string; code_prefix: string }>(
    `SELECT p.id, 'C01-' AS code_prefix FROM plans p WHERE p.status = 'active' AND p.title LIKE '第1县%' LIMIT 1`,
  );
  // The busiest department of that county: the most open tasks, as lead or co-organizer, over all years.
  const dept = await one<{ code: string }>(
    `SELECT d.code FROM departments d
       JOIN LATERAL (SELECT count(*) AS n FROM tasks t
                      WHERE t.status IN ('assigned', 'accepted', 'in_progress', 'submitted', 'returned')
                        AND (t.lead_department_id = d.id
                             OR EXISTS (SELECT 1 FROM task_co_departments c WHERE c.task_id = t.id AND c.department_id = d.id))) o ON true
      WHERE d.code LIKE 'C01-%' ORDER BY o.n DESC, d.code LIMIT 1`,
  );
  const { rows: detail } = await client.query<{ id: string }>(
    `SELECT t.id FROM tasks t WHERE t.plan_id = $1 AND t.status <> 'draft' ORDER BY t.code LIMIT 20`,
    [plan.id],
  );
  // Reporters: one in-progress task per department, the lead's staff posting (distinct tasks: no lock queue).
  const { rows: reporters } = await client.query<{ username: string; task_id: string; progress: number }>(
    `SELECT DISTINCT ON (t.lead_department_id) d.code || '-staff' AS username, t.id AS task_id, t.progress
       FROM tasks t JOIN departments d ON d.id = t.lead_department_id
      WHERE t.status = 'in_progress'
      ORDER BY t.lead_department_id, t.code LIMIT 30`,
  );
  const { rows: logins } = await client.query<{ username: string }>(
    `SELECT username FROM users WHERE role = 'dept_staff' ORDER BY username LIMIT 30`,
  );
  return {
    planId: plan.id,
    deptStaff: `${dept.code}-staff`,
    officeUser: 'bench-office-1',
    detailTaskIds: detail.map((r) => r.id),
    reporters: reporters.map((r) => ({ username: r.username, taskId: r.task_id, percent: r.progress })),
    loginUsers: logins.map((r) => r.username),
  };
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function scenarios(base: string, f: Fixture): Promise<Scenario[]> {
  const dept = await login(base, f.deptStaff);
  const office = await login(base, f.officeUser);
  const reporterTokens = new Map<string, string>();
  for (const r of f.reporters) reporterTokens.set(r.username, await login(base, r.username));
  const all: Scenario[] = [
    {
      key: 'list',
      label: `department's open tasks (25, ${f.deptStaff})`,
      variants: [{ method: 'GET', path: `/api/v1/tasks?status=${OPEN_STATUSES}&pageSize=25`, token: dept }],
    },
    {
      key: 'red',
      label: 'red list of a plan (25, office)',
      variants: [
        { method: 'GET', path: `/api/v1/tasks?planId=${f.planId}&light=red&pageSize=25`, token: office },
      ],
    },
    {
      key: 'detail',
      label: `one task with its history (${f.detailTaskIds.length} rotating)`,
      variants: f.detailTaskIds.map((id) => ({ method: 'GET', path: `/api/v1/tasks/${id}`, token: office })),
    },
    {
      key: 'tree',
      label: 'plan tree with roll-ups (office)',
      variants: [{ method: 'GET', path: `/api/v1/plans/${f.planId}/tree`, token: office }],
    },
    {
      key: 'ranking',
      label: 'department ranking (office)',
      variants: [{ method: 'GET', path: `/api/v1/dashboard/departments?planId=${f.planId}`, token: office }],
    },
    {
      key: 'report',
      label: `post a progress report (${f.reporters.length} tasks rotating)`,
      variants: f.reporters.map((r) => ({
        method: 'POST',
        path: `/api/v1/tasks/${r.taskId}/progress-reports`,
        token: reporterTokens.get(r.username),
        body: { percent: r.percent, summary: '压测进展：按计划推进。' },
      })),
    },
    {
      key: 'login',
      label: `login (argon2id, ${f.loginUsers.length} users rotating)`,
      variants: f.loginUsers.map((username) => ({
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { username, password: BENCH_PASSWORD },
      })),
    },
  ];
  const only = args.only?.split(',');
  return only ? all.filter((s) => only.includes(s.key)) : all;
}

function send(base: string, v: Variant): Promise<Response> {
  return fetch(`${base}${v.path}`, {
    method: v.method,
    headers: {
      ...(v.token ? { authorization: `Bearer ${v.token}` } : {}),
      ...(v.body ? { 'content-type': 'application/json' } : {}),
    },
    body: v.body ? JSON.stringify(v.body) : undefined,
  });
}

// ------------------------------------------------------------------------------------------------ the floor

interface Statement {
  text: string;
  values: unknown[] | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sends each scenario's requests once to an in-process instance of the app and records the statements its
 * PostgreSQL clients send meanwhile: the SQL each endpoint issues, in order.
 */
async function captureStatements(list: Scenario[]): Promise<Map<string, Statement[][]>> {
  const pg = await import('pg');
  let recording: Statement[] | undefined;
  type Query = (this: Client, ...callArgs: unknown[]) => unknown;
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  proto.query = function (this: Client, ...callArgs: unknown[]) {
    const [first, second] = callArgs;
    if (recording) {
      if (typeof first === 'string') recording.push({ text: first, values: second as unknown[] | undefined });
      else if (first && typeof first === 'object' && 'text' in first)
        recording.push({
          text: (first as { text: string }).text,
          values: (first as { values?: unknown[] }).values,
        });
    }
    return original.apply(this, callArgs);
  };
  Object.assign(process.env, { ...serviceEnv(3000), NODE_ENV: 'development' });
  const { NestFactory } = await import('@nestjs/core');
  const { rootModule } = await import('../src/app.module');
  const { configureApp } = await import('../src/app.setup');
  const app = await NestFactory.create(rootModule('api'), {
    bodyParser: false,
    logger: ['error'],
    abortOnError: false,
  });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const captured = new Map<string, Statement[][]>();
  try {
    for (const s of list) {
      const sequences: Statement[][] = [];
      for (const v of s.variants) {
        recording = [];
        const res = await send(base, v);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${s.key}: ${v.method} ${v.path} answered ${res.status} in-process`);
        await sleep(20);
        sequences.push(recording);
        recording = undefined;
      }
      captured.set(s.key, sequences);
    }
  } finally {
    recording = undefined;
    await app.close();
    proto.query = original;
  }
  return captured;
}

/** What a write invents and must be unique: ids (UUIDs) and token hashes (64 hex digits). */
function invention(value: unknown): (() => string) | undefined {
  if (typeof value !== 'string') return undefined;
  if (UUID.test(value)) return randomUUID;
  if (/^[0-9a-f]{64}$/.test(value)) return () => randomBytes(32).toString('hex');
  return undefined;
}

/**
 * Fresh values for what a write invents (first seen in an INSERT): a new mapping for each replay, used
 * consistently across that replay's statements.
 */
function freshIds(sequence: Statement[]): () => (values: unknown[] | undefined) => unknown[] | undefined {
  const invented = new Map<string, () => string>();
  const seen = new Set<unknown>();
  sequence.forEach((st) => {
    for (const v of st.values ?? []) {
      const make = invention(v);
      if (make && !seen.has(v) && /^\s*INSERT/i.test(st.text)) invented.set(v as string, make);
      seen.add(v);
    }
  });
  return () => {
    const map = new Map<string, string>();
    return (values) =>
      invented.size === 0
        ? values
        : values?.map((v) => {
            const make = typeof v === 'string' ? invented.get(v) : undefined;
            if (!make) return v;
            let fresh = map.get(v as string);
            if (!fresh) map.set(v as string, (fresh = make()));
            return fresh;
          });
  };
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  count: number;
  failed: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summarise(latencies: number[], failed: number, seconds: number): Measured {
  const sorted = latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    count: latencies.length,
    failed,
  };
}

async function floor(sequences: Statement[][], connections: number, seconds: number): Promise<Measured> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new Client({ connectionString: DATABASE_URL });
      await c.connect();
      return c;
    }),
  );
  const replays = sequences.map((seq) => ({ seq, ids: freshIds(seq) }));
  const latencies: number[] = [];
  let failed = 0;
  let turn = 0;
  const until = Date.now() + seconds * 1000;
  const t0 = Date.now();
  await Promise.all(
    clients.map(async (c) => {
      while (Date.now() < until) {
        const { seq, ids } = replays[turn++ % replays.length];
        const fresh = ids();
        const start = process.hrtime.bigint();
        try {
          for (const st of seq) await c.query(st.text, fresh(st.values));
          latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
        } catch (error) {
          failed += 1;
          if (failed === 1) log(`  floor: first failure: ${(error as Error).message}`);
          await c.query('ROLLBACK').catch(() => undefined);
        }
      }
    }),
  );
  const elapsed = (Date.now() - t0) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  return summarise(latencies, failed, elapsed);
}

// ------------------------------------------------------------------------------------------------ the API

async function load(base: string, s: Scenario, connections: number, seconds: number): Promise<Measured> {
  let turn = 0;
  const latencies: number[] = [];
  let failed = 0;
  const t0 = Date.now();
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          const v = s.variants[turn++ % s.variants.length];
          return {
            ...req,
            method: v.method,
            path: v.path,
            headers: {
              ...(v.token ? { authorization: `Bearer ${v.token}` } : {}),
              ...(v.body ? { 'content-type': 'application/json' } : {}),
              'accept-encoding': 'gzip',
            },
            body: v.body ? JSON.stringify(v.body) : undefined,
          };
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else failed += 1;
  });
  const result = await instance;
  failed += result.errors + result.timeouts;
  return summarise(latencies, failed, (Date.now() - t0) / 1000);
}

// ------------------------------------------------------------------------------------------------ reminders

async function reminderBench(): Promise<string[]> {
  const tasks = args['reminder-tasks'] ?? String(1000 * scale);
  const open = args['reminder-open'] ?? String(10_000 * scale);
  const due = args['reminder-due'] ?? String(10 * scale);
  const argv = [
    '--tasks',
    tasks,
    '--open',
    open,
    '--due',
    due,
    '--database',
    `worktracker_bench_reminders_s${scale}`,
    // Also times delivery alone, after planning (the end-to-end figure includes planning).
    '--plan-first',
  ];
  log(`reminder path: npm run bench:reminders -- ${argv.join(' ')}`);
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'scripts/bench-reminders.ts', ...argv],
    {
      cwd: ROOT,
      env: { ...GIVEN_ENV, TS_NODE_TRANSPILE_ONLY: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const line of chunk.toString().split('\n')) if (/^\[|FAIL/.test(line)) console.error(`  ${line}`);
  });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  const block = out.split('\nReminder benchmark\n')[1] ?? '';
  const lines = block.split('\n').filter((l) => /^(phase|checks)/.test(l));
  if (code !== 0) lines.push(`bench:reminders exited with ${code}`);
  return lines;
}

// ------------------------------------------------------------------------------------------------ main

async function dropData(): Promise<void> {
  const admin = new Client({ connectionString: `${SERVER_URL}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    log(`dropped ${database}`);
  } finally {
    await admin.end();
  }
}

/** Only this run's queues: keys under its own prefix. */
async function clearQueues(): Promise<void> {
  await deleteKeysWithPrefix(REDIS_URL, QUEUE_PREFIX);
}

const fmtMs = (n: number) => (Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(0));
const ratio = (api: number, base: number) =>
  Number.isFinite(api / base) ? `${(api / base).toFixed(1)}×` : '—';
const fmtRps = (n: number) => (n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US'));

async function main(): Promise<void> {
  const loadStart = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  let info = args.regenerate ? null : await existingBenchData(database, scale, seed);
  if (info) log(`reusing ${database} (scale ${scale}, seed ${seed}, generated ${info.generatedAt})`);
  else {
    log(`generating ${database} (scale ${scale}, seed ${seed}) …`);
    info = await generateBenchData({ scale, seed, database, force: true }, log);
  }
  await build();
  const base = await startApi();
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  const fixture = await pickFixture(client);
  await client.end();
  const list = await scenarios(base, fixture);
  log('recording the SQL each endpoint issues (in-process) …');
  const statements = await captureStatements(list);
  if (args['dump-sql'])
    writeFileSync(args['dump-sql'], JSON.stringify(Object.fromEntries(statements), null, 2));
  for (const s of list) {
    const seqs = statements.get(s.key) ?? [];
    log(`  ${s.key}: ${seqs[0]?.length ?? 0} statements per request`);
  }

  interface Row {
    key: string;
    label: string;
    connections: number;
    api: Measured;
    floor: Measured;
    statements: number;
  }
  const rows: Row[] = [];
  const warm = Math.min(3, Math.max(1, duration / 3));
  for (const s of list) {
    log(`${s.key}: warm-up ${warm} s`);
    await load(base, s, 10, warm);
    const sequences = statements.get(s.key) ?? [];
    for (const connections of connectionCounts) {
      const apiResult = await load(base, s, connections, duration);
      const floorResult = await floor(sequences, connections, duration);
      rows.push({
        key: s.key,
        label: s.label,
        connections,
        api: apiResult,
        floor: floorResult,
        statements: sequences[0]?.length ?? 0,
      });
      log(
        `${s.key} @${connections}: API ${fmtRps(apiResult.rps)}/s p50 ${fmtMs(apiResult.p50)} p99 ${fmtMs(apiResult.p99)} ms` +
          ` (${apiResult.failed} failed); floor ${fmtRps(floorResult.rps)}/s p50 ${fmtMs(floorResult.p50)} p99 ${fmtMs(floorResult.p99)} ms`,
      );
    }
  }
  await stopApi();

  const reminderLines = args['skip-reminders'] ? [] : await reminderBench();

  const cpu = cpus();
  const header = [
    `API benchmark, scale ${scale} (${Object.entries(info.counts)
      .filter(([k]) => ['departments', 'tasks', 'progress_reports', 'plans', 'users'].includes(k))
      .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
      .join(', ')})`,
    `${new Date().toISOString()}; ${cpu[0]?.model ?? 'CPU'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${type()} ${release()}, node ${process.version}`,
    `load average ${loadStart} at start, ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at end; ${duration} s per measurement; API pool ${pool}`,
  ];
  const table = [
    '| endpoint | conns | API req/s | API p50 ms | API p99 ms | failed (API/floor) | floor req/s | floor p50 ms | floor p99 ms | SQL stmts | API/floor p50 | API/floor p99 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.connections} | ${fmtRps(r.api.rps)} | ${fmtMs(r.api.p50)} | ${fmtMs(r.api.p99)} | ${r.api.failed}/${r.floor.failed} | ` +
        `${fmtRps(r.floor.rps)} | ${fmtMs(r.floor.p50)} | ${fmtMs(r.floor.p99)} | ${r.statements} | ` +
        `${ratio(r.api.p50, r.floor.p50)} | ${ratio(r.api.p99, r.floor.p99)} |`,
    ),
  ];
  console.log(`\n${header.join('\n')}\n\n${table.join('\n')}\n`);
  if (reminderLines.length)
    console.log(`Reminder path\n\n${reminderLines.map((l) => `    ${l}`).join('\n')}\n`);
  if (args.json) {
    writeFileSync(args.json, JSON.stringify({ header, rows, reminders: reminderLines, info }, null, 2));
    log(`wrote ${args.json}`);
  }
  const failedTotal = rows.reduce((sum, r) => sum + r.api.failed, 0);
  if (failedTotal > 0) log(`${failedTotal} API requests failed (see the table)`);
}

// Whatever happens, the service started here does not outlive the benchmark.
process.once('exit', () => api?.kill('SIGKILL'));
process.once('SIGINT', () => {
  void stopApi().finally(() => process.exit(130));
});

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() =>
    stopApi().finally(() => {
      rmSync(BUILD_DIR, { recursive: true, force: true });
      return clearQueues().then(() => (args['drop-data'] ? dropData() : undefined));
    }),
  );
