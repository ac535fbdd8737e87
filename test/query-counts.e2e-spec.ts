import { Client } from 'pg';
import { rollup } from '../src/modules/plan-tree/rollup';
import { API, createTestApp, login, resetDatabase, TestApp } from './support/app';
import { departmentId, seedDemo } from './support/fixtures';

/**
 * No N+1: the number of SQL statements a list endpoint sends does not grow with the number of rows it
 * answers. Every statement the app's `pg` clients send while one request runs is counted (nothing else
 * runs in this process meanwhile), then the plan grows by 60 tasks with co-organizers, reports and events,
 * and the same requests must send exactly as many statements as before.
 */
type Query = (this: Client, ...args: unknown[]) => unknown;
const proto = Client.prototype as unknown as { query: Query };
const original = proto.query;
let counting: string[] | undefined;

function installCounter(): void {
  proto.query = function (this: Client, ...args: unknown[]) {
    const [first] = args;
    if (counting) {
      counting.push(typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '?'));
    }
    return original.apply(this, args);
  };
}

describe('query counts of the list endpoints (no N+1)', () => {
  let t: TestApp;
  let planId: string;
  let taskId: string;
  const tokens: Record<string, string> = {};
  let endpoints: [string, string, string][];

  async function statementsOf(user: string, url: string): Promise<{ statements: string[]; body: unknown }> {
    counting = [];
    try {
      const res = await t
        .http()
        .get(`${API}${url}`)
        .set({ Authorization: `Bearer ${tokens[user]}` });
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
      return { statements: counting, body: res.body as unknown };
    } finally {
      counting = undefined;
    }
  }

  async function countAll(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [name, user, url] of endpoints) {
      const { statements } = await statementsOf(user, url);
      counts[name] = statements.length;
    }
    return counts;
  }

  /** `count` more in-progress tasks in the plan, each with a co-organizer, 3 reports and 3 events. */
  async function growPlan(prefix: string, count: number): Promise<void> {
    const justice = await departmentId(t.dataSource, 'justice');
    const approval = await departmentId(t.dataSource, 'approval');
    const [template] = await t.dataSource.query<{ target_id: string }[]>(
      `SELECT target_id FROM tasks WHERE plan_id = $1 AND target_id IS NOT NULL LIMIT 1`,
      [planId],
    );
    await t.dataSource.query(
      `WITH ins AS (
         INSERT INTO tasks (plan_id, target_id, code, title, status, lead_department_id, start_at, due_at,
                            original_due_at, progress, assigned_at, accepted_at)
         SELECT $1, $2, $5 || lpad(g::text, 3, '0'), '计数任务 ' || $5 || g, 'in_progress', $3,
                now() - interval '60 days', now() + (g - 20) * interval '1 day', now() + (g - 20) * interval '1 day',
                g % 90, now() - interval '59 days', now() - interval '58 days'
           FROM generate_series(1, $6::int) g
         RETURNING id)
       INSERT INTO task_co_departments (task_id, department_id) SELECT id, $4 FROM ins`,
      [planId, template.target_id, justice, approval, prefix, count],
    );
    await t.dataSource.query(
      `INSERT INTO progress_reports (task_id, department_id, percent, summary, evidence)
       SELECT t.id, t.lead_department_id, k * 10, '进展 ' || k, '[]' FROM tasks t CROSS JOIN generate_series(1, 3) k
        WHERE t.code LIKE $2 || '%' AND t.plan_id = $1`,
      [planId, prefix],
    );
    await t.dataSource.query(
      `INSERT INTO task_events (task_id, type, at, to_status)
       SELECT t.id, 'progress_reported', now() - k * interval '1 day', 'in_progress'
         FROM tasks t CROSS JOIN generate_series(1, 3) k WHERE t.code LIKE $2 || '%' AND t.plan_id = $1`,
      [planId, prefix],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    ({ currentPlanId: planId } = await seedDemo(t));
    for (const user of ['office', 'justice-staff', 'leader']) tokens[user] = await login(t, user);
    [{ id: taskId }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM tasks WHERE plan_id = $1 AND status <> 'draft' ORDER BY code LIMIT 1`,
      [planId],
    );
    endpoints = [
      ['tasks (office)', 'office', `/tasks?planId=${planId}&pageSize=200`],
      ['tasks (department user)', 'justice-staff', `/tasks?pageSize=200`],
      ['red list', 'office', `/tasks?planId=${planId}&light=red&pageSize=200`],
      [
        'open tasks of a department',
        'office',
        `/tasks?departmentId=${await departmentId(t.dataSource, 'justice')}&status=in_progress,accepted`,
      ],
      ['plan tree', 'office', `/plans/${planId}/tree`],
      ['plan tree (department user)', 'justice-staff', `/plans/${planId}/tree`],
      ['dashboard summary', 'leader', `/dashboard/summary?planId=${planId}`],
      ['ranking', 'leader', `/dashboard/departments?planId=${planId}`],
      // A full page both times: TypeORM skips the count when a first page is not full.
      ['progress reports', 'office', `/progress-reports?planId=${planId}&pageSize=5`],
      ['a task with its history', 'office', `/tasks/${taskId}`],
      ['departments', 'office', '/departments?pageSize=200'],
      ['inbox', 'justice-staff', '/notifications?pageSize=200'],
    ];
    installCounter();
  });

  afterAll(async () => {
    proto.query = original;
    await t.close();
  });

  it('send as many statements for 60 more tasks as before, and few', async () => {
    // A few of each kind of row first, so that "none" (which may skip a query) is not the baseline.
    await growPlan('P', 3);
    const before = await countAll();
    await growPlan('Q', 60);
    const after = await countAll();
    expect(after).toEqual(before);
    for (const [name, n] of Object.entries(after)) {
      // A handful each: the caller's account, the plan, a count and a page, the structure of a tree.
      expect([name, n <= 10]).toEqual([name, true]);
    }
  });

  it('the tree’s roll-ups, counted in SQL, agree with the tasks it lists', async () => {
    type Node = { rollup: unknown; tasks?: Parameters<typeof rollup>[0]; targets?: Node[] };
    const { body } = await statementsOf('office', `/plans/${planId}/tree`);
    const tree = body as { rollup: unknown; responsibilities: Node[]; actionItems: Node[] };
    const dated = (tasks: Parameters<typeof rollup>[0]) =>
      tasks.map((task) => ({ ...task, dueAt: new Date(task.dueAt) }));
    const all: Parameters<typeof rollup>[0] = [];
    for (const r of tree.responsibilities) {
      const own = (r.targets ?? []).flatMap((target) => target.tasks ?? []);
      expect(r.rollup).toEqual(rollup(dated(own)));
      for (const target of r.targets ?? []) expect(target.rollup).toEqual(rollup(dated(target.tasks ?? [])));
      all.push(...own);
    }
    for (const a of tree.actionItems) {
      expect(a.rollup).toEqual(rollup(dated(a.tasks ?? [])));
      all.push(...(a.tasks ?? []));
    }
    expect(tree.rollup).toEqual(rollup(dated(all)));
    expect((tree.rollup as { total: number }).total).toBeGreaterThan(60);
  });
});
