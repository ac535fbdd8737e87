import { plan2021 } from '../src/seed/data/report-2021.data';
import { API, createTestApp, login, resetDatabase, TestApp } from './support/app';
import { seedDemo } from './support/fixtures';

interface Node {
  code: string;
  tasks?: { code: string; leadDepartmentId: string; status: string; light: string | null }[];
}

describe('seed: the 2021 plan from the report and the demo plan', () => {
  let t: TestApp;
  let ids: { plan2021Id: string; currentPlanId: string };
  let office: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    ids = await seedDemo(t);
    office = await login(t, 'office');
  });

  afterAll(async () => {
    await t.close();
  });

  /** Every table's rows, as text, so that "nothing changed" covers content and not only counts. */
  async function fingerprint(): Promise<string[]> {
    const tables = await t.dataSource.query<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
    );
    const out: string[] = [];
    for (const { tablename } of tables) {
      const [row] = await t.dataSource.query<{ n: number; digest: string | null }[]>(
        `SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS digest FROM "${tablename}" x`,
      );
      out.push(`${tablename}:${row.n}:${row.digest}`);
    }
    return out;
  }

  it('changes nothing when run a second time', async () => {
    const before = await fingerprint();
    const again = await seedDemo(t);
    expect(again).toEqual(ids);
    expect(await fingerprint()).toEqual(before);
  });

  it('serves the 2021 tree: 5 responsibilities, 12 targets, 26 measures, the figures, 3 problems, 6 action items', async () => {
    const res = await t.http().get(`${API}/plans/${ids.plan2021Id}/tree`).set(auth(office)).expect(200);
    const tree = res.body as {
      responsibilities: (Node & {
        targets: (Node & { indicators: { code: string; latest: { value: number } }[] })[];
      })[];
      problems: (Node & { actionItemIds: string[] })[];
      actionItems: (Node & { problemIds: string[] })[];
      rollup: { total: number };
    };
    expect(tree.responsibilities.map((r) => r.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    const targets = tree.responsibilities.flatMap((r) => r.targets);
    expect(targets.map((x) => x.code)).toEqual([
      'T01',
      'T02',
      'T03',
      'T04',
      'T05',
      'T06',
      'T07',
      'T08',
      'T09',
      'T10',
      'T11',
      'T12',
    ]);
    const tasks = targets.flatMap((x) => x.tasks ?? []);
    expect(tasks).toHaveLength(26);
    expect(tree.rollup.total).toBe(26);
    const measures = ['一', '二', '三', '四', '五', '六', '七'].flatMap((section, i) =>
      ['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)']
        .slice(0, [7, 3, 3, 3, 3, 4, 3][i])
        .map((n) => section + n),
    );
    expect(tasks.map((x) => x.code).sort()).toEqual(measures.sort());
    expect(new Set(tasks.map((x) => x.status))).toEqual(new Set(['completed']));

    // The report's figures, each with its 2021 reading.
    const figures = new Map(targets.flatMap((x) => x.indicators).map((i) => [i.code, i.latest?.value]));
    const expected = plan2021.responsibilities.flatMap((r) => r.targets.flatMap((x) => x.indicators));
    expect(figures.size).toBe(expected.length);
    for (const i of expected) expect(figures.get(i.code)).toBe(i.actual);
    const values = [...figures.values()];
    for (const figure of [204, 200, 71, 765, 19483, 321, 2717, 85, 535, 180, 99.9, 99.8]) {
      expect(values).toContain(figure);
    }

    expect(tree.problems.map((p) => p.code)).toEqual(['P1', 'P2', 'P3']);
    expect(tree.actionItems.map((a) => a.code)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    for (const p of tree.problems) expect(p.actionItemIds.length).toBeGreaterThan(0);
  });

  it('gives each 2021 measure the lead department the report names', async () => {
    const departments = await t.http().get(`${API}/departments?pageSize=200`).set(auth(office)).expect(200);
    const codeOf = new Map<string, string>(
      departments.body.items.map((d: { id: string; code: string }) => [d.id, d.code]),
    );
    const res = await t
      .http()
      .get(`${API}/tasks?planId=${ids.plan2021Id}&pageSize=200`)
      .set(auth(office))
      .expect(200);
    const leadOf = new Map<string, string>(
      res.body.items.map((x: { code: string; leadDepartmentId: string }) => [
        x.code,
        codeOf.get(x.leadDepartmentId),
      ]),
    );
    for (const task of plan2021.responsibilities.flatMap((r) => r.targets.flatMap((x) => x.tasks))) {
      expect(leadOf.get(task.code)).toBe(task.leadDepartmentCode);
    }
    // Named by the report itself (§二(一), §六, §七(三)): the justice bureau and the law-popularisation office.
    expect(leadOf.get('二(一)')).toBe('justice');
  });

  it('builds an active current-year plan with a mix of statuses, lights and a demo account per department', async () => {
    const plan = await t.http().get(`${API}/plans/${ids.currentPlanId}`).set(auth(office)).expect(200);
    expect(plan.body).toMatchObject({ status: 'active', timeZone: 'Asia/Shanghai' });
    const res = await t.http().get(`${API}/plans/${ids.currentPlanId}/tree`).set(auth(office)).expect(200);
    expect(res.body.actionItems).toHaveLength(6);
    for (const a of res.body.actionItems) expect(a.tasks.length).toBeGreaterThan(0);
    const statuses = Object.entries(res.body.rollup.byStatus as Record<string, number>)
      .filter(([, n]) => n > 0)
      .map(([s]) => s);
    expect(statuses.sort()).toEqual(
      [
        'accepted',
        'assigned',
        'cancelled',
        'completed',
        'draft',
        'in_progress',
        'returned',
        'submitted',
      ].sort(),
    );
    // Whatever the day, the demo shows every light.
    expect(res.body.rollup.byLight.red).toBeGreaterThan(0);
    expect(res.body.rollup.byLight.yellow).toBeGreaterThan(0);
    expect(res.body.rollup.byLight.green).toBeGreaterThan(0);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM departments d WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = d.code || '-manager')`,
    );
    expect(n).toBe(0);
  });
});
