import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { REMINDER_QUEUE, reminderJobId } from '../src/common/queues/queues';
import { ReminderSweepService } from '../src/modules/notifications/reminder-sweep.service';
import { API, createTestApp, login, resetDatabase, TestApp } from './support/app';
import { departmentId } from './support/fixtures';
import {
  auth,
  claims,
  createPlan,
  createTask,
  inbox,
  noticeKinds,
  ReminderRow,
  remindersOf,
  reportProgress,
  seedPeople,
  sentLog,
  step,
  until,
  waitFor,
} from './support/reminder-fixtures';
import { PrivateRedis, Spawned, startWorker } from './support/worker-processes';

const DEADLINE_KINDS = ['before_due', 'overdue', 'escalation'];

/**
 * The reminder engine as deployed: this process serves the API (role `api`), one worker process
 * (role `worker`) consumes Bull on a private Redis. Policies are in seconds and the clocks are real, so the
 * Bull delays are real. The worker's sweep runs once a minute here: what arrives on time arrived by Bull.
 */
describe('reminders, end to end (API + a worker process)', () => {
  const sharedRedisUrl = process.env.REDIS_URL;
  let redis: PrivateRedis;
  let worker: Spawned;
  let t: TestApp;
  let queue: Queue;
  let office: string;
  let leader: string;
  let manager: string;
  let staff: string;
  let coManager: string;
  let coStaff: string;
  let justice: string;
  let approval: string;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    process.env.REDIS_URL = redis.url;
    t = await createTestApp();
    queue = t.app.get<Queue>(getQueueToken(REMINDER_QUEUE));
    await resetDatabase(t.dataSource);
    await seedPeople(t);
    await sentLog.install(t);
    const tokens = Promise.all(
      ['office', 'leader', 'justice-manager', 'justice-staff', 'approval-manager', 'approval-staff'].map(
        (u) => login(t, u),
      ),
    );
    [worker, [office, leader, manager, staff, coManager, coStaff]] = await Promise.all([
      startWorker('worker', { redisUrl: redis.url, sweepInterval: 'PT1M' }),
      tokens,
    ]);
    justice = await departmentId(t.dataSource, 'justice');
    approval = await departmentId(t.dataSource, 'approval');
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    if (t) await sentLog.drop(t);
    await t?.close();
    await redis?.kill();
    if (sharedRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = sharedRedisUrl;
  });

  const deadlineRows = (rows: ReminderRow[]) => rows.filter((r) => DEADLINE_KINDS.includes(r.kind));
  const ms = (iso: string | null) => new Date(iso as string).getTime();

  /** Whether Bull holds a job for the reminder, and in which state. */
  const jobState = async (reminderId: string) => {
    const job = await queue.getJob(reminderJobId(reminderId));
    return job ? job.getState() : 'gone';
  };

  it('sends before-due, overdue and escalation notices once each, on time and in order, to the widening circle', async () => {
    const { targetId } = await createPlan(t, office, '提醒时序', {
      beforeDue: ['PT4S', 'PT2S'],
      escalations: ['PT2S', 'PT4S'],
      acceptWithin: 'PT30S',
    });
    const due = Date.now() + 7000;
    const task = await createTask(t, office, {
      targetId,
      title: '限期完成普法责任清单',
      leadDepartmentId: justice,
      coDepartmentIds: [approval],
      dueAt: new Date(due),
    });
    await step(t, office, task.id, 'assign');
    await step(t, manager, task.id, 'accept');

    await until(due + 4000);
    const rows = await waitFor(
      'every deadline reminder sent',
      () => remindersOf(t, office, task.id),
      (all) => deadlineRows(all).every((r) => r.status === 'sent'),
      8000,
    );

    const deadline = deadlineRows(rows);
    expect(deadline.map((r) => [r.kind, r.offset, r.level])).toEqual([
      ['before_due', 'PT4S', 0],
      ['before_due', 'PT2S', 0],
      ['overdue', 'PT0S', 0],
      ['escalation', 'PT2S', 1],
      ['escalation', 'PT4S', 2],
    ]);
    expect(deadline.map((r) => ms(r.dueAt) - due)).toEqual([-4000, -2000, 0, 2000, 4000]);
    // Bull's delays carried them: each went out at its moment (a claim may run up to 1 s early; a busy
    // machine may lag a little — the once-a-minute sweep would be up to a minute late), in order.
    for (const r of deadline) {
      expect(ms(r.sentAt)).toBeGreaterThanOrEqual(ms(r.dueAt) - 1000);
      expect(ms(r.sentAt)).toBeLessThan(ms(r.dueAt) + 5000);
    }
    const sent = deadline.map((r) => ms(r.sentAt));
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    // Each claimed once and marked sent once.
    const claimed = (await claims(t, [task.id])).filter((r) => DEADLINE_KINDS.includes(r.kind));
    expect(claimed.map((r) => r.attempts)).toEqual([1, 1, 1, 1, 1]);
    const writes = await sentLog.count(
      t,
      claimed.map((r) => r.id),
    );
    expect(claimed.map((r) => writes[r.id])).toEqual([1, 1, 1, 1, 1]);
    expect(rows.find((r) => r.kind === 'accept_overdue')?.status).toBe('cancelled');
    expect(rows.find((r) => r.kind === 'assigned')?.status).toBe('sent');

    // Each person's inbox, oldest first: every notice once, the circle widening as the task runs late.
    expect(await noticeKinds(t, manager, task.id)).toEqual([
      'assigned',
      'before_due',
      'before_due',
      'overdue',
      'escalation',
      'escalation',
    ]);
    expect(await noticeKinds(t, staff, task.id)).toEqual(['assigned', 'before_due', 'before_due', 'overdue']);
    expect(await noticeKinds(t, coManager, task.id)).toEqual(['assigned', 'before_due', 'before_due']);
    expect(await noticeKinds(t, coStaff, task.id)).toEqual(['assigned', 'before_due', 'before_due']);
    expect(await noticeKinds(t, office, task.id)).toEqual(['overdue', 'escalation', 'escalation']);
    expect(await noticeKinds(t, leader, task.id)).toEqual(['escalation']);
    const [escalation2] = (await inbox(t, leader)).filter((n) => n.taskId === task.id);
    expect(escalation2.title).toContain('督办');
  }, 30_000);

  it('sends nothing for a moved deadline: the old jobs fire into cancelled rows, the new ones deliver', async () => {
    const { targetId } = await createPlan(t, office, '截止时间调整', {
      beforeDue: ['PT1S'],
      escalations: ['PT1S'],
      acceptWithin: 'P1D',
    });
    const start = Date.now();
    const oldDue = start + 5000;
    const newDue = start + 10_000;
    const spec = { targetId, leadDepartmentId: justice, dueAt: new Date(oldDue) };
    const patched = await createTask(t, office, { ...spec, title: '修改截止时间的任务' });
    const extended = await createTask(t, office, { ...spec, title: '批准延期的任务' });
    for (const task of [patched, extended]) await step(t, office, task.id, 'assign');
    const accepted = await step(t, manager, patched.id, 'accept');
    await step(t, manager, extended.id, 'accept');
    const oldRows = [
      ...deadlineRows(await remindersOf(t, office, patched.id)),
      ...deadlineRows(await remindersOf(t, office, extended.id)),
    ];
    expect(oldRows).toHaveLength(6);
    await waitFor(
      'the old deadline jobs on Bull',
      () => Promise.all(oldRows.map((r) => jobState(r.id))),
      (states) => states.every((s) => s === 'delayed'),
      2000,
      50,
    );

    await t
      .http()
      .patch(`${API}/tasks/${patched.id}`)
      .set(auth(office))
      .send({ version: accepted.version, dueAt: new Date(newDue).toISOString() })
      .expect(200);
    const request = await t
      .http()
      .post(`${API}/tasks/${extended.id}/extensions`)
      .set(auth(manager))
      .send({ requestedDueAt: new Date(newDue).toISOString(), reason: '需等待上级文件出台' })
      .expect(201);
    await t
      .http()
      .post(`${API}/extensions/${request.body.id}/decide`)
      .set(auth(office))
      .send({ decision: 'approve' })
      .expect(200);
    // The old before-due job is due at oldDue − 1 s and may claim 1 s early: all of this came before.
    expect(Date.now()).toBeLessThan(oldDue - 2000);
    // The old jobs are still on Bull, to fire at the old moments.
    expect(await Promise.all(oldRows.map((r) => jobState(r.id)))).toEqual(oldRows.map(() => 'delayed'));

    await until(newDue + 1000);
    for (const task of [patched, extended]) {
      const rows = await waitFor(
        'the new deadline reminders sent',
        () => remindersOf(t, office, task.id),
        (all) => deadlineRows(all).filter((r) => r.status === 'sent').length === 3,
        5000,
      );
      const byVersion = (v: number) => deadlineRows(rows).filter((r) => r.deadlineVersion === v);
      // Cancelled by the re-planning, for the reason it gave; the old jobs found nothing to claim.
      const replanned = '任务状态或截止时间已变化 (task changed)';
      expect(byVersion(1).map((r) => [r.kind, r.status, r.sentAt, r.message])).toEqual([
        ['before_due', 'cancelled', null, replanned],
        ['overdue', 'cancelled', null, replanned],
        ['escalation', 'cancelled', null, replanned],
      ]);
      const old = new Set(byVersion(1).map((r) => r.id));
      expect((await claims(t, [task.id])).filter((r) => old.has(r.id)).map((r) => r.attempts)).toEqual([
        0, 0, 0,
      ]);
      const fresh = byVersion(2);
      expect(fresh.map((r) => [r.kind, r.status])).toEqual([
        ['before_due', 'sent'],
        ['overdue', 'sent'],
        ['escalation', 'sent'],
      ]);
      expect(fresh.map((r) => ms(r.dueAt) - newDue)).toEqual([-1000, 0, 1000]);

      // The manager heard of the new deadline only: one notice of each kind, none before its new moment.
      const notices = (await inbox(t, manager)).filter(
        (n) => n.taskId === task.id && DEADLINE_KINDS.includes(n.kind),
      );
      expect(notices.map((n) => n.kind)).toEqual(['before_due', 'overdue', 'escalation']);
      notices.forEach((n, i) => expect(ms(n.createdAt)).toBeGreaterThanOrEqual(ms(fresh[i].dueAt) - 1000));
    }
    // The old jobs did fire (completed and removed, not failed) and sent nothing.
    expect(await Promise.all(oldRows.map((r) => jobState(r.id)))).toEqual(oldRows.map(() => 'gone'));
  }, 30_000);

  it('cancels what is pending when a task is completed or cancelled: those reminders end cancelled, no notice', async () => {
    const { targetId } = await createPlan(t, office, '办结撤销', {
      beforeDue: ['PT1S'],
      escalations: ['PT1S'],
      acceptWithin: 'PT4S',
    });
    const due = Date.now() + 5000;
    const spec = { targetId, leadDepartmentId: justice, coDepartmentIds: [approval], dueAt: new Date(due) };
    const completed = await createTask(t, office, { ...spec, title: '提前办结的任务' });
    const cancelled = await createTask(t, office, { ...spec, title: '撤销的任务' });
    const control = await createTask(t, office, { ...spec, title: '照常提醒的任务' });
    for (const task of [completed, cancelled, control]) await step(t, office, task.id, 'assign');
    const planned = [
      ...(await remindersOf(t, office, completed.id)),
      ...(await remindersOf(t, office, cancelled.id)),
    ].filter((r) => r.kind !== 'assigned');
    expect(planned.map((r) => r.kind).sort()).toEqual(
      ['accept_overdue', 'before_due', 'escalation', 'overdue'].flatMap((k) => [k, k]),
    );

    await step(t, manager, completed.id, 'accept');
    await reportProgress(t, staff, completed.id, 100);
    await step(t, manager, completed.id, 'submit');
    await step(t, office, completed.id, 'complete');
    await step(t, office, cancelled.id, 'cancel', { reason: '任务调整，不再执行' });
    await step(t, manager, control.id, 'accept');
    expect(Date.now()).toBeLessThan(due - 2000);
    const jobs = await Promise.all(planned.map((r) => jobState(r.id)));
    expect(jobs).toEqual(planned.map(() => 'delayed'));

    await until(due + 1000);
    await waitFor(
      "the control task's reminders sent",
      () => remindersOf(t, office, control.id),
      (all) => deadlineRows(all).every((r) => r.status === 'sent'),
      5000,
    );
    // The closed tasks' jobs fired at the same moments; give them time to have sent anything they would.
    await waitFor(
      'the closed tasks’ jobs to have run',
      () => Promise.all(planned.map((r) => jobState(r.id))),
      (states) => states.every((s) => s === 'gone'),
      5000,
    );

    for (const task of [completed, cancelled]) {
      // Cancelled when the task closed (the sign-for reminder of the completed one already when it was
      // signed for), for that reason; the jobs that fired later found nothing to claim.
      const rows = await remindersOf(t, office, task.id);
      const closed = '任务已关闭 (task closed)';
      const signed = task === completed ? '任务状态或截止时间已变化 (task changed)' : closed;
      expect(
        rows.filter((r) => r.kind !== 'assigned').map((r) => [r.kind, r.status, r.sentAt, r.message]),
      ).toEqual(
        expect.arrayContaining([
          ['before_due', 'cancelled', null, closed],
          ['overdue', 'cancelled', null, closed],
          ['escalation', 'cancelled', null, closed],
          ['accept_overdue', 'cancelled', null, signed],
        ]),
      );
      expect(rows).toHaveLength(5);
      const attempts = (await claims(t, [task.id]))
        .filter((r) => r.kind !== 'assigned')
        .map((r) => r.attempts);
      expect(attempts).toEqual([0, 0, 0, 0]);
      for (const token of [manager, staff, coStaff, office, leader]) {
        expect(await noticeKinds(t, token, task.id)).toEqual(
          token === office || token === leader ? [] : ['assigned'],
        );
      }
    }
    expect(await noticeKinds(t, manager, control.id)).toEqual([
      'assigned',
      'before_due',
      'overdue',
      'escalation',
    ]);
  }, 30_000);

  it('reminds a department that owes its monthly report exactly once, and not once it has reported', async () => {
    // The report day (the 1st, 00:00 in the plan's zone) has always passed by now this month.
    const { planId, targetId } = await createPlan(
      t,
      office,
      '月报提醒',
      { beforeDue: [], escalations: [], acceptWithin: 'P3D', monthlyReportCron: '0 0 1 * *' },
      'draft',
    );
    const [audit, petitions] = await Promise.all(
      ['audit', 'petitions'].map((c) => departmentId(t.dataSource, c)),
    );
    const [auditManager, auditStaff, petitionsManager, petitionsStaff] = await Promise.all(
      ['audit-manager', 'audit-staff', 'petitions-manager', 'petitions-staff'].map((u) => login(t, u)),
    );
    const dueAt = new Date(Date.now() + 30 * 86_400_000);
    const owing = await createTask(t, office, {
      targetId,
      title: '审计整改',
      leadDepartmentId: audit,
      dueAt,
    });
    const reported = await createTask(t, office, {
      targetId,
      title: '信访化解',
      leadDepartmentId: petitions,
      dueAt,
    });
    for (const [task, token] of [
      [owing, auditManager],
      [reported, petitionsManager],
    ] as const) {
      await step(t, office, task.id, 'assign');
      await step(t, token, task.id, 'accept');
    }
    await reportProgress(t, petitionsStaff, reported.id, 30);
    // Activated only now, so that no sweep saw the plan before the report above was filed.
    await t.http().patch(`${API}/plans/${planId}`).set(auth(office)).send({ status: 'active' }).expect(200);

    const sweeper = t.app.get(ReminderSweepService);
    const sweep = async () => {
      // The worker's own sweep may hold the lock at this moment; ours then waits for the next turn.
      await waitFor(
        'a sweep that ran',
        () => sweeper.sweep('test'),
        (r) => r.ran,
        10_000,
        100,
      );
    };
    const monthly = async (token: string) =>
      (await inbox(t, token)).filter((n) => n.kind === 'monthly_report');
    const monthlyRows = () =>
      t.dataSource.query<{ department_id: string; status: string; attempts: number }[]>(
        `SELECT department_id, status, attempts FROM reminders WHERE plan_id = $1 AND kind = 'monthly_report'`,
        [planId],
      );

    await sweep();
    expect(await monthlyRows()).toEqual([{ department_id: audit, status: 'sent', attempts: 1 }]);
    for (const token of [auditManager, auditStaff]) {
      const notices = await monthly(token);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ taskId: null, title: expect.stringContaining('月报') });
    }
    expect(await monthly(petitionsManager)).toEqual([]);
    expect(await monthly(petitionsStaff)).toEqual([]);

    await sweep();
    await reportProgress(t, auditStaff, owing.id, 40);
    await sweep();
    expect(await monthlyRows()).toEqual([{ department_id: audit, status: 'sent', attempts: 1 }]);
    expect(await monthly(auditManager)).toHaveLength(1);
    expect(await monthly(auditStaff)).toHaveLength(1);
    expect(await monthly(petitionsStaff)).toEqual([]);
  }, 30_000);
});
