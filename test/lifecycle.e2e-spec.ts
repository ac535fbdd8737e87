import { API, createTestApp, login, resetDatabase, rowCounts, TestApp } from './support/app';
import { departmentId, seedDemo } from './support/fixtures';

describe('task life cycle over HTTP', () => {
  let t: TestApp;
  let office: string;
  let manager: string;
  let staff: string;
  let coStaff: string;
  let coManager: string;
  let foreignManager: string;
  let leader: string;
  let currentPlanId: string;
  let targetId: string;
  let indicatorId: string;
  let justice: string;
  let approval: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    ({ currentPlanId } = await seedDemo(t));
    [office, manager, staff, coStaff, coManager, foreignManager, leader] = await Promise.all(
      [
        'office',
        'justice-manager',
        'justice-staff',
        'approval-staff',
        'approval-manager',
        'court-manager',
        'leader',
      ].map((u) => login(t, u)),
    );
    justice = await departmentId(t.dataSource, 'justice');
    approval = await departmentId(t.dataSource, 'approval');
    const tree = await t.http().get(`${API}/plans/${currentPlanId}/tree`).set(auth(office)).expect(200);
    const target = tree.body.responsibilities[0].targets[0];
    targetId = target.id;
    indicatorId = target.indicators[0].id;
  });

  afterAll(async () => {
    await t.close();
  });

  async function newTask(): Promise<{ id: string; version: number }> {
    const res = await t
      .http()
      .post(`${API}/tasks`)
      .set(auth(office))
      .send({
        targetId,
        title: '开展行政规范性文件专项清理',
        leadDepartmentId: justice,
        coDepartmentIds: [approval],
        startAt: '2026-01-01T09:00:00+08:00',
        dueAt: '2026-12-31T18:00:00+08:00',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      leadDepartmentId: justice,
      coDepartmentIds: [approval],
    });
    return res.body;
  }

  const step = (token: string, id: string, action: string, body: object = {}) =>
    t.http().post(`${API}/tasks/${id}/${action}`).set(auth(token)).send(body);
  const report = (token: string, id: string, percent: number, extra: object = {}) =>
    t
      .http()
      .post(`${API}/tasks/${id}/progress-reports`)
      .set(auth(token))
      .send({ percent, summary: `完成 ${percent}%`, ...extra });

  it('goes assign → accept → report → submit → return → report → submit → complete, recording every step', async () => {
    const task = await newTask();
    expect((await step(office, task.id, 'assign').expect(200)).body.status).toBe('assigned');
    expect((await step(manager, task.id, 'accept').expect(200)).body.status).toBe('accepted');

    const first = await report(staff, task.id, 60, { indicatorValues: [{ indicatorId, value: 7 }] }).expect(
      201,
    );
    expect(first.body).toMatchObject({
      percent: 60,
      reviewStatus: 'pending',
      indicatorValues: [{ indicatorId, value: 7 }],
    });
    const afterReport = await t.http().get(`${API}/tasks/${task.id}`).set(auth(manager)).expect(200);
    expect(afterReport.body).toMatchObject({ status: 'in_progress', progress: 60 });

    expect((await step(manager, task.id, 'submit').expect(200)).body.status).toBe('submitted');
    const returned = await step(office, task.id, 'return', { reason: '缺少佐证材料' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnCount: 1 });
    await report(staff, task.id, 100).expect(201);
    expect((await step(manager, task.id, 'submit').expect(200)).body.status).toBe('submitted');
    const done = await step(office, task.id, 'complete').expect(200);
    expect(done.body).toMatchObject({ status: 'completed', progress: 100, light: null, onTime: true });

    const detail = await t.http().get(`${API}/tasks/${task.id}`).set(auth(office)).expect(200);
    const transitions = detail.body.events
      .filter((e: { fromStatus: string | null; toStatus: string | null }) => e.fromStatus !== e.toStatus)
      .map((e: { fromStatus: string; toStatus: string }) => `${e.fromStatus}→${e.toStatus}`);
    expect(transitions).toEqual([
      'null→draft',
      'draft→assigned',
      'assigned→accepted',
      'accepted→in_progress',
      'in_progress→submitted',
      'submitted→returned',
      'returned→in_progress',
      'in_progress→submitted',
      'submitted→completed',
    ]);
    const returnEvent = detail.body.events.find((e: { toStatus: string }) => e.toStatus === 'returned');
    expect(returnEvent).toMatchObject({ reason: '缺少佐证材料', type: 'transition' });
    expect(returnEvent.actorId).toEqual(expect.any(String));
  });

  it('answers an illegal step with 409 naming the current state, and changes nothing', async () => {
    const task = await newTask();
    const before = await rowCounts(t.dataSource);
    const res = await step(office, task.id, 'complete').expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect(res.body.message).toContain('draft');
    expect(res.body.details.currentStatus).toBe('draft');
    await step(manager, task.id, 'accept').expect(409);
    await report(staff, task.id, 10).expect(409);
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('answers a stale version with 409 and keeps the newer write', async () => {
    const task = await newTask();
    const ok = await t
      .http()
      .patch(`${API}/tasks/${task.id}`)
      .set(auth(office))
      .send({ version: task.version, title: '新的标题' })
      .expect(200);
    expect(ok.body.version).toBe(task.version + 1);
    const stale = await t
      .http()
      .patch(`${API}/tasks/${task.id}`)
      .set(auth(office))
      .send({ version: task.version, title: '过期的修改' })
      .expect(409);
    expect(stale.body.details.currentVersion).toBe(task.version + 1);
    await step(office, task.id, 'assign', { version: task.version }).expect(409);
    const now = await t.http().get(`${API}/tasks/${task.id}`).set(auth(office)).expect(200);
    expect(now.body).toMatchObject({ title: '新的标题', status: 'draft' });
  });

  it('keeps each step to its role: only the office assigns, only the lead manager accepts and submits', async () => {
    const task = await newTask();
    await step(manager, task.id, 'assign').expect(403);
    await step(leader, task.id, 'assign').expect(403);
    await step(office, task.id, 'assign').expect(200);
    await step(staff, task.id, 'accept').expect(403);
    await step(coManager, task.id, 'accept').expect(403);
    await step(office, task.id, 'accept').expect(403);
    await step(manager, task.id, 'accept').expect(200);
    await report(coStaff, task.id, 30).expect(201); // a co-organizer reports progress
    await step(coManager, task.id, 'submit').expect(403);
    await step(office, task.id, 'return', {}).expect(400); // a return needs a reason
  });

  it('hides other departments’ tasks as if they did not exist', async () => {
    const task = await newTask();
    await t.http().get(`${API}/tasks/${task.id}`).set(auth(foreignManager)).expect(404);
    await step(foreignManager, task.id, 'accept').expect(404);
    await report(foreignManager, task.id, 10).expect(404);
    const list = await t.http().get(`${API}/tasks?pageSize=200`).set(auth(foreignManager)).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(task.id);
    const own = await t.http().get(`${API}/tasks?pageSize=200`).set(auth(manager)).expect(200);
    expect(own.body.items.map((i: { id: string }) => i.id)).toContain(task.id);
    for (const item of own.body.items) {
      expect([item.leadDepartmentId, ...item.coDepartmentIds]).toContain(justice);
    }
  });

  it('reviews progress reports: a returned report no longer counts toward progress', async () => {
    const task = await newTask();
    await step(office, task.id, 'assign').expect(200);
    await step(manager, task.id, 'accept').expect(200);
    const r1 = await report(staff, task.id, 40).expect(201);
    const r2 = await report(staff, task.id, 90).expect(201);
    await t
      .http()
      .post(`${API}/progress-reports/${r1.body.id}/review`)
      .set(auth(office))
      .send({ decision: 'accept' })
      .expect(200);
    await t
      .http()
      .post(`${API}/progress-reports/${r2.body.id}/review`)
      .set(auth(staff))
      .send({ decision: 'return' })
      .expect(403);
    const back = await t
      .http()
      .post(`${API}/progress-reports/${r2.body.id}/review`)
      .set(auth(office))
      .send({ decision: 'return', comment: '数据与台账不符' })
      .expect(200);
    expect(back.body).toMatchObject({ reviewStatus: 'returned', reviewComment: '数据与台账不符' });
    await t
      .http()
      .post(`${API}/progress-reports/${r2.body.id}/review`)
      .set(auth(office))
      .send({ decision: 'accept' })
      .expect(409);
    const now = await t.http().get(`${API}/tasks/${task.id}`).set(auth(manager)).expect(200);
    expect(now.body.progress).toBe(40);
    const queue = await t
      .http()
      .get(`${API}/progress-reports?reviewStatus=returned`)
      .set(auth(office))
      .expect(200);
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(r2.body.id);
  });

  it('extends a deadline on approval, keeping the original one', async () => {
    const task = await newTask();
    await step(office, task.id, 'assign').expect(200);
    t.clock.set(new Date('2026-06-01T00:00:00Z'));
    try {
      await t
        .http()
        .post(`${API}/tasks/${task.id}/extensions`)
        .set(auth(manager))
        .send({ requestedDueAt: '2026-06-30T18:00:00+08:00', reason: '提前' })
        .expect(422);
      const ext = await t
        .http()
        .post(`${API}/tasks/${task.id}/extensions`)
        .set(auth(manager))
        .send({ requestedDueAt: '2027-03-31T18:00:00+08:00', reason: '需等待上级文件' })
        .expect(201);
      await t
        .http()
        .post(`${API}/tasks/${task.id}/extensions`)
        .set(auth(manager))
        .send({ requestedDueAt: '2027-04-30T18:00:00+08:00', reason: '再次申请' })
        .expect(409);
      await t
        .http()
        .post(`${API}/extensions/${ext.body.id}/decide`)
        .set(auth(manager))
        .send({ decision: 'approve' })
        .expect(403);
      await t
        .http()
        .post(`${API}/extensions/${ext.body.id}/decide`)
        .set(auth(office))
        .send({ decision: 'approve' })
        .expect(200);
      const now = await t.http().get(`${API}/tasks/${task.id}`).set(auth(manager)).expect(200);
      expect(new Date(now.body.dueAt).toISOString()).toBe('2027-03-31T10:00:00.000Z');
      expect(new Date(now.body.originalDueAt).toISOString()).toBe('2026-12-31T10:00:00.000Z');
    } finally {
      t.clock.set(undefined);
    }
  });
});
