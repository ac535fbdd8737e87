import { plan2021 } from '../../src/seed/data/report-2021.data';
import { seedDepartments } from '../../src/seed/seed-2021';
import { seedDemoUsers } from '../../src/seed/seed-demo';
import { API, TestApp } from './app';
import { sleep } from './worker-processes';

/** What GET /tasks/:id/reminders answers per row. */
export interface ReminderRow {
  id: string;
  kind: string;
  dueAt: string;
  status: string;
  sentAt: string | null;
  offset: string | null;
  level: number;
  deadlineVersion: number | null;
  message: string | null;
  recipients: { userIds: string[]; departmentIds: string[] } | null;
}

/** What GET /notifications answers per notice. */
export interface Notice {
  id: string;
  kind: string;
  taskId: string | null;
  title: string;
  createdAt: string;
}

export interface ReminderPolicy {
  beforeDue: string[];
  escalations: string[];
  acceptWithin: string;
  monthlyReportCron?: string;
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Departments and the demo accounts (password test-password-123), without the seeded plans. */
export async function seedPeople(t: TestApp): Promise<void> {
  await t.dataSource.transaction((em) => seedDepartments(em, plan2021.departments));
  await seedDemoUsers(t.dataSource, 'test-password-123');
}

/** A plan with the given reminder policy and one responsibility → target to hang tasks on. */
export async function createPlan(
  t: TestApp,
  office: string,
  title: string,
  policy: ReminderPolicy,
  status: 'draft' | 'active' = 'active',
): Promise<{ planId: string; targetId: string }> {
  const plan = await t
    .http()
    .post(`${API}/plans`)
    .set(auth(office))
    .send({ title, year: new Date().getFullYear(), status, policy })
    .expect(201);
  const responsibility = await t
    .http()
    .post(`${API}/plans/${plan.body.id}/responsibilities`)
    .set(auth(office))
    .send({ code: 'R1', title: '提醒测试责任' })
    .expect(201);
  const target = await t
    .http()
    .post(`${API}/responsibilities/${responsibility.body.id}/targets`)
    .set(auth(office))
    .send({ code: 'T1', title: '提醒测试目标' })
    .expect(201);
  return { planId: plan.body.id, targetId: target.body.id };
}

/** A draft task from an hour ago to `dueAt`. */
export async function createTask(
  t: TestApp,
  office: string,
  spec: {
    targetId: string;
    title: string;
    leadDepartmentId: string;
    coDepartmentIds?: string[];
    dueAt: Date;
  },
): Promise<{ id: string; version: number }> {
  const res = await t
    .http()
    .post(`${API}/tasks`)
    .set(auth(office))
    .send({
      targetId: spec.targetId,
      title: spec.title,
      leadDepartmentId: spec.leadDepartmentId,
      coDepartmentIds: spec.coDepartmentIds ?? [],
      startAt: new Date(Date.now() - 3_600_000).toISOString(),
      dueAt: spec.dueAt.toISOString(),
    })
    .expect(201);
  return res.body;
}

/** POST /tasks/:id/<action>, expecting 200; answers the task. */
export async function step(
  t: TestApp,
  token: string,
  taskId: string,
  action: string,
  body: object = {},
): Promise<{ id: string; status: string; version: number }> {
  const res = await t.http().post(`${API}/tasks/${taskId}/${action}`).set(auth(token)).send(body);
  if (res.status !== 200) throw new Error(`${action} ${taskId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function reportProgress(
  t: TestApp,
  token: string,
  taskId: string,
  percent: number,
): Promise<void> {
  await t
    .http()
    .post(`${API}/tasks/${taskId}/progress-reports`)
    .set(auth(token))
    .send({ percent, summary: `已完成 ${percent}%` })
    .expect(201);
}

export async function remindersOf(t: TestApp, token: string, taskId: string): Promise<ReminderRow[]> {
  const res = await t.http().get(`${API}/tasks/${taskId}/reminders`).set(auth(token)).expect(200);
  return res.body;
}

/** The caller's whole inbox, oldest first (the API answers newest first). */
export async function inbox(t: TestApp, token: string): Promise<Notice[]> {
  const items: Notice[] = [];
  for (let page = 1; ; page += 1) {
    const res = await t
      .http()
      .get(`${API}/notifications?page=${page}&pageSize=200`)
      .set(auth(token))
      .expect(200);
    items.push(...(res.body.items as Notice[]));
    if (items.length >= res.body.total || res.body.items.length === 0) break;
  }
  return items.reverse();
}

/** The kinds of the caller's notices about one task, oldest first. */
export async function noticeKinds(t: TestApp, token: string, taskId: string): Promise<string[]> {
  return (await inbox(t, token)).filter((n) => n.taskId === taskId).map((n) => n.kind);
}

/** Polls `probe` until `done` holds of its answer; fails with the last answer when time runs out. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(value)}`);
    }
    await sleep(intervalMs);
  }
}

/** Sleeps until the given moment (no-op when it has passed). */
export async function until(at: number): Promise<void> {
  await sleep(Math.max(0, at - Date.now()));
}

/** A reminder row with what the API does not show: how often it was claimed, and by whom. */
export interface ClaimRow {
  id: string;
  taskId: string;
  kind: string;
  status: string;
  attempts: number;
  claimedBy: string | null;
  /** Whether its moment has come. */
  due: boolean;
}

export async function claims(t: TestApp, taskIds: string[]): Promise<ClaimRow[]> {
  return t.dataSource.query(
    `SELECT id, task_id AS "taskId", kind, status, attempts, claimed_by AS "claimedBy", due_at <= now() AS due
       FROM reminders WHERE task_id = ANY($1) ORDER BY due_at, kind`,
    [taskIds],
  );
}

/**
 * Instrumentation of the run's database, for counting: a trigger logs every write that marks a reminder
 * sent. A reminder delivered twice (claimed twice, or delivered without a claim) is marked sent twice, even
 * when the unique inbox index hides the second notice. It lives in a schema of its own, out of reach of
 * resetDatabase and of other suites' row counts, and `drop` removes it.
 */
export const sentLog = {
  async install(t: TestApp): Promise<void> {
    await t.dataSource.query('CREATE SCHEMA IF NOT EXISTS reminder_probe');
    await t.dataSource.query(
      `CREATE TABLE IF NOT EXISTS reminder_probe.sent_writes (
         reminder_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    await t.dataSource.query('TRUNCATE reminder_probe.sent_writes');
    await t.dataSource.query(
      `CREATE OR REPLACE FUNCTION reminder_probe.log_sent() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO reminder_probe.sent_writes (reminder_id) VALUES (NEW.id);
         RETURN NULL;
       END $$`,
    );
    await t.dataSource.query('DROP TRIGGER IF EXISTS reminder_probe_sent ON public.reminders');
    await t.dataSource.query(
      `CREATE TRIGGER reminder_probe_sent AFTER UPDATE ON public.reminders
         FOR EACH ROW WHEN (NEW.status = 'sent') EXECUTE FUNCTION reminder_probe.log_sent()`,
    );
  },

  /** How many times each reminder was marked sent (absent: never). */
  async count(t: TestApp, reminderIds: string[]): Promise<Record<string, number>> {
    const rows = await t.dataSource.query<{ reminder_id: string; n: number }[]>(
      `SELECT reminder_id, count(*)::int AS n FROM reminder_probe.sent_writes
        WHERE reminder_id = ANY($1) GROUP BY reminder_id`,
      [reminderIds],
    );
    return Object.fromEntries(rows.map((r) => [r.reminder_id, r.n]));
  },

  async drop(t: TestApp): Promise<void> {
    await t.dataSource.query('DROP TRIGGER IF EXISTS reminder_probe_sent ON public.reminders');
    await t.dataSource.query('DROP SCHEMA IF EXISTS reminder_probe CASCADE');
  },
};
