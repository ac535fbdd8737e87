import { ReminderSweepService } from '../src/modules/notifications/reminder-sweep.service';
import { API, createTestApp, login, resetDatabase, TestApp } from './support/app';
import { departmentId, seedDemo } from './support/fixtures';

const DAY = 86_400_000;

describe('dashboard: scores, ranking and summary', () => {
  let t: TestApp;
  let office: string;
  let manager: string;
  let staff: string;
  let justice: string;
  let approval: string;
  let planId: string;
  let targetId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (token: string, url: string, body: object = {}) =>
    t.http().post(`${API}${url}`).set(auth(token)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    await seedDemo(t);
    [office, manager, staff] = await Promise.all(
      ['office', 'justice-manager', 'justice-staff'].map((u) => login(t, u)),
    );
    justice = await departmentId(t.dataSource, 'justice');
    approval = await departmentId(t.dataSource, 'approval');
    // A draft plan: no monthly report reminders, so the score holds only what this test does.
    const plan = await post(office, '/plans', { title: '考核测试计划', year: 2026 }).expect(201);
    planId = plan.body.id;
    const r = await post(office, `/plans/${planId}/responsibilities`, { code: 'R1', title: '责任' }).expect(
      201,
    );
    targetId = (
      await post(office, `/responsibilities/${r.body.id}/targets`, { code: 'T1', title: '目标' }).expect(201)
    ).body.id;

    const now = Date.now();
    const task = async (title: string, start: number, due: number, co: string[] = []) =>
      (
        await post(office, '/tasks', {
          targetId,
          title,
          leadDepartmentId: justice,
          coDepartmentIds: co,
          startAt: new Date(start).toISOString(),
          dueAt: new Date(due).toISOString(),
        }).expect(201)
      ).body.id as string;
    const walk = async (id: string) => {
      await post(office, `/tasks/${id}/assign`).expect(200);
      await post(manager, `/tasks/${id}/accept`).expect(200);
      await post(staff, `/tasks/${id}/progress-reports`, { percent: 100, summary: '完成' }).expect(201);
      await post(manager, `/tasks/${id}/submit`).expect(200);
    };
    // On time, with a co-organizer: justice +1, approval +0.5.
    const onTime = await task('按期任务', now - 30 * DAY, now + 30 * DAY, [approval]);
    await walk(onTime);
    await post(office, `/tasks/${onTime}/complete`).expect(200);
    // Late, returned once, escalated twice before completion: justice −2 −1 −1 −1.
    const late = await task('逾期任务', now - 60 * DAY, now - 20 * DAY);
    await walk(late);
    await t.app.get(ReminderSweepService).sweep('test'); // overdue + both escalation levels are long due
    await post(office, `/tasks/${late}/return`, { reason: '材料不全' }).expect(200);
    await post(staff, `/tasks/${late}/progress-reports`, { percent: 100, summary: '补充' }).expect(201);
    await post(manager, `/tasks/${late}/submit`).expect(200);
    await post(office, `/tasks/${late}/complete`).expect(200);
  });

  afterAll(async () => {
    await t.close();
  });

  it('scores and ranks departments by the plan’s weights', async () => {
    const res = await t
      .http()
      .get(`${API}/dashboard/departments?planId=${planId}`)
      .set(auth(office))
      .expect(200);
    const byId = new Map(res.body.items.map((r: { departmentId: string }) => [r.departmentId, r]));
    expect(byId.get(approval)).toMatchObject({
      score: 0.5,
      rank: 1,
      onTimeRate: 1,
      coTasks: 1,
      leadTasks: 0,
    });
    expect(byId.get(justice)).toMatchObject({
      score: -4,
      rank: 2,
      leadTasks: 2,
      completed: 2,
      onTime: 1,
      late: 1,
      returns: 1,
      escalations: 2,
      onTimeRate: 0.5,
    });
  });

  it('explains a score with the events that made it', async () => {
    const res = await t
      .http()
      .get(`${API}/dashboard/departments/${justice}/score?planId=${planId}`)
      .set(auth(manager))
      .expect(200);
    expect(res.body.score).toBe(-4);
    expect(res.body.items.map((i: { rule: string }) => i.rule).sort()).toEqual(
      ['escalation', 'escalation', 'late', 'on_time_lead', 'returned'].sort(),
    );
    expect(res.body.items.reduce((s: number, i: { points: number }) => s + i.points, 0)).toBe(-4);
  });

  it('shows a department its own figures and only the public ranking of others', async () => {
    const res = await t
      .http()
      .get(`${API}/dashboard/departments?planId=${planId}`)
      .set(auth(manager))
      .expect(200);
    const own = res.body.items.find((r: { departmentId: string }) => r.departmentId === justice);
    const other = res.body.items.find((r: { departmentId: string }) => r.departmentId === approval);
    expect(own).toHaveProperty('returns', 1);
    expect(Object.keys(other).sort()).toEqual(['code', 'departmentId', 'name', 'rank', 'score']);
    await t
      .http()
      .get(`${API}/dashboard/departments/${approval}/score?planId=${planId}`)
      .set(auth(manager))
      .expect(404);
  });

  it('summarises the plan: totals, lights, overdue list, week ahead, reports owed', async () => {
    const res = await t.http().get(`${API}/dashboard/summary?planId=${planId}`).set(auth(office)).expect(200);
    expect(res.body.totals).toMatchObject({ total: 2, onTimeRate: 0.5 });
    expect(res.body.totals.byStatus.completed).toBe(2);
    expect(res.body.overdue).toEqual([]);
    await t.http().get(`${API}/dashboard/summary?planId=not-a-uuid`).set(auth(office)).expect(400);
    await t.http().get(`${API}/dashboard/summary`).set(auth(office)).expect(400);
  });
});
