import { BulletinsService } from '../src/modules/bulletins/bulletins.service';
import { API, createTestApp, resetDatabase, TestApp } from './support/app';
import { seedDemo } from './support/fixtures';
import {
  binary,
  buildSupervisionPlan,
  readWorkbook,
  SupervisionPlan,
  TRICKY_TITLE,
} from './support/supervision-fixtures';

describe('monthly bulletin (月通报): snapshot, versions, the plan’s month, xlsx, the worker’s run', () => {
  let t: TestApp;
  let s: SupervisionPlan;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const at = (iso: string) => t.clock.set(new Date(iso));
  const generate = (month: string, token = s.tokens.office, planId = s.planId) =>
    t.http().post(`${API}/bulletins`).set(auth(token)).send({ planId, month });
  const get = (id: string, token = s.tokens.office) =>
    t.http().get(`${API}/bulletins/${id}`).set(auth(token));
  const bulletinRows = (month: string) =>
    t.dataSource.query<{ version: number; generated_by_id: string | null }[]>(
      'SELECT version, generated_by_id FROM bulletins WHERE plan_id = $1 AND month = $2 ORDER BY version',
      [s.planId, month],
    );
  let october: { id: string; body: unknown };

  beforeAll(async () => {
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    await seedDemo(t);
    s = await buildSupervisionPlan(t);
    // Two urges sent one second either side of midnight between October and November, Shanghai time.
    await t.dataSource.query(
      `INSERT INTO reminders (dedupe_key, kind, plan_id, task_id, due_at, status, sent_at)
       VALUES ('test:oct', 'urge', $1, $2, '2026-10-31T23:59:59+08:00', 'sent', '2026-10-31T23:59:59+08:00'),
              ('test:nov', 'urge', $1, $2, '2026-11-01T00:00:00+08:00', 'sent', '2026-11-01T00:00:00+08:00')`,
      [s.planId, s.tasks.C.id],
    );
  });

  afterAll(async () => {
    t.clock.set(undefined);
    await t.close();
  });

  it('counts the month in the plan’s zone: 23:30 on 31 October is October, 00:10 on 1 November is November', async () => {
    at('2026-11-01T00:30:00+08:00'); // still 31 October in UTC
    const res = await generate('2026-10').expect(201);
    october = { id: res.body.id, body: res.body };
    const snap = res.body.snapshot;
    expect(res.body).toMatchObject({ planId: s.planId, month: '2026-10', version: 1 });
    expect(res.body.generatedById).toEqual(expect.any(String));
    expect(snap).toMatchObject({
      plan: { id: s.planId, title: '导出测试计划', year: 2026 },
      timeZone: 'Asia/Shanghai',
      window: { from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z' },
      asOf: '2026-10-31T16:30:00.000Z',
    });
    expect(snap.activity).toMatchObject({
      completed: 1,
      completedOnTime: 1,
      returns: 1,
      assigned: 4,
      remindersSent: 1,
      remindersByKind: { urge: 1 },
    });
    expect(snap.activity.completedTasks.map((x: { code: string }) => x.code)).toEqual([s.tasks.A.code]);

    // November has begun in Shanghai, so its bulletin may be made already; December may not.
    const november = await generate('2026-11').expect(201);
    expect(november.body.snapshot.activity).toMatchObject({ completed: 1, returns: 0, remindersSent: 1 });
    expect(november.body.snapshot.activity.completedTasks[0]).toMatchObject({
      code: s.tasks.B.code,
      completedAt: '2026-10-31T16:10:00.000Z',
      onTime: true,
    });
    const december = await generate('2026-12').expect(400);
    expect(december.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(december.body.message).toContain('2026-11');
  });

  it('holds the figures as they were: totals, lights, ranking, overdue list and indicators', async () => {
    const snap = (await get(october.id).expect(200)).body.snapshot;
    expect(snap.totals).toMatchObject({ total: 5, overdue: 1, onTimeRate: 1 });
    expect(snap.totals.byStatus).toMatchObject({ completed: 2, in_progress: 1, assigned: 1, accepted: 1 });
    // C is overdue; D and E, untouched a month into a three-month task, lag more than redLag behind.
    expect(snap.totals.byLight).toEqual({ red: 3, yellow: 0, green: 0 });
    expect(snap.overdue).toEqual([
      expect.objectContaining({
        code: s.tasks.C.code,
        title: TRICKY_TITLE,
        leadDepartmentName: '区司法局',
        dueAt: '2026-10-20T10:00:00.000Z',
        daysOverdue: 11,
        progress: 20,
      }),
    ]);
    // The ranking is the dashboard's: approval +0.5 (co-organizer, on time); justice +1 +1 −2 (a return).
    expect(
      snap.ranking.map((r: { name: string; score: number; rank: number }) => [r.name, r.score, r.rank]),
    ).toEqual([
      ['区行审局', 0.5, 1],
      ['区司法局', 0, 2],
    ]);
    expect(snap.indicators).toEqual([
      expect.objectContaining({ code: 'T1-rate', targetCode: 'T1', targetValue: 90, actual: 95, met: true }),
    ]);
  });

  it('refuses a bad month, an unknown plan and anyone but the office', async () => {
    for (const month of ['2026-13', '2026-1', '2026/10', '']) {
      const res = await generate(month).expect(400);
      expect(res.body.message).toContain('YYYY-MM');
    }
    await generate('2026-10', s.tokens.office, '00000000-0000-4000-8000-000000000000').expect(404);
    await generate('2026-10', s.tokens.leader).expect(403);
    await generate('2026-10', s.tokens.manager).expect(403);
    await t.http().post(`${API}/bulletins`).send({ planId: s.planId, month: '2026-10' }).expect(401);
  });

  it('regenerates a month as version 2 and leaves version 1 exactly as it was', async () => {
    at('2026-11-10T12:00:00+08:00');
    const task = await t.http().get(`${API}/tasks/${s.tasks.C.id}`).set(auth(s.tokens.office)).expect(200);
    await t
      .http()
      .patch(`${API}/tasks/${s.tasks.C.id}`)
      .set(auth(s.tokens.office))
      .send({ version: task.body.version, title: '改名后的逾期任务' })
      .expect(200);
    const v2 = await generate('2026-10').expect(201);
    expect(v2.body).toMatchObject({ month: '2026-10', version: 2 });
    expect(v2.body.id).not.toBe(october.id);
    expect(v2.body.snapshot.overdue[0]).toMatchObject({ title: '改名后的逾期任务', daysOverdue: 20 });
    expect((await get(october.id).expect(200)).body).toEqual(october.body);
    expect((await bulletinRows('2026-10')).map((r) => r.version)).toEqual([1, 2]);
  });

  it('lists a plan’s bulletins newest first, without the snapshot, to every signed-in role', async () => {
    for (const token of [s.tokens.staff, s.tokens.observer, s.tokens.leader]) {
      const res = await t.http().get(`${API}/bulletins?planId=${s.planId}`).set(auth(token)).expect(200);
      expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(
        res.body.items.map((b: { month: string; version: number }) => `${b.month} v${b.version}`),
      ).toEqual(['2026-11 v1', '2026-10 v2', '2026-10 v1']);
      expect(res.body.items[2]).not.toHaveProperty('snapshot');
      expect(res.body.items[2].summary).toEqual({
        planTitle: '导出测试计划',
        timeZone: 'Asia/Shanghai',
        total: 5,
        byLight: { red: 3, yellow: 0, green: 0 },
        overdue: 1,
        completedInMonth: 1,
        returnsInMonth: 1,
        remindersSentInMonth: 1,
      });
    }
    const second = await t
      .http()
      .get(`${API}/bulletins?planId=${s.planId}&page=2&pageSize=1`)
      .set(auth(s.tokens.office))
      .expect(200);
    expect(second.body.items.map((b: { version: number }) => b.version)).toEqual([2]);
    await get(october.id, s.tokens.staff).expect(200);
    await get('00000000-0000-4000-8000-000000000000').expect(404);
    await get('not-a-uuid').expect(400);
  });

  it('exports a bulletin as .xlsx with the four sheets, checked cell by cell', async () => {
    const res = await t
      .http()
      .get(`${API}/bulletins/${october.id}/export?format=xlsx`)
      .set(auth(s.tokens.staff))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''%E6%9C%88%E9%80%9A%E6%8A%A5-2026-10-v1.xlsx`,
    );
    const wb = await readWorkbook(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '单位排名', '逾期清单', '指标']);
    const header = (sheet: string) => (wb.getWorksheet(sheet)?.getRow(1).values as unknown[]).slice(1);
    expect(header('汇总')).toEqual(['项目', '数值']);
    expect(header('逾期清单')).toEqual([
      '编号',
      '任务',
      '牵头单位',
      '状态',
      '截止时间',
      '原定截止',
      '逾期天数',
      '进度',
    ]);
    expect(header('指标')).toEqual([
      '目标任务',
      '指标编号',
      '指标',
      '单位',
      '方向',
      '目标值',
      '实际值',
      '读数时间',
      '是否达标',
    ]);
    expect(header('单位排名').slice(0, 4)).toEqual(['排名', '单位', '得分', '按期办结率']);

    const facts = new Map<string, unknown>();
    wb.getWorksheet('汇总')?.eachRow((row) => facts.set(row.getCell(1).text, row.getCell(2).value));
    expect(facts.get('计划')).toBe('导出测试计划');
    expect(facts.get('通报月份')).toBe('2026-10');
    expect(facts.get('版本')).toBe(1);
    expect(facts.get('统计起')).toEqual(new Date('2026-10-01T00:00:00Z')); // wall clock, Shanghai
    expect(facts.get('本月办结')).toBe(1);
    expect(facts.get('本月退回')).toBe(1);
    // Version 1 keeps the title as it was, neutralised so that Excel shows it as text.
    expect((wb.getWorksheet('逾期清单')?.getRow(2).values as unknown[]).slice(1)).toEqual([
      s.tasks.C.code,
      `'${TRICKY_TITLE}`,
      '区司法局',
      '办理中',
      new Date('2026-10-20T18:00:00Z'),
      new Date('2026-10-20T18:00:00Z'),
      11,
      0.2,
    ]);
    expect((wb.getWorksheet('单位排名')?.getRow(2).values as unknown[]).slice(1, 4)).toEqual([
      1,
      '区行审局',
      0.5,
    ]);
    expect((wb.getWorksheet('指标')?.getRow(2).values as unknown[]).slice(1)).toEqual([
      'T1 目标任务一',
      'T1-rate',
      '按期办结率',
      '%',
      '≥',
      90,
      95,
      new Date('2026-10-10T10:00:00Z'),
      '达标',
    ]);

    await t
      .http()
      .get(`${API}/bulletins/${october.id}/export?format=pdf`)
      .set(auth(s.tokens.office))
      .expect(400);
    const missing = await t
      .http()
      .get(`${API}/bulletins/00000000-0000-4000-8000-000000000000/export`)
      .set(auth(s.tokens.office))
      .expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('the worker makes last month’s bulletin once, by the plan’s zone, however often it runs', async () => {
    const bulletins = t.app.get(BulletinsService);
    const mine = (runs: { planId: string; month: string }[]) => runs.filter((r) => r.planId === s.planId);
    // 1 January 00:20 in Shanghai is still 31 December in UTC: last month is December only in the plan's zone.
    at('2027-01-01T00:20:00+08:00');
    const [first, second] = await Promise.all([bulletins.generateDue(), bulletins.generateDue()]);
    expect([...mine(first), ...mine(second)].map((r) => r.month)).toEqual(['2026-12']);
    expect(mine(await bulletins.generateDue())).toEqual([]);
    expect(await bulletinRows('2026-12')).toEqual([{ version: 1, generated_by_id: null }]);
    // November already has a bulletin: the worker adds no version of its own.
    at('2026-12-01T00:20:00+08:00');
    expect(mine(await bulletins.generateDue())).toEqual([]);
    expect((await bulletinRows('2026-11')).length).toBe(1);
    // January 2027 lies outside the 2026 plan's year.
    at('2027-02-01T00:20:00+08:00');
    expect(mine(await bulletins.generateDue())).toEqual([]);
  });
});
