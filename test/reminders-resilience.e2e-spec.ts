import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import Redis from 'ioredis';
import { Client } from 'pg';
import { REMINDER_QUEUE, reminderJobId } from '../src/common/queues/queues';
import { ReminderSweepService } from '../src/modules/notifications/reminder-sweep.service';
import { createTestApp, login, resetDatabase, TestApp } from './support/app';
import { departmentId } from './support/fixtures';
import {
  claims,
  createPlan,
  createTask,
  inbox,
  noticeKinds,
  remindersOf,
  reportProgress,
  seedPeople,
  sentLog,
  step,
  until,
  waitFor,
} from './support/reminder-fixtures';
import { PrivateRedis, sleep, Spawned, startWorker } from './support/worker-processes';

const WORKER = { sweepInterval: 'PT1S' };

/**
 * What PostgreSQL as the source of truth buys: reminders survive a flushed Redis, a killed worker, many
 * workers racing, and Redis being down. This process serves the API; workers are separate processes on a
 * Redis of this file's own, which the tests flush, kill and restart.
 */
describe('reminders survive failures (API + worker processes, private Redis)', () => {
  const sharedRedisUrl = process.env.REDIS_URL;
  let redis: PrivateRedis;
  let t: TestApp;
  let queue: Queue;
  const workers: Spawned[] = [];
  let office: string;
  let manager: string;
  let staff: string;
  let justice: string;
  let approval: string;
  let targetId: string;
  const departments: string[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    process.env.REDIS_URL = redis.url;
    t = await createTestApp();
    queue = t.app.get<Queue>(getQueueToken(REMINDER_QUEUE));
    await resetDatabase(t.dataSource);
    await seedPeople(t);
    await sentLog.install(t);
    [office, manager, staff] = await Promise.all(
      ['office', 'justice-manager', 'justice-staff'].map((u) => login(t, u)),
    );
    justice = await departmentId(t.dataSource, 'justice');
    approval = await departmentId(t.dataSource, 'approval');
    for (const code of ['court', 'procuratorate', 'audit', 'petitions', 'housing', 'finance']) {
      departments.push(await departmentId(t.dataSource, code));
    }
    ({ targetId } = await createPlan(t, office, '提醒可靠性', {
      beforeDue: ['PT3S'],
      escalations: ['PT1S', 'PT2S'],
      acceptWithin: 'P1D',
    }));
  }, 30_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    if (t) await sentLog.drop(t);
    await t?.close();
    await redis?.kill();
    if (sharedRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = sharedRedisUrl;
  });

  const spawnWorkers = async (...names: string[]) => {
    const started = await Promise.all(
      names.map((name) => startWorker(name, { ...WORKER, redisUrl: redis.url })),
    );
    workers.push(...started);
    return started;
  };
  /** Tops the running workers up to `count` (the earlier tests leave three). */
  const ensureWorkers = async (count: number) => {
    const missing = count - workers.filter((w) => w.running).length;
    if (missing > 0) {
      await spawnWorkers(...Array.from({ length: missing }, (_, i) => `worker-${workers.length + i + 1}`));
    }
  };

  /** Tasks of the suite's plan with a co-organizer, due at `due`, assigned (not yet signed for). */
  async function tasksDueAt(due: number, count: number, lead = justice): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const task = await createTask(t, office, {
        targetId,
        title: `到期任务 ${i + 1}`,
        leadDepartmentId: lead,
        coDepartmentIds: [approval],
        dueAt: new Date(due),
      });
      await step(t, office, task.id, 'assign');
      ids.push(task.id);
    }
    return ids;
  }

  /**
   * Every reminder of the tasks that is due by now went out exactly once: sent, claimed once (a second
   * claim would have counted an attempt), marked sent once (a delivery without a claim would mark it
   * again), and one inbox notice per recipient, no more, no fewer.
   */
  async function expectDeliveredOnce(taskIds: string[]): Promise<void> {
    const rows = (await claims(t, taskIds)).filter((r) => r.due);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
    const writes = await sentLog.count(
      t,
      rows.map((r) => r.id),
    );
    expect(
      rows.filter((r) => writes[r.id] !== 1).map((r) => ({ ...r, sentWrites: writes[r.id] ?? 0 })),
    ).toEqual([]);
    const [{ expected, delivered, duplicates }] = await t.dataSource.query<
      { expected: number; delivered: number; duplicates: number }[]
    >(
      `SELECT (SELECT coalesce(sum(jsonb_array_length(recipients->'userIds')), 0)::int
                 FROM reminders WHERE id = ANY($1)) AS expected,
              (SELECT count(*)::int FROM notifications WHERE reminder_id = ANY($1)) AS delivered,
              (SELECT count(*)::int FROM (
                 SELECT 1 FROM notifications n JOIN reminders r ON r.id = n.reminder_id
                  WHERE n.reminder_id = ANY($1)
                  GROUP BY n.user_id, r.task_id, r.kind, r.offset HAVING count(*) > 1) d) AS duplicates`,
      [rows.map((r) => r.id)],
    );
    expect(expected).toBeGreaterThan(0);
    expect({ delivered, duplicates }).toEqual({ delivered: expected, duplicates: 0 });
  }

  const allSent = (taskIds: string[], timeoutMs: number) =>
    waitFor(
      'every due reminder sent',
      async () => (await claims(t, taskIds)).filter((r) => r.due && r.status !== 'sent'),
      (unsent) => unsent.length === 0,
      timeoutMs,
    );

  it('delivers, exactly once, a reminder whose worker was killed (SIGKILL) in the middle of delivering it', async () => {
    const [doomed] = await spawnWorkers('worker-1');
    // Hold the inbox table: a worker that has claimed a reminder then waits at its first notice — mid-job,
    // with the claim made and nothing committed. (No test hook in the delivery code is needed for this.)
    const locker = new Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE notifications IN EXCLUSIVE MODE');
      const [taskId] = await tasksDueAt(Date.now() + 3_600_000, 1);
      // Assigning plans the 交办 notice for now: worker-1 takes its job at once.
      const [assigned] = (await remindersOf(t, office, taskId)).filter((r) => r.kind === 'assigned');
      // Text-independent: a backend that holds its claim's lock on reminders and waits for the inbox table.
      const stuck = await waitFor(
        'worker-1 to have claimed the reminder and to wait at writing the notices',
        () =>
          t.dataSource.query<{ pid: number }[]>(
            `SELECT w.pid FROM pg_locks w
              WHERE w.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                AND w.relation = 'notifications'::regclass AND NOT w.granted
                AND EXISTS (SELECT 1 FROM pg_locks c WHERE c.pid = w.pid AND c.granted
                              AND c.relation = 'reminders'::regclass AND c.mode = 'RowExclusiveLock')`,
          ),
        (rows) => rows.length > 0,
        30_000,
        50,
      );
      expect(stuck).toHaveLength(1);

      // Others are running when it dies; its job and its claim are what they have to recover.
      const survivors = await spawnWorkers('worker-2', 'worker-3', 'worker-4');
      await doomed.kill('SIGKILL');
      const [row] = await claims(t, [taskId]).then((rows) => rows.filter((r) => r.id === assigned.id));
      expect(row).toMatchObject({ status: 'pending', attempts: 0, claimedBy: null });
      expect(await noticeKinds(t, manager, taskId)).toEqual([]);

      await locker.query('ROLLBACK');
      const [sent] = await waitFor(
        'the reminder sent by a surviving worker',
        () => claims(t, [taskId]).then((rows) => rows.filter((r) => r.id === assigned.id)),
        ([r]) => r.status === 'sent',
        20_000,
      );
      const deliveredBy = Number(sent.claimedBy?.split(':').pop());
      expect(survivors.map((w) => w.pid)).toContain(deliveredBy);
      expect(deliveredBy).not.toBe(doomed.pid);
      expect(sent.attempts).toBe(1);
      expect(await noticeKinds(t, manager, taskId)).toEqual(['assigned']);
      expect(await noticeKinds(t, staff, taskId)).toEqual(['assigned']);
      await expectDeliveredOnce([taskId]);
    } finally {
      await locker.end();
    }
  }, 120_000);

  it('delivers as many notices as reminders with three workers and two concurrent sweeps racing', async () => {
    await ensureWorkers(3);
    const due = Date.now() + 12_000;
    const taskIds: string[] = [];
    for (const lead of departments) taskIds.push(...(await tasksDueAt(due, 5, lead)));
    expect(Date.now()).toBeLessThan(due - 4000);

    // From the before-due moment to the last escalation, this process sweeps twice at once, over and over,
    // while the three workers run their Bull jobs and their own sweeps.
    const sweeper = t.app.get(ReminderSweepService);
    await until(due - 3000);
    let sweeps = 0;
    while (Date.now() < due + 3000) {
      const results = await Promise.all([sweeper.sweep('test-sweep-a'), sweeper.sweep('test-sweep-b')]);
      sweeps += results.filter((r) => r.ran).length;
      await sleep(20);
    }
    expect(sweeps).toBeGreaterThan(0);
    await allSent(taskIds, 5000);

    const rows = (await claims(t, taskIds)).filter((r) => r.due);
    // assigned, before_due, overdue and two escalations for each of the 30 tasks.
    expect(rows).toHaveLength(30 * 5);
    await expectDeliveredOnce(taskIds);
    // The race was real: more than one process delivered.
    const claimers = new Set(rows.map((r) => r.claimedBy));
    expect(claimers.size).toBeGreaterThan(1);
    // What a user sees: the manager of a lead department has one notice of each kind per task.
    const courtManager = await login(t, 'court-manager');
    const courtNotices = (await inbox(t, courtManager)).filter((n) => taskIds.includes(n.taskId ?? ''));
    expect(courtNotices.map((n) => n.kind).sort()).toEqual(
      ['assigned', 'before_due', 'overdue', 'escalation', 'escalation']
        .flatMap((k) => Array(5).fill(k))
        .sort(),
    );
  }, 60_000);

  it('loses nothing and repeats nothing when Redis is flushed after the reminders were queued', async () => {
    await ensureWorkers(1);
    const due = Date.now() + 8000;
    const taskIds = await tasksDueAt(due, 4);
    const pending = (await claims(t, taskIds)).filter((r) => !r.due);
    await waitFor(
      'the reminders queued on Bull',
      () => Promise.all(pending.map((r) => queue.getJob(reminderJobId(r.id)))),
      (jobs) => jobs.every((j) => j !== null),
      3000,
      50,
    );
    await waitFor(
      'the 交办 notices sent',
      () => claims(t, taskIds),
      (rows) => rows.filter((r) => r.kind === 'assigned').every((r) => r.status === 'sent'),
      5000,
    );

    const client = new Redis(redis.url);
    try {
      await client.flushall();
      expect(await client.dbsize()).toBe(0);
    } finally {
      client.disconnect();
    }
    // Before the first of them could fire (a claim may come 1 s early).
    expect(Date.now()).toBeLessThan(due - 4000);

    await until(due + 2000);
    await allSent(taskIds, 5000);
    await expectDeliveredOnce(taskIds);
    expect(await noticeKinds(t, manager, taskIds[0])).toEqual([
      'assigned',
      'before_due',
      'overdue',
      'escalation',
      'escalation',
    ]);
  }, 30_000);

  it('keeps API writes fast while Redis is down, and delivers every reminder once when it is back', async () => {
    await ensureWorkers(1);
    const plan = await createPlan(t, office, 'Redis 停机', {
      beforeDue: ['PT2S'],
      escalations: ['PT6S'],
      acceptWithin: 'P1D',
    });
    const due = Date.now() + 6000;
    const spec = { targetId: plan.targetId, leadDepartmentId: justice, dueAt: new Date(due) };
    // Queued on Bull before Redis goes: those jobs are lost with it (it keeps nothing on disk).
    const queued = await createTask(t, office, { ...spec, title: 'Redis 停机前交办' });
    await step(t, office, queued.id, 'assign');
    const jobs = (await claims(t, [queued.id])).filter((r) => !r.due);
    await waitFor(
      'the reminders queued on Bull',
      () => Promise.all(jobs.map((r) => queue.getJob(reminderJobId(r.id)))),
      (found) => found.every((j) => j !== null),
      3000,
      50,
    );
    await redis.kill();

    const took: Record<string, number> = {};
    const timed = async <T>(what: string, write: () => Promise<T>): Promise<T> => {
      const began = Date.now();
      const result = await write();
      took[what] = Date.now() - began;
      return result;
    };
    const created = await timed('create', () =>
      createTask(t, office, { ...spec, title: 'Redis 停机期间交办' }),
    );
    await timed('assign', () => step(t, office, created.id, 'assign'));
    await timed('accept', () => step(t, manager, created.id, 'accept'));
    await timed('report', () => reportProgress(t, staff, created.id, 20));
    // Each write answered within 3 s (none waits for Redis).
    expect(Object.entries(took).filter(([, ms]) => ms >= 3000)).toEqual([]);
    const taskIds = [queued.id, created.id];

    // While Redis is away, the workers' fallback timers sweep: what falls due now still goes out.
    await until(due + 500);
    await waitFor(
      'the 交办, before-due and overdue notices sent while Redis is down',
      () => claims(t, taskIds),
      (rows) => rows.filter((r) => r.kind !== 'escalation' && r.due).every((r) => r.status === 'sent'),
      3000,
    );
    await redis.start();
    const back = Date.now();
    expect(back).toBeLessThan(due + 5000);

    // The escalations fall due after Redis is back, empty: delivered from PostgreSQL all the same.
    await until(due + 6500);
    await allSent(taskIds, 6000);
    await expectDeliveredOnce(taskIds);
    for (const taskId of taskIds) {
      const [escalation] = (await remindersOf(t, office, taskId)).filter((r) => r.kind === 'escalation');
      expect(new Date(escalation.sentAt as string).getTime()).toBeGreaterThan(back);
      expect(await noticeKinds(t, manager, taskId)).toEqual([
        'assigned',
        'before_due',
        'overdue',
        'escalation',
      ]);
    }
  }, 40_000);
});
