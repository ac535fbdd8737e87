/**
 * Benchmark data: a district (--scale 1) or a region (--scale 100), deterministic from a seed.
 *
 *   npm run bench:data -- --scale N [--seed 7] [--database worktracker_bench_s<N>] [--force]
 *
 * Scale N: 100·N departments in max(1, round(0.74·N)) county trees (each county: its leading group office at
 * the root, bureaus and streets under it, communities under the streets), 1,000·N tasks, 10,000·N progress
 * reports, and for every county one plan per year over 3 years (two closed, the current one active), each
 * with 5 responsibilities, 12 targets and 6 action items. Closed years are mostly completed; the current year
 * spreads over every state, with lights of every colour. Users: a manager and a staff member per department,
 * an office user and a leader per county, all with the password BENCH_PASSWORD (hashed once with argon2).
 *
 * Loads with COPY into a database of its own, created and migrated with the project's migrations; a progress
 * bar goes to stderr. The database's comment records scale and seed, so that `npm run bench` reuses it.
 */
import 'reflect-metadata';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { prepareDatabase } from '../src/database/prepare-database';
import { DEFAULT_POLICY } from '../src/modules/plans/plan-policy';

export const BENCH_PASSWORD = 'bench-password-1';
export const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DATA_VERSION = 1;
const DAY = 86_400_000;

export interface BenchDataOptions {
  scale: number;
  seed: number;
  database: string;
  force: boolean;
  /** "Now" for the data: deadlines and report dates are placed around it. */
  now?: Date;
}

export interface BenchDataInfo {
  scale: number;
  seed: number;
  version: number;
  generatedAt: string;
  counts: Record<string, number>;
}

export function benchDatabaseName(scale: number): string {
  return `worktracker_bench_s${scale}`;
}

// ------------------------------------------------------------------------------------------ randomness

/** mulberry32: small, fast and deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p & 0xffff), 0x01000193);
    h = Math.imul(h ^ (p >>> 16), 0x01000193);
  }
  return h >>> 0;
}

/** A version-4-shaped UUID drawn from the generator: the same seed gives the same ids. */
function uuidFrom(next: () => number): string {
  const hex = () =>
    Math.floor(next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  const s = hex() + hex() + hex() + hex();
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${'89ab'[parseInt(s[16], 16) & 3]}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

// ------------------------------------------------------------------------------------------ COPY

type Cell = string | number | boolean | Date | null | undefined | object;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return escapeCopy(JSON.stringify(value));
  if (typeof value === 'string') return escapeCopy(value);
  return String(value);
}

function escapeCopy(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

class Progress {
  private done = 0;
  private lastDraw = 0;
  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  add(n: number, label: string): void {
    this.done += n;
    const now = Date.now();
    if (!this.enabled || (now - this.lastDraw < 200 && this.done < this.total)) return;
    this.lastDraw = now;
    const ratio = Math.min(1, this.done / this.total);
    const width = 30;
    const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
    process.stderr.write(
      `\r${bar} ${(ratio * 100).toFixed(0).padStart(3)}%  ${label.padEnd(20)} ${this.done.toLocaleString('en-US')} / ${this.total.toLocaleString('en-US')} rows  `,
    );
  }

  finish(): void {
    if (this.enabled) process.stderr.write('\n');
  }
}

async function copyRows(
  client: Client,
  table: string,
  columns: string[],
  rows: Iterable<Cell[]>,
  progress: Progress,
): Promise<number> {
  const stream = client.query(
    copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`),
  ) as Writable;
  let count = 0;
  async function* lines(): AsyncGenerator<string> {
    let buffer = '';
    let inBuffer = 0;
    for (const row of rows) {
      buffer += row.map(cell).join('\t') + '\n';
      inBuffer += 1;
      if (inBuffer === 2000) {
        count += inBuffer;
        progress.add(inBuffer, table);
        yield buffer;
        buffer = '';
        inBuffer = 0;
      }
    }
    if (inBuffer) {
      count += inBuffer;
      progress.add(inBuffer, table);
      yield buffer;
    }
  }
  await pipeline(lines(), stream);
  return count;
}

// ------------------------------------------------------------------------------------------ the model

const KINDS_UNDER_ROOT = ['party_organ', 'government', 'government', 'government', 'judicial', 'mass_org'];
const BUREAUS = [
  '司法局',
  '市场监管局',
  '城管局',
  '人社局',
  '自然资源局',
  '文旅局',
  '住建局',
  '民政局',
  '行审局',
  '生态环境局',
];
const RESPONSIBILITIES = [
  '依法全面履行政府职能',
  '完善依法行政制度体系、推进依法科学民主决策',
  '严格规范公正文明执法',
  '强化权力制约监督、依法化解矛盾纠纷',
  '提高工作人员法治思维和依法办事能力',
];
/** Targets per responsibility, as in the 2021 report (3, 3, 2, 3, 1 = 12). */
const TARGETS_PER_RESPONSIBILITY = [3, 3, 2, 3, 1];
const VERBS = ['推进', '落实', '完善', '开展', '加强', '深化', '规范', '组织'];
const OBJECTS = [
  '权责清单动态调整',
  '政务服务"一网通办"',
  '行政执法"三项制度"',
  '合法性审查',
  '以案释法',
  '矛盾纠纷排查化解',
  '普法宣传进社区',
  '行政复议应诉',
  '规范性文件备案',
  '执法人员培训',
];

interface Dept {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  county: number;
}

interface PlanRow {
  id: string;
  county: number;
  year: number;
  status: 'active' | 'closed';
  targetIds: string[];
  actionItemIds: string[];
}

interface TaskRow {
  id: string;
  planId: string;
  targetId: string | null;
  actionItemId: string | null;
  code: string;
  title: string;
  status: string;
  lead: string;
  co: string[];
  startAt: Date;
  dueAt: Date;
  progress: number;
  returnCount: number;
  assignedAt: Date | null;
  acceptedAt: Date | null;
  submittedAt: Date | null;
  completedAt: Date | null;
  reports: number;
  index: number;
}

/** The status of a task of the current year: every state, weighted as a live plan looks. */
const CURRENT_STATUSES: [string, number][] = [
  ['draft', 0.03],
  ['assigned', 0.1],
  ['accepted', 0.12],
  ['in_progress', 0.45],
  ['submitted', 0.1],
  ['returned', 0.05],
  ['completed', 0.13],
  ['cancelled', 0.02],
];
const PAST_STATUSES: [string, number][] = [
  ['completed', 0.86],
  ['in_progress', 0.06],
  ['submitted', 0.02],
  ['returned', 0.02],
  ['cancelled', 0.04],
];

function weighted(next: () => number, table: [string, number][]): string {
  let r = next();
  for (const [value, w] of table) {
    r -= w;
    if (r <= 0) return value;
  }
  return table[table.length - 1][0];
}

export async function generateBenchData(
  options: BenchDataOptions,
  log: (line: string) => void = (line) => console.error(line),
): Promise<BenchDataInfo> {
  const { scale, seed, database } = options;
  const now = options.now ?? new Date();
  const currentYear = now.getUTCFullYear();
  const years = [currentYear - 2, currentYear - 1, currentYear];
  const counties = Math.max(1, Math.round(0.74 * scale));
  const departmentCount = 100 * scale;
  const taskCount = 1000 * scale;
  const reportCount = 10_000 * scale;
  const next = rng(seed);

  const admin = new Client({ connectionString: `${SERVER_URL}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const databaseUrl = `${SERVER_URL}/${database}`;
  await prepareDatabase({ databaseUrl, databasePoolSize: 2 }, log);

  // ---- departments: county roots, then bureaus and streets under them, then communities under the streets
  const depts: Dept[] = [];
  const perCounty: Dept[][] = Array.from({ length: counties }, () => []);
  for (let c = 0; c < counties; c += 1) {
    const root: Dept = {
      id: uuidFrom(next),
      code: `C${String(c + 1).padStart(2, '0')}-000`,
      name: `第${c + 1}县（区）法治建设领导小组办公室`,
      kind: 'leading_group',
      parentId: null,
      county: c,
    };
    depts.push(root);
    perCounty[c].push(root);
  }
  for (let i = counties; i < departmentCount; i += 1) {
    const c = i % counties;
    const siblings = perCounty[c];
    const n = siblings.length;
    const streets = siblings.filter((d) => d.kind === 'street');
    let kind: string;
    let parentId: string;
    let name: string;
    if (n % 5 === 4 && streets.length > 0) {
      kind = 'community';
      const street = pick(next, streets);
      parentId = street.id;
      name = `${street.name}第${n}社区`;
    } else if (n % 5 === 3) {
      kind = 'street';
      parentId = siblings[0].id;
      name = `第${c + 1}县第${n}街道`;
    } else {
      kind = pick(next, KINDS_UNDER_ROOT);
      parentId = siblings[0].id;
      name = `第${c + 1}县${pick(next, BUREAUS)}${n}`;
    }
    const dept: Dept = {
      id: uuidFrom(next),
      code: `C${String(c + 1).padStart(2, '0')}-${String(n).padStart(3, '0')}`,
      name,
      kind,
      parentId,
      county: c,
    };
    depts.push(dept);
    siblings.push(dept);
  }

  // ---- users: one hash for all
  const passwordHash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
  const users: Cell[][] = [];
  const staffOf = new Map<string, string>();
  const officeOf: string[] = [];
  users.push([uuidFrom(next), 'bench-admin', '压测管理员', passwordHash, 'admin', null]);
  for (let c = 0; c < counties; c += 1) {
    const office = uuidFrom(next);
    officeOf.push(office);
    users.push([office, `bench-office-${c + 1}`, `第${c + 1}县督查室`, passwordHash, 'office', null]);
    users.push([uuidFrom(next), `bench-leader-${c + 1}`, `第${c + 1}县领导`, passwordHash, 'leader', null]);
  }
  for (const d of depts) {
    users.push([uuidFrom(next), `${d.code}-manager`, `${d.name}负责人`, passwordHash, 'dept_manager', d.id]);
    const staff = uuidFrom(next);
    staffOf.set(d.id, staff);
    users.push([staff, `${d.code}-staff`, `${d.name}联络员`, passwordHash, 'dept_staff', d.id]);
  }

  // ---- plans and their structure
  const plans: PlanRow[] = [];
  const responsibilities: Cell[][] = [];
  const targets: Cell[][] = [];
  const actionItems: Cell[][] = [];
  for (let c = 0; c < counties; c += 1) {
    for (const year of years) {
      const plan: PlanRow = {
        id: uuidFrom(next),
        county: c,
        year,
        status: year === currentYear ? 'active' : 'closed',
        targetIds: [],
        actionItemIds: [],
      };
      plans.push(plan);
      let t = 0;
      RESPONSIBILITIES.forEach((title, r) => {
        const rid = uuidFrom(next);
        responsibilities.push([rid, plan.id, `R${r + 1}`, title]);
        for (let k = 0; k < TARGETS_PER_RESPONSIBILITY[r]; k += 1) {
          t += 1;
          const tid = uuidFrom(next);
          plan.targetIds.push(tid);
          targets.push([tid, plan.id, rid, `T${String(t).padStart(2, '0')}`, `${title}（目标${t}）`]);
        }
      });
      for (let a = 1; a <= 6; a += 1) {
        const aid = uuidFrom(next);
        plan.actionItemIds.push(aid);
        actionItems.push([aid, plan.id, `A${a}`, `下步工作安排${a}`]);
      }
    }
  }

  // ---- tasks, spread evenly over the plans
  const tasks: TaskRow[] = [];
  const perPlan = new Map<string, number>();
  const reportsPerTaskMean = reportCount / taskCount;
  let reportsLeft = reportCount;
  for (let i = 0; i < taskCount; i += 1) {
    const plan = plans[i % plans.length];
    const r = rng(mix(seed, i, 1));
    const own = perCounty[plan.county];
    const pool = own.length > 1 ? own.slice(1) : own;
    const lead = pick(r, pool).id;
    const co: string[] = [];
    const coCount = Math.floor(r() * 3);
    for (let k = 0; k < coCount; k += 1) {
      const d = pick(r, pool).id;
      if (d !== lead && !co.includes(d)) co.push(d);
    }
    const number = (perPlan.get(plan.id) ?? 0) + 1;
    perPlan.set(plan.id, number);
    const yearStart = Date.UTC(plan.year, 0, 1);
    const startAt = new Date(yearStart + Math.floor(r() * 150) * DAY + Math.floor(r() * 86_400) * 1000);
    let status = plan.status === 'active' ? weighted(r, CURRENT_STATUSES) : weighted(r, PAST_STATUSES);
    // The current year's deadlines: spread from a few weeks ago to the end of next year's first quarter.
    const dueAt =
      plan.status === 'active'
        ? new Date(now.getTime() + (-40 + Math.floor(r() * 160)) * DAY + Math.floor(r() * 86_400) * 1000)
        : new Date(startAt.getTime() + (60 + Math.floor(r() * 240)) * DAY);
    if (dueAt.getTime() <= startAt.getTime() + DAY) status = 'draft';
    const assignedAt = status === 'draft' ? null : new Date(startAt.getTime() + DAY);
    const acceptedAt =
      status === 'draft' || status === 'assigned' || (status === 'cancelled' && r() < 0.5)
        ? null
        : new Date(startAt.getTime() + 2 * DAY);
    const span = dueAt.getTime() - startAt.getTime();
    const elapsed = Math.max(0, Math.min(1, (now.getTime() - startAt.getTime()) / span));
    let progress = 0;
    let completedAt: Date | null = null;
    let submittedAt: Date | null = null;
    if (status === 'completed') {
      progress = 100;
      // Most on time; some late.
      completedAt = new Date(dueAt.getTime() + (r() < 0.8 ? -1 : 1) * Math.floor(r() * 20 + 1) * DAY);
      if (completedAt.getTime() > now.getTime()) completedAt = new Date(now.getTime() - DAY);
      if (completedAt.getTime() <= startAt.getTime()) completedAt = new Date(startAt.getTime() + 3 * DAY);
      submittedAt = new Date(completedAt.getTime() - DAY);
    } else if (status === 'submitted') {
      progress = 100;
      submittedAt = new Date(Math.min(now.getTime(), dueAt.getTime()) - DAY);
    } else if (status === 'in_progress' || status === 'returned') {
      // Around the expected progress: some behind (yellow, red), most on track.
      progress = Math.max(1, Math.min(99, Math.round(elapsed * 100 + (r() - 0.65) * 60)));
    } else if (status === 'cancelled') {
      progress = Math.floor(r() * 50);
    }
    const reporting = ['in_progress', 'submitted', 'returned', 'completed'].includes(status);
    let reports = 0;
    if (reporting && reportsLeft > 0) {
      reports = Math.max(1, Math.round(reportsPerTaskMean * (0.4 + r() * 1.2) * 1.15));
      reports = Math.min(reports, reportsLeft);
      reportsLeft -= reports;
    }
    tasks.push({
      id: uuidFrom(r),
      planId: plan.id,
      targetId: number % 5 === 0 ? null : plan.targetIds[number % plan.targetIds.length],
      actionItemId: number % 5 === 0 ? plan.actionItemIds[number % plan.actionItemIds.length] : null,
      code: `T${String(number).padStart(4, '0')}`,
      title: `${pick(r, VERBS)}${pick(r, OBJECTS)}（第${number}项）`,
      status,
      lead,
      co,
      startAt,
      dueAt,
      progress,
      returnCount: status === 'returned' ? 1 : status === 'completed' && r() < 0.1 ? 1 : 0,
      assignedAt,
      acceptedAt,
      submittedAt,
      completedAt,
      reports,
      index: i,
    });
  }
  // Whatever the spread left over goes to the reporting tasks, one each, round-robin.
  const reporting = tasks.filter((t) => t.reports > 0);
  for (let k = 0; reportsLeft > 0 && reporting.length > 0; k += 1, reportsLeft -= 1) {
    reporting[k % reporting.length].reports += 1;
  }

  const totalReports = tasks.reduce((sum, t) => sum + t.reports, 0);
  const eventsEstimate = tasks.length * 4 + totalReports;
  const progress = new Progress(
    depts.length +
      users.length +
      plans.length +
      responsibilities.length +
      targets.length +
      actionItems.length +
      tasks.length * 2 +
      totalReports +
      eventsEstimate,
    process.stderr.isTTY || process.env.BENCH_PROGRESS === '1',
  );

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    // A bulk load of rows consistent by construction: no per-row foreign-key triggers.
    await client.query(`SET synchronous_commit = off; SET session_replication_role = replica`);
    await client.query('BEGIN');
    counts.departments = await copyRows(
      client,
      'departments',
      ['id', 'code', 'name', 'kind', 'parent_id'],
      depts.map((d) => [d.id, d.code, d.name, d.kind, d.parentId]),
      progress,
    );
    counts.users = await copyRows(
      client,
      'users',
      ['id', 'username', 'display_name', 'password_hash', 'role', 'department_id'],
      users,
      progress,
    );
    counts.plans = await copyRows(
      client,
      'plans',
      ['id', 'title', 'year', 'status', 'time_zone', 'policy'],
      plans.map((p) => [
        p.id,
        `第${p.county + 1}县（区）${p.year}年法治政府建设工作要点`,
        p.year,
        p.status,
        'Asia/Shanghai',
        DEFAULT_POLICY,
      ]),
      progress,
    );
    counts.responsibilities = await copyRows(
      client,
      'responsibilities',
      ['id', 'plan_id', 'code', 'title'],
      responsibilities,
      progress,
    );
    counts.targets = await copyRows(
      client,
      'targets',
      ['id', 'plan_id', 'responsibility_id', 'code', 'title'],
      targets,
      progress,
    );
    counts.action_items = await copyRows(
      client,
      'action_items',
      ['id', 'plan_id', 'code', 'title'],
      actionItems,
      progress,
    );
    counts.tasks = await copyRows(
      client,
      'tasks',
      [
        'id',
        'plan_id',
        'target_id',
        'action_item_id',
        'code',
        'title',
        'status',
        'lead_department_id',
        'start_at',
        'due_at',
        'original_due_at',
        'progress',
        'return_count',
        'assigned_at',
        'accepted_at',
        'submitted_at',
        'completed_at',
        'created_at',
        'updated_at',
      ],
      tasks.map((t) => [
        t.id,
        t.planId,
        t.targetId,
        t.actionItemId,
        t.code,
        t.title,
        t.status,
        t.lead,
        t.startAt,
        t.dueAt,
        t.dueAt,
        t.progress,
        t.returnCount,
        t.assignedAt,
        t.acceptedAt,
        t.submittedAt,
        t.completedAt,
        t.startAt,
        t.completedAt ?? t.submittedAt ?? t.acceptedAt ?? t.startAt,
      ]),
      progress,
    );
    counts.task_co_departments = await copyRows(
      client,
      'task_co_departments',
      ['task_id', 'department_id'],
      (function* () {
        for (const t of tasks) for (const d of t.co) yield [t.id, d];
      })(),
      progress,
    );
    progress.add(tasks.length - counts.task_co_departments, 'task_co_departments');

    const officeOfPlan = new Map(plans.map((p) => [p.id, officeOf[p.county]]));
    counts.progress_reports = await copyRows(
      client,
      'progress_reports',
      [
        'id',
        'task_id',
        'department_id',
        'author_id',
        'percent',
        'summary',
        'evidence',
        'review_status',
        'reviewed_by_id',
        'reviewed_at',
        'created_at',
      ],
      (function* () {
        for (const t of tasks) {
          if (t.reports === 0) continue;
          const r = rng(mix(seed, t.index, 2));
          const from = (t.acceptedAt ?? t.startAt).getTime();
          const until = Math.min(now.getTime(), (t.submittedAt ?? t.dueAt).getTime());
          const step = Math.max(1, (until - from) / (t.reports + 1));
          for (let k = 1; k <= t.reports; k += 1) {
            const at = new Date(from + step * k);
            const percent = k === t.reports ? t.progress : Math.round((t.progress * k) / t.reports);
            const department = k % 4 === 0 && t.co.length > 0 ? t.co[0] : t.lead;
            const reviewed = k < t.reports || t.status === 'completed';
            yield [
              uuidFrom(r),
              t.id,
              department,
              staffOf.get(department),
              percent,
              `第${k}次进展：已完成${percent}%，${pick(r, VERBS)}${pick(r, OBJECTS)}。`,
              [],
              reviewed ? 'accepted' : 'pending',
              reviewed ? officeOfPlan.get(t.planId) : null,
              reviewed ? new Date(at.getTime() + DAY / 2) : null,
              at,
            ];
          }
        }
      })(),
      progress,
    );

    counts.task_events = await copyRows(
      client,
      'task_events',
      ['id', 'task_id', 'type', 'actor_id', 'at', 'from_status', 'to_status', 'reason', 'data'],
      (function* () {
        for (const t of tasks) {
          const r = rng(mix(seed, t.index, 3));
          const office = officeOfPlan.get(t.planId);
          const manager = staffOf.get(t.lead);
          yield [uuidFrom(r), t.id, 'created', office, t.startAt, null, 'draft', null, null];
          if (t.assignedAt)
            yield [uuidFrom(r), t.id, 'transition', office, t.assignedAt, 'draft', 'assigned', null, null];
          if (t.acceptedAt)
            yield [
              uuidFrom(r),
              t.id,
              'transition',
              manager,
              t.acceptedAt,
              'assigned',
              'accepted',
              null,
              null,
            ];
          if (t.reports > 0) {
            const from = (t.acceptedAt ?? t.startAt).getTime();
            const until = Math.min(now.getTime(), (t.submittedAt ?? t.dueAt).getTime());
            const step = Math.max(1, (until - from) / (t.reports + 1));
            for (let k = 1; k <= t.reports; k += 1) {
              yield [
                uuidFrom(r),
                t.id,
                'progress_reported',
                manager,
                new Date(from + step * k),
                k === 1 ? 'accepted' : 'in_progress',
                'in_progress',
                null,
                { percent: k === t.reports ? t.progress : Math.round((t.progress * k) / t.reports) },
              ];
            }
          }
          if (t.submittedAt)
            yield [
              uuidFrom(r),
              t.id,
              'transition',
              manager,
              t.submittedAt,
              'in_progress',
              'submitted',
              null,
              null,
            ];
          if (t.returnCount > 0 && t.submittedAt)
            yield [
              uuidFrom(r),
              t.id,
              'transition',
              office,
              new Date(t.submittedAt.getTime() + 1000),
              'submitted',
              'returned',
              '材料不全，请补充佐证',
              null,
            ];
          if (t.completedAt)
            yield [
              uuidFrom(r),
              t.id,
              'transition',
              office,
              t.completedAt,
              'submitted',
              'completed',
              null,
              null,
            ];
          if (t.status === 'cancelled')
            yield [
              uuidFrom(r),
              t.id,
              'transition',
              office,
              t.startAt,
              'assigned',
              'cancelled',
              '任务调整',
              null,
            ];
        }
      })(),
      progress,
    );

    // Escalations already sent for what ran late: the ranking counts them.
    counts.reminders = await copyRows(
      client,
      'reminders',
      [
        'id',
        'dedupe_key',
        'kind',
        'plan_id',
        'task_id',
        'offset',
        'level',
        'deadline_version',
        'due_at',
        'status',
        'attempts',
        'sent_at',
      ],
      (function* () {
        for (const t of tasks) {
          const open = ['assigned', 'accepted', 'in_progress', 'submitted', 'returned'].includes(t.status);
          const lateDone =
            t.completedAt && t.completedAt.getTime() > t.dueAt.getTime() ? t.completedAt : null;
          const until = open ? now : lateDone;
          if (!until) continue;
          const r = rng(mix(seed, t.index, 4));
          for (const [off, level, days] of [
            ['P3D', 1, 3],
            ['P7D', 2, 7],
          ] as const) {
            const due = new Date(t.dueAt.getTime() + days * DAY);
            if (due.getTime() > until.getTime()) continue;
            yield [
              uuidFrom(r),
              `task:${t.id}:escalation:${off}:v1`,
              'escalation',
              t.planId,
              t.id,
              off,
              level,
              1,
              due,
              'sent',
              1,
              due,
            ];
          }
        }
      })(),
      progress,
    );
    await client.query('COMMIT');
    progress.finish();
    await client.query(`SET session_replication_role = DEFAULT`);
    log('analysing …');
    await client.query('VACUUM (ANALYZE)');
    const info: BenchDataInfo = {
      scale,
      seed,
      version: DATA_VERSION,
      generatedAt: now.toISOString(),
      counts,
    };
    await client.query(`COMMENT ON DATABASE "${database}" IS ${literal(JSON.stringify(info))}`);
    return info;
  } finally {
    await client.end();
  }
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** What a previous run left in the database, when it matches scale and seed; null otherwise. */
export async function existingBenchData(
  database: string,
  scale: number,
  seed: number,
): Promise<BenchDataInfo | null> {
  const admin = new Client({ connectionString: `${SERVER_URL}/postgres` });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [database],
    );
    if (!rows[0]?.comment) return null;
    const info = JSON.parse(rows[0].comment) as BenchDataInfo;
    return info.scale === scale && info.seed === seed && info.version === DATA_VERSION ? info : null;
  } catch {
    return null;
  } finally {
    await admin.end();
  }
}

export function checkBenchDatabaseName(name: string): void {
  if (!/^[a-z0-9_]*bench[a-z0-9_]*$/.test(name)) {
    throw new Error(`--database must be a plain name containing "bench" (got "${name}")`);
  }
}

// ------------------------------------------------------------------------------------------ CLI

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '7' },
      database: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) throw new Error('--scale must be 1–1000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const database = values.database ?? benchDatabaseName(scale);
  checkBenchDatabaseName(database);
  if (!values.force && (await existingBenchData(database, scale, seed))) {
    console.error(
      `${database} already holds scale ${scale}, seed ${seed}: nothing to do (--force to regenerate)`,
    );
    return;
  }
  const t0 = Date.now();
  const info = await generateBenchData({ scale, seed, database, force: values.force ?? false });
  console.error(
    `${database}: scale ${scale}, seed ${seed}, in ${((Date.now() - t0) / 1000).toFixed(1)} s: ` +
      Object.entries(info.counts)
        .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
        .join(', '),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
