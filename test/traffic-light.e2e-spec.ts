import { API, createTestApp, login, resetDatabase, TestApp } from './support/app';
import { departmentId, seedDemo } from './support/fixtures';

const DAY = 86_400_000;
const START = new Date('2026-03-01T00:00:00Z');
const DUE = new Date(START.getTime() + 10 * DAY); // 10 days: each day is 10 % of expected progress

describe('traffic light and expected progress (fixed clock)', () => {
  let t: TestApp;
  let office: string;
  let manager: string;
  let staff: string;
  let targetId: string;
  let justice: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const at = (ms: number) => t.clock.set(new Date(START.getTime() + ms));

  beforeAll(async () => {
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    await seedDemo(t);
    [office, manager, staff] = await Promise.all(
      ['office', 'justice-manager', 'justice-staff'].map((u) => login(t, u)),
    );
    justice = await departmentId(t.dataSource, 'justice');
    const plan = await t
      .http()
      .post(`${API}/plans`)
      .set(auth(office))
      .send({
        title: '红黄绿灯测试计划',
        year: 2026,
        status: 'active',
        policy: { yellowWindow: 'P1D', yellowLag: 10, redLag: 30, acceptWithin: 'P3D' },
      })
      .expect(201);
    expect(plan.body.policy).toMatchObject({ yellowWindow: 'P1D', beforeDue: ['P7D', 'P3D', 'P1D'] });
    const r = await t
      .http()
      .post(`${API}/plans/${plan.body.id}/responsibilities`)
      .set(auth(office))
      .send({ code: 'R1', title: '责任' })
      .expect(201);
    const target = await t
      .http()
      .post(`${API}/responsibilities/${r.body.id}/targets`)
      .set(auth(office))
      .send({ code: 'T1', title: '目标' })
      .expect(201);
    targetId = target.body.id;
  });

  afterAll(async () => {
    t.clock.set(undefined);
    await t.close();
  });

  /** A task from START to `due`, created (and assigned unless `draft`) at START. */
  async function newTask(title: string, due = DUE, draft = false): Promise<string> {
    at(0);
    const task = await t
      .http()
      .post(`${API}/tasks`)
      .set(auth(office))
      .send({
        targetId,
        title,
        leadDepartmentId: justice,
        startAt: START.toISOString(),
        dueAt: due.toISOString(),
      })
      .expect(201);
    const id = task.body.id as string;
    if (!draft) await t.http().post(`${API}/tasks/${id}/assign`).set(auth(office)).expect(200);
    return id;
  }

  const view = async (id: string) =>
    (await t.http().get(`${API}/tasks/${id}`).set(auth(office)).expect(200)).body;

  it('is green on track, yellow just past yellowLag behind, red just past redLag behind, red when overdue', async () => {
    const id = await newTask('灯测试任务');
    at(DAY / 2);
    await t.http().post(`${API}/tasks/${id}/accept`).set(auth(manager)).expect(200);
    await t
      .http()
      .post(`${API}/tasks/${id}/progress-reports`)
      .set(auth(staff))
      .send({ percent: 20, summary: '20%' })
      .expect(201);

    at(3 * DAY); // expected exactly 30: 20 = 30 − yellowLag, not below it
    expect(await view(id)).toMatchObject({ expected: 30, light: 'green', overdue: false });
    at(3 * DAY + 60_000); // a minute later, 20 < expected − 10
    expect((await view(id)).light).toBe('yellow');
    at(5 * DAY); // expected exactly 50: 20 = 50 − redLag, still only yellow
    expect(await view(id)).toMatchObject({ expected: 50, light: 'yellow' });
    at(5 * DAY + 60_000);
    expect((await view(id)).light).toBe('red');

    const red = await t.http().get(`${API}/tasks?light=red&pageSize=200`).set(auth(office)).expect(200);
    expect(red.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const green = await t.http().get(`${API}/tasks?light=green&pageSize=200`).set(auth(office)).expect(200);
    expect(green.body.items.map((i: { id: string }) => i.id)).not.toContain(id);

    at(9 * DAY);
    await t
      .http()
      .post(`${API}/tasks/${id}/progress-reports`)
      .set(auth(staff))
      .send({ percent: 90, summary: '90%' })
      .expect(201);
    expect(await view(id)).toMatchObject({ light: 'yellow', expected: 90 }); // due within yellowWindow (P1D)
    await t.http().post(`${API}/tasks/${id}/submit`).set(auth(manager)).expect(200);
    expect((await view(id)).light).toBe('green'); // submitted: waiting on the office, not on the department

    at(10 * DAY + 1000);
    expect(await view(id)).toMatchObject({ light: 'red', overdue: true, expected: 100 });
    const overdue = await t
      .http()
      .get(`${API}/tasks?overdue=true&pageSize=200`)
      .set(auth(office))
      .expect(200);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(id);

    await t.http().post(`${API}/tasks/${id}/complete`).set(auth(office)).expect(200);
    expect(await view(id)).toMatchObject({ light: null, overdue: false, onTime: false });
  });

  it('turns yellow when an assigned task is not signed for within acceptWithin', async () => {
    // A 100-day task: after 3 days expected progress is 3 %, far from yellowLag, so only acceptWithin can act.
    const id = await newTask('签收期限测试', new Date(START.getTime() + 100 * DAY));
    at(3 * DAY - 60_000);
    expect(await view(id)).toMatchObject({ light: 'green', expected: 3 });
    at(3 * DAY + 60_000);
    expect((await view(id)).light).toBe('yellow');
    await t.http().post(`${API}/tasks/${id}/accept`).set(auth(manager)).expect(200);
    expect((await view(id)).light).toBe('green');
  });

  it('makes a task due at 00:00 local (Asia/Shanghai) overdue at that instant, not at UTC midnight', async () => {
    const due = new Date('2026-04-01T00:00:00+08:00'); // 2026-03-31T16:00:00Z
    const id = await newTask('零点截止任务', due);
    t.clock.set(new Date('2026-03-31T23:59:59+08:00'));
    expect(await view(id)).toMatchObject({ overdue: false });
    const before = await t.http().get(`${API}/tasks?overdue=true&pageSize=200`).set(auth(office)).expect(200);
    expect(before.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    t.clock.set(new Date('2026-04-01T00:00:01+08:00'));
    expect(await view(id)).toMatchObject({ overdue: true, light: 'red' });
    expect(new Date((await view(id)).dueAt).toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('shows no light before the task is handed over', async () => {
    const id = await newTask('草稿任务', DUE, true);
    at(20 * DAY);
    expect(await view(id)).toMatchObject({ status: 'draft', light: null, overdue: false });
  });
});
