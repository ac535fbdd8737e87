import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { API, createTestApp, login, resetDatabase, TestApp } from './support/app';
import { departmentId, seedDemo } from './support/fixtures';
import { parseCsv } from './support/supervision-fixtures';

/**
 * "No one gets in where they don't belong": every route of the OpenAPI document, as every role and as
 * nobody, on the caller's own department's objects and on another department's, with the status the
 * policy below calls for.
 *
 * The policy is written out by hand here — who may call each route, and whether a department user is
 * confined to its own tasks — and never read from the route decorators, so that a wrong decorator shows.
 * A route the app serves and the table does not list fails the test, and so does a listed route the app
 * does not serve.
 *
 * Expected answers: nobody → 401 (public routes aside); a role the route is not for → 403; a department
 * user on a task where its department is neither lead nor co-organizer → 404 (as if it did not exist); an
 * allowed caller on its own object with a valid body → 2xx. Requests that must be refused all run against
 * objects in a state where the step would succeed, and must leave every table as it was; requests that must
 * succeed each get objects of their own.
 */

// ------------------------------------------------------------------ the policy (hand-written)

const ROLES = ['admin', 'office', 'leader', 'observer', 'dept_manager', 'dept_staff'] as const;
type RoleName = (typeof ROLES)[number];
type Caller = RoleName | 'anonymous';
const CALLERS: Caller[] = [...ROLES, 'anonymous'];
const DEPARTMENT_ROLES: RoleName[] = ['dept_manager', 'dept_staff'];
const isDepartmentRole = (c: Caller): boolean => (DEPARTMENT_ROLES as Caller[]).includes(c);

/**
 * How far a department user reaches on the route's object:
 * - task: tasks where its department is lead or co-organizer (and what hangs off them); others → 404;
 * - lead-task: the same, and the step itself is for the lead department only: on a task where it is
 *   co-organizer → 403 (or 409);
 * - department: its own department only; another → `foreign`;
 * - own-user (every role): the caller's own notices; another user's → 404.
 */
type Scope = 'task' | 'lead-task' | 'department' | 'own-user';

interface Rule {
  /** 'public': no token needed; otherwise the roles that may call the route. */
  who: 'public' | readonly RoleName[];
  scope?: Scope;
  /** For scope 'department': the answer on another department. */
  foreign?: 403 | 404;
}

const PUBLIC: Rule = { who: 'public' };
const EVERYONE = ROLES;
const OFFICE: RoleName[] = ['office'];
const ADMIN: RoleName[] = ['admin'];
const OFFICE_ADMIN: RoleName[] = ['office', 'admin'];

const POLICY: Record<string, Rule> = {
  // accounts and sessions
  'POST /auth/login': PUBLIC,
  'POST /auth/refresh': PUBLIC,
  'POST /auth/logout': { who: EVERYONE },
  'POST /auth/password': { who: EVERYONE },
  'GET /auth/me': { who: EVERYONE },
  'GET /users': { who: ADMIN },
  'POST /users': { who: ADMIN },
  'GET /users/{id}': { who: ADMIN },
  'PATCH /users/{id}': { who: ADMIN },
  'GET /audit-log': { who: ['admin', 'office', 'observer'] },
  'GET /health': PUBLIC,

  // departments, their robots and calendar feeds
  'GET /departments': { who: EVERYONE },
  'GET /departments/{id}': { who: EVERYONE },
  'POST /departments': { who: ADMIN },
  'PATCH /departments/{id}': { who: ADMIN },
  'GET /departments/{id}/webhooks': { who: OFFICE_ADMIN },
  'POST /departments/{id}/webhooks': { who: OFFICE_ADMIN },
  'PATCH /webhooks/{id}': { who: OFFICE_ADMIN },
  'DELETE /webhooks/{id}': { who: OFFICE_ADMIN },
  'POST /departments/{id}/calendar-token': {
    who: ['office', 'admin', 'dept_manager'],
    scope: 'department',
    foreign: 403,
  },
  'GET /calendar/{file}': PUBLIC,

  // the plan
  'GET /plans': { who: EVERYONE },
  'POST /plans': { who: OFFICE },
  'GET /plans/{id}': { who: EVERYONE },
  'PATCH /plans/{id}': { who: OFFICE },
  'GET /plans/{id}/tree': { who: EVERYONE },
  'POST /plans/{id}/responsibilities': { who: OFFICE },
  'POST /responsibilities/{id}/targets': { who: OFFICE },
  'POST /plans/{id}/problems': { who: OFFICE },
  'POST /plans/{id}/action-items': { who: OFFICE },
  'GET /targets/{id}/indicators': { who: EVERYONE },
  'POST /targets/{id}/indicators': { who: OFFICE },
  'GET /indicators/{id}/readings': { who: EVERYONE },

  // tasks and their life cycle
  'GET /tasks': { who: EVERYONE },
  'GET /tasks/export': { who: EVERYONE },
  'POST /tasks': { who: OFFICE },
  'GET /tasks/{id}': { who: EVERYONE, scope: 'task' },
  'PATCH /tasks/{id}': { who: OFFICE },
  'GET /tasks/{id}/comments': { who: EVERYONE, scope: 'task' },
  'POST /tasks/{id}/comments': {
    who: ['office', 'leader', 'observer', 'dept_manager', 'dept_staff'],
    scope: 'task',
  },
  'POST /tasks/{id}/assign': { who: OFFICE },
  'POST /tasks/{id}/accept': { who: ['dept_manager'], scope: 'lead-task' },
  'POST /tasks/{id}/submit': { who: ['dept_manager'], scope: 'lead-task' },
  'POST /tasks/{id}/complete': { who: OFFICE },
  'POST /tasks/{id}/return': { who: OFFICE },
  'POST /tasks/{id}/cancel': { who: OFFICE },
  'POST /tasks/{id}/urge': { who: ['office', 'leader', 'observer'] },
  'GET /tasks/{id}/reminders': { who: EVERYONE, scope: 'task' },

  // progress reports and extensions
  'GET /tasks/{id}/progress-reports': { who: EVERYONE, scope: 'task' },
  'POST /tasks/{id}/progress-reports': { who: ['dept_manager', 'dept_staff'], scope: 'task' },
  'GET /progress-reports': { who: EVERYONE },
  'GET /progress-reports/{id}': { who: EVERYONE, scope: 'task' },
  'POST /progress-reports/{id}/review': { who: OFFICE },
  'GET /extensions': { who: EVERYONE },
  'GET /tasks/{id}/extensions': { who: EVERYONE, scope: 'task' },
  'POST /tasks/{id}/extensions': { who: ['dept_manager'], scope: 'lead-task' },
  'POST /extensions/{id}/decide': { who: OFFICE },

  // the inbox
  'GET /notifications': { who: EVERYONE },
  'POST /notifications/read-all': { who: EVERYONE },
  'POST /notifications/{id}/read': { who: EVERYONE, scope: 'own-user' },

  // supervision
  'GET /dashboard/summary': { who: EVERYONE },
  'GET /dashboard/departments': { who: EVERYONE },
  'GET /dashboard/departments/{id}/score': { who: EVERYONE, scope: 'department', foreign: 404 },
  'POST /bulletins': { who: OFFICE },
  'GET /bulletins': { who: EVERYONE },
  'GET /bulletins/{id}': { who: EVERYONE },
  'GET /bulletins/{id}/export': { who: EVERYONE },
};

/**
 * Which object a request aims at. For tasks: `lead` — the caller's department leads it; `co` — it is a
 * co-organizer; `foreign` — neither. For departments: `own` / `foreign`. For notices: `own` / `other`
 * (another user's). `none`: the route has no such object.
 */
type Variant = 'lead' | 'co' | 'foreign' | 'own' | 'other' | 'none';

function variantsFor(rule: Rule, caller: Caller): Variant[] {
  if (caller === 'anonymous') return [rule.scope === 'own-user' ? 'own' : rule.scope ? 'foreign' : 'none'];
  switch (rule.scope) {
    case undefined:
      return ['none'];
    case 'own-user':
      return ['own', 'other'];
    case 'department':
      return isDepartmentRole(caller) ? ['own', 'foreign'] : ['foreign'];
    case 'task':
    case 'lead-task':
      // Roles outside the departments see every task: one of another department stands for all.
      return isDepartmentRole(caller) ? ['lead', 'co', 'foreign'] : ['foreign'];
  }
}

/** The statuses that fit; 'ok' is any 2xx. */
type Expected = 'ok' | number[];

function expectedFor(rule: Rule, caller: Caller, variant: Variant): Expected {
  if (rule.who === 'public') return 'ok';
  if (caller === 'anonymous') return [401];
  if (!rule.who.includes(caller)) return [403];
  if (rule.scope === 'own-user' && variant === 'other') return [404];
  if (isDepartmentRole(caller)) {
    if ((rule.scope === 'task' || rule.scope === 'lead-task') && variant === 'foreign') return [404];
    if (rule.scope === 'lead-task' && variant === 'co') return [403, 409];
    if (rule.scope === 'department' && variant === 'foreign') return [rule.foreign ?? 404];
  }
  return 'ok';
}

// ------------------------------------------------------------------ requests

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

interface Req {
  url: string;
  body?: unknown;
  /** Another caller's token of the same role (for routes that end the caller's sessions). */
  token?: string;
}

interface Case {
  route: string;
  method: Method;
  caller: Caller;
  variant: Variant;
  expected: Expected;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PASSWORD = 'test-password-123';

const describeVariant: Record<Variant, string> = {
  lead: 'own department leads',
  co: 'own department co-organizes',
  foreign: 'another department’s',
  own: 'own',
  other: 'another user’s',
  none: '',
};

describe('access matrix', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, { security?: unknown[] }>> };
  let planId: string;
  let targetId: string;
  let indicatorId: string;
  /** justice: the department users' own; approval: a partner; market-regulation: a stranger. */
  const dept: Record<'own' | 'partner' | 'stranger', string> = { own: '', partner: '', stranger: '' };
  const tokens: Partial<Record<Caller, string>> = {};
  /** Managers of the lead departments of the fixtures (to move tasks along) and an outside user. */
  const helpers: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  let seq = 0;
  const next = (): number => (seq += 1);

  const http = () => t.http();
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function call(method: Method, url: string, token: string | undefined, body?: unknown) {
    let req = http()[method](url);
    if (token) req = req.set(bearer(token));
    if (body !== undefined) req = req.send(body as object);
    return req;
  }

  async function ok(method: Method, url: string, token: string, body?: unknown): Promise<Response> {
    const res = await call(method, url, token, body);
    if (res.status >= 300) {
      throw new Error(`fixture: ${method.toUpperCase()} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res;
  }

  // ---------------------------------------------------------------- fixtures

  type TaskState = 'draft' | 'assigned' | 'in_progress' | 'submitted';
  interface TaskFixture {
    id: string;
    reportId?: string;
  }

  /** Lead and co-organizers of a task of the given kind (from the justice bureau's point of view). */
  const parties = (v: Variant): { lead: string; co: string[]; leadManager: string } => {
    if (v === 'lead') return { lead: dept.own, co: [dept.partner], leadManager: 'justice-manager' };
    if (v === 'co') return { lead: dept.partner, co: [dept.own], leadManager: 'approval-manager' };
    return { lead: dept.stranger, co: [dept.partner], leadManager: 'market-regulation-manager' };
  };

  /** A task of the current plan made through the API and moved to `state`. */
  async function makeTask(v: Variant, state: TaskState): Promise<TaskFixture> {
    const p = parties(v);
    const now = Date.now();
    const created = await ok('post', `${API}/tasks`, tokens.office as string, {
      targetId,
      title: `矩阵任务 ${v === 'foreign' ? 'STRANGER' : v.toUpperCase()}-${next()}`,
      leadDepartmentId: p.lead,
      coDepartmentIds: p.co,
      startAt: new Date(now - DAY).toISOString(),
      dueAt: new Date(now + 60 * DAY).toISOString(),
    });
    const id = created.body.id as string;
    const fixture: TaskFixture = { id };
    if (state === 'draft') return fixture;
    await ok('post', `${API}/tasks/${id}/assign`, tokens.office as string, {});
    if (state === 'assigned') return fixture;
    await ok('post', `${API}/tasks/${id}/accept`, helpers[p.leadManager], {});
    const report = await ok('post', `${API}/tasks/${id}/progress-reports`, helpers[p.leadManager], {
      percent: 40,
      summary: '完成阶段性工作',
    });
    fixture.reportId = report.body.id as string;
    if (state === 'in_progress') return fixture;
    await ok('post', `${API}/tasks/${id}/submit`, helpers[p.leadManager], {});
    return fixture;
  }

  async function taskVersion(id: string): Promise<number> {
    const [row] = await t.dataSource.query<{ version: number }[]>('SELECT version FROM tasks WHERE id = $1', [
      id,
    ]);
    return row.version;
  }

  async function taskDueAt(id: string): Promise<Date> {
    const [row] = await t.dataSource.query<{ due_at: Date }[]>('SELECT due_at FROM tasks WHERE id = $1', [
      id,
    ]);
    return row.due_at;
  }

  /** A delivered notice in the user's inbox (as the worker writes them). */
  async function makeNotice(userId: string): Promise<string> {
    const [reminder] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO reminders (dedupe_key, kind, plan_id, task_id, due_at, status, sent_at)
       VALUES ($1, 'urge', $2, NULL, now(), 'sent', now()) RETURNING id`,
      [`matrix:${randomUUID()}`, planId],
    );
    const [notice] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO notifications (user_id, reminder_id, kind, task_id, title, body)
       VALUES ($1, $2, 'urge', NULL, '催办', '请尽快报送') RETURNING id`,
      [userId, reminder.id],
    );
    return notice.id;
  }

  /** A fresh account of the role (for steps that end the caller's own sessions). */
  async function makeUser(role: RoleName): Promise<{ id: string; username: string; token: string }> {
    const username = `matrix-${role.replace('_', '-')}-${next()}`;
    const res = await ok('post', `${API}/users`, tokens.admin as string, {
      username,
      displayName: '矩阵测试用户',
      password: PASSWORD,
      role,
      ...(isDepartmentRole(role) ? { departmentId: dept.own } : {}),
    });
    return { id: res.body.id as string, username, token: await login(t, username) };
  }

  async function makeWebhook(): Promise<string> {
    const res = await ok('post', `${API}/departments/${dept.own}/webhooks`, tokens.office as string, {
      url: 'https://hooks.example.com/worktracker',
      format: 'json',
    });
    return res.body.id as string;
  }

  async function makeExtension(variant: Variant = 'lead'): Promise<string> {
    const task = await makeTask(variant, 'in_progress');
    const due = await taskDueAt(task.id);
    const res = await ok(
      'post',
      `${API}/tasks/${task.id}/extensions`,
      helpers[parties(variant).leadManager],
      {
        requestedDueAt: new Date(due.getTime() + 30 * DAY).toISOString(),
        reason: '需等待上级文件',
      },
    );
    return res.body.id as string;
  }

  /** Objects shared by the requests that must be refused (and by reads): each in a state where the step works. */
  const shared: {
    tasks: Record<string, Record<TaskState, TaskFixture>>;
    extensionId: string;
    webhookId: string;
    bulletinId: string;
    calendarFile: string;
    notices: Record<string, string>;
    scratchPlanId: string;
    responsibilityId: string;
    scratchDepartmentId: string;
    scratchUserId: string;
  } = {
    tasks: {},
    extensionId: '',
    webhookId: '',
    bulletinId: '',
    calendarFile: '',
    notices: {},
    scratchPlanId: '',
    responsibilityId: '',
    scratchDepartmentId: '',
    scratchUserId: '',
  };

  const currentMonth = (): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
      .format(new Date())
      .slice(0, 7);

  beforeAll(async () => {
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    ({ currentPlanId: planId } = await seedDemo(t));
    dept.own = await departmentId(t.dataSource, 'justice');
    dept.partner = await departmentId(t.dataSource, 'approval');
    dept.stranger = await departmentId(t.dataSource, 'market-regulation');
    const usernames: Record<RoleName, string> = {
      admin: 'admin',
      office: 'office',
      leader: 'leader',
      observer: 'observer',
      dept_manager: 'justice-manager',
      dept_staff: 'justice-staff',
    };
    for (const role of ROLES) tokens[role] = await login(t, usernames[role]);
    for (const name of ['justice-manager', 'approval-manager', 'market-regulation-manager']) {
      helpers[name] = name === 'justice-manager' ? (tokens.dept_manager as string) : await login(t, name);
    }
    const users = await t.dataSource.query<{ id: string; username: string }[]>(
      `SELECT id, username FROM users`,
    );
    for (const u of users) userIds[u.username] = u.id;

    const tree = await ok('get', `${API}/plans/${planId}/tree`, tokens.office as string);
    const target = (
      tree.body.responsibilities as { targets: { id: string; indicators: { id: string }[] }[] }[]
    )
      .flatMap((r) => r.targets)
      .find((x) => x.indicators.length > 0);
    if (!target) throw new Error('the seed has no target with an indicator');
    targetId = target.id;
    indicatorId = target.indicators[0].id;

    for (const v of ['lead', 'co', 'foreign'] as Variant[]) {
      shared.tasks[v] = {
        draft: await makeTask(v, 'draft'),
        assigned: await makeTask(v, 'assigned'),
        in_progress: await makeTask(v, 'in_progress'),
        submitted: await makeTask(v, 'submitted'),
      };
      // Something under each task for the reads to find: a comment, a pending extension request on the
      // lead's behalf is made below, reminders come with the assignment.
      await ok('post', `${API}/tasks/${shared.tasks[v].in_progress.id}/comments`, tokens.office as string, {
        text: '请按期推进',
      });
    }
    shared.extensionId = await makeExtension();
    shared.webhookId = await makeWebhook();
    shared.bulletinId = (
      await ok('post', `${API}/bulletins`, tokens.office as string, { planId, month: currentMonth() })
    ).body.id as string;
    const calendar = await ok(
      'post',
      `${API}/departments/${dept.own}/calendar-token`,
      tokens.office as string,
    );
    shared.calendarFile = (calendar.body.url as string).split('/').pop() as string;
    // Each role's own notice, and one of a user outside the roles (another department's staff).
    for (const username of ['admin', 'office', 'leader', 'observer', 'justice-manager', 'justice-staff']) {
      shared.notices[username] = await makeNotice(userIds[username]);
    }
    shared.notices.stranger = await makeNotice(userIds['market-regulation-staff']);
    shared.scratchPlanId = (
      await ok('post', `${API}/plans`, tokens.office as string, {
        title: '矩阵测试计划',
        year: new Date().getFullYear(),
        status: 'draft',
      })
    ).body.id as string;
    shared.responsibilityId = (
      await ok('post', `${API}/plans/${shared.scratchPlanId}/responsibilities`, tokens.office as string, {
        code: 'R1',
        title: '矩阵测试责任',
      })
    ).body.id as string;
    shared.scratchDepartmentId = (
      await ok('post', `${API}/departments`, tokens.admin as string, {
        code: 'matrix-unit',
        name: '矩阵测试单位',
        kind: 'government',
      })
    ).body.id as string;
    shared.scratchUserId = (await makeUser('dept_staff')).id;

    const res = await http().get('/api/docs-json').expect(200);
    doc = res.body as typeof doc;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  // ---------------------------------------------------------------- how to call each route

  /**
   * A valid request for the route, aimed at the variant's object. `fresh`: the request is to succeed and
   * changes state, so it gets objects of its own; otherwise the shared objects serve.
   */
  type Builder = (c: { caller: Caller; variant: Variant; fresh: boolean }) => Promise<Req>;

  const taskOf = async (variant: Variant, state: TaskState, fresh: boolean): Promise<TaskFixture> =>
    fresh ? makeTask(variant, state) : shared.tasks[variant === 'none' ? 'foreign' : variant][state];

  const usernameOf = (caller: Caller): string =>
    ({
      admin: 'admin',
      office: 'office',
      leader: 'leader',
      observer: 'observer',
      dept_manager: 'justice-manager',
      dept_staff: 'justice-staff',
      anonymous: 'observer',
    })[caller];

  const departmentOf = (variant: Variant): string => (variant === 'own' ? dept.own : dept.stranger);

  const CALLS: Record<string, Builder> = {
    'POST /auth/login': async ({ caller }) => ({
      url: `${API}/auth/login`,
      body: { username: usernameOf(caller), password: PASSWORD },
    }),
    'POST /auth/refresh': async () => {
      const res = await ok('post', `${API}/auth/login`, '', { username: 'observer', password: PASSWORD });
      return { url: `${API}/auth/refresh`, body: { refreshToken: res.body.refreshToken } };
    },
    'POST /auth/logout': async ({ caller, fresh }) => {
      if (!fresh) return { url: `${API}/auth/logout`, body: {} };
      // The caller's own session (a second login): its refresh tokens end, the matrix's token lives on.
      const res = await ok('post', `${API}/auth/login`, '', {
        username: usernameOf(caller),
        password: PASSWORD,
      });
      return { url: `${API}/auth/logout`, body: { refreshToken: res.body.refreshToken } };
    },
    'POST /auth/password': async ({ caller, fresh }) => {
      const body = { currentPassword: PASSWORD, newPassword: 'a-new-password-2026' };
      if (!fresh || caller === 'anonymous') return { url: `${API}/auth/password`, body };
      // Changing the password ends the caller's sessions: a fresh account of the same role does it.
      const user = await makeUser(caller);
      return { url: `${API}/auth/password`, body, token: user.token };
    },
    'GET /auth/me': async () => ({ url: `${API}/auth/me` }),
    'GET /users': async () => ({ url: `${API}/users` }),
    'POST /users': async () => ({
      url: `${API}/users`,
      body: {
        username: `matrix-new-${next()}`,
        displayName: '新用户',
        password: PASSWORD,
        role: 'admin',
      },
    }),
    'GET /users/{id}': async () => ({ url: `${API}/users/${userIds['justice-staff']}` }),
    'PATCH /users/{id}': async ({ caller, fresh }) =>
      fresh
        ? { url: `${API}/users/${shared.scratchUserId}`, body: { displayName: '改名用户' } }
        : // Refused callers try to make themselves admin.
          { url: `${API}/users/${userIds[usernameOf(caller)]}`, body: { role: 'admin' } },
    'GET /audit-log': async () => ({ url: `${API}/audit-log` }),
    'GET /health': async () => ({ url: '/health' }),

    'GET /departments': async () => ({ url: `${API}/departments` }),
    'GET /departments/{id}': async () => ({ url: `${API}/departments/${dept.stranger}` }),
    'POST /departments': async () => ({
      url: `${API}/departments`,
      body: { code: `matrix-d${next()}`, name: `矩阵单位${seq}`, kind: 'street' },
    }),
    'PATCH /departments/{id}': async () => ({
      url: `${API}/departments/${shared.scratchDepartmentId}`,
      body: { name: `矩阵单位改名${next()}` },
    }),
    'GET /departments/{id}/webhooks': async () => ({ url: `${API}/departments/${dept.own}/webhooks` }),
    'POST /departments/{id}/webhooks': async () => ({
      url: `${API}/departments/${dept.own}/webhooks`,
      body: { url: 'https://hooks.example.com/new', format: 'dingtalk' },
    }),
    'PATCH /webhooks/{id}': async () => ({
      url: `${API}/webhooks/${shared.webhookId}`,
      body: { enabled: false },
    }),
    'DELETE /webhooks/{id}': async ({ fresh }) => ({
      url: `${API}/webhooks/${fresh ? await makeWebhook() : shared.webhookId}`,
    }),
    'POST /departments/{id}/calendar-token': async ({ variant }) => ({
      url: `${API}/departments/${departmentOf(variant)}/calendar-token`,
    }),
    'GET /calendar/{file}': async () => ({ url: `/calendar/${shared.calendarFile}` }),

    'GET /plans': async () => ({ url: `${API}/plans` }),
    'POST /plans': async () => ({
      url: `${API}/plans`,
      body: { title: `矩阵计划${next()}`, year: new Date().getFullYear(), status: 'draft' },
    }),
    'GET /plans/{id}': async () => ({ url: `${API}/plans/${planId}` }),
    'PATCH /plans/{id}': async () => ({
      url: `${API}/plans/${shared.scratchPlanId}`,
      body: { description: `说明${next()}` },
    }),
    'GET /plans/{id}/tree': async () => ({ url: `${API}/plans/${planId}/tree` }),
    'POST /plans/{id}/responsibilities': async () => ({
      url: `${API}/plans/${shared.scratchPlanId}/responsibilities`,
      body: { code: `R${next() + 10}`, title: '新增责任' },
    }),
    'POST /responsibilities/{id}/targets': async () => ({
      url: `${API}/responsibilities/${shared.responsibilityId}/targets`,
      body: { code: `T${next() + 10}`, title: '新增目标' },
    }),
    'POST /plans/{id}/problems': async () => ({
      url: `${API}/plans/${shared.scratchPlanId}/problems`,
      body: { code: `P${next() + 10}`, title: '新增问题' },
    }),
    'POST /plans/{id}/action-items': async () => ({
      url: `${API}/plans/${shared.scratchPlanId}/action-items`,
      body: { code: `A${next() + 10}`, title: '新增安排' },
    }),
    'GET /targets/{id}/indicators': async () => ({ url: `${API}/targets/${targetId}/indicators` }),
    'POST /targets/{id}/indicators': async () => ({
      url: `${API}/targets/${targetId}/indicators`,
      body: { code: `matrix-${next()}`, name: '矩阵指标', unit: '件', direction: 'gte', targetValue: 10 },
    }),
    'GET /indicators/{id}/readings': async () => ({ url: `${API}/indicators/${indicatorId}/readings` }),

    'GET /tasks': async () => ({ url: `${API}/tasks?planId=${planId}` }),
    'GET /tasks/export': async () => ({ url: `${API}/tasks/export?format=csv&planId=${planId}` }),
    'POST /tasks': async () => ({
      url: `${API}/tasks`,
      body: {
        targetId,
        title: `矩阵新任务${next()}`,
        leadDepartmentId: dept.own,
        coDepartmentIds: [dept.partner],
        startAt: new Date(Date.now() - DAY).toISOString(),
        dueAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    }),
    'GET /tasks/{id}': async ({ variant }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'in_progress', false)).id}`,
    }),
    'PATCH /tasks/{id}': async ({ variant, fresh }) => {
      const task = await taskOf(variant, 'in_progress', fresh);
      return {
        url: `${API}/tasks/${task.id}`,
        body: { version: await taskVersion(task.id), title: `改名任务${next()}` },
      };
    },
    'GET /tasks/{id}/comments': async ({ variant }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'in_progress', false)).id}/comments`,
    }),
    'POST /tasks/{id}/comments': async ({ variant, fresh }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'in_progress', fresh)).id}/comments`,
      body: { text: '请于月底前报送阶段成果' },
    }),
    'POST /tasks/{id}/assign': async ({ variant, fresh }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'draft', fresh)).id}/assign`,
      body: {},
    }),
    'POST /tasks/{id}/accept': async ({ variant, fresh }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'assigned', fresh)).id}/accept`,
      body: {},
    }),
    'POST /tasks/{id}/submit': async ({ variant, fresh }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'in_progress', fresh)).id}/submit`,
      body: {},
    }),
    'POST /tasks/{id}/complete': async ({ variant, fresh }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'submitted', fresh)).id}/complete`,
      body: {},
    }),
    'POST /tasks/{id}/return': async ({ variant, fresh }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'submitted', fresh)).id}/return`,
      body: { reason: '材料不全' },
    }),
    'POST /tasks/{id}/cancel': async ({ variant, fresh }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'in_progress', fresh)).id}/cancel`,
      body: { reason: '任务调整' },
    }),
    'POST /tasks/{id}/urge': async ({ variant, fresh }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'in_progress', fresh)).id}/urge`,
      body: { message: '请于本周五前报送进展' },
    }),
    'GET /tasks/{id}/reminders': async ({ variant }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'in_progress', false)).id}/reminders`,
    }),
    'GET /tasks/{id}/progress-reports': async ({ variant }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'in_progress', false)).id}/progress-reports`,
    }),
    'POST /tasks/{id}/progress-reports': async ({ variant, fresh }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'in_progress', fresh)).id}/progress-reports`,
      body: { percent: 70, summary: '已完成主要工作' },
    }),
    'GET /progress-reports': async () => ({ url: `${API}/progress-reports?planId=${planId}` }),
    'GET /progress-reports/{id}': async ({ variant }) => ({
      url: `${API}/progress-reports/${(await taskOf(variant, 'in_progress', false)).reportId}`,
    }),
    'POST /progress-reports/{id}/review': async ({ variant, fresh }) => ({
      url: `${API}/progress-reports/${(await taskOf(variant, 'in_progress', fresh)).reportId}/review`,
      body: { decision: 'accept', comment: '同意' },
    }),
    'GET /extensions': async () => ({ url: `${API}/extensions?planId=${planId}` }),
    'GET /tasks/{id}/extensions': async ({ variant }) => ({
      url: `${API}/tasks/${(await taskOf(variant, 'in_progress', false)).id}/extensions`,
    }),
    'POST /tasks/{id}/extensions': async ({ variant, fresh }) => {
      const task = await taskOf(variant, 'in_progress', fresh);
      const due = await taskDueAt(task.id);
      return {
        url: `${API}/tasks/${task.id}/extensions`,
        body: { requestedDueAt: new Date(due.getTime() + 30 * DAY).toISOString(), reason: '需等待上级文件' },
      };
    },
    'POST /extensions/{id}/decide': async ({ fresh }) => ({
      url: `${API}/extensions/${fresh ? await makeExtension() : shared.extensionId}/decide`,
      body: { decision: 'approve', comment: '同意延期' },
    }),

    'GET /notifications': async () => ({ url: `${API}/notifications` }),
    'POST /notifications/read-all': async () => ({ url: `${API}/notifications/read-all` }),
    'POST /notifications/{id}/read': async ({ caller, variant, fresh }) => {
      if (variant === 'other') return { url: `${API}/notifications/${shared.notices.stranger}/read` };
      const username = usernameOf(caller);
      const id = fresh ? await makeNotice(userIds[username]) : shared.notices[username];
      return { url: `${API}/notifications/${id}/read` };
    },

    'GET /dashboard/summary': async () => ({ url: `${API}/dashboard/summary?planId=${planId}` }),
    'GET /dashboard/departments': async () => ({ url: `${API}/dashboard/departments?planId=${planId}` }),
    'GET /dashboard/departments/{id}/score': async ({ variant }) => ({
      url: `${API}/dashboard/departments/${departmentOf(variant)}/score?planId=${planId}`,
    }),
    'POST /bulletins': async () => ({ url: `${API}/bulletins`, body: { planId, month: currentMonth() } }),
    'GET /bulletins': async () => ({ url: `${API}/bulletins?planId=${planId}` }),
    'GET /bulletins/{id}': async () => ({ url: `${API}/bulletins/${shared.bulletinId}` }),
    'GET /bulletins/{id}/export': async () => ({
      url: `${API}/bulletins/${shared.bulletinId}/export?format=xlsx`,
    }),
  };

  // ---------------------------------------------------------------- the matrix

  /** The app's routes, as `METHOD /path` without the API prefix. */
  function appRoutes(): string[] {
    return Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`),
    );
  }

  it('lists every route of the app in the policy table, and only those', () => {
    const routes = appRoutes();
    const unlisted = routes.filter((r) => !POLICY[r]);
    const missing = Object.keys(POLICY).filter((r) => !routes.includes(r));
    expect({ unlisted, missing }).toEqual({ unlisted: [], missing: [] });
    expect(Object.keys(POLICY).filter((r) => !CALLS[r])).toEqual([]);
  });

  it('answers every route, as every caller, on own and foreign objects, as the policy says', async () => {
    const started = Date.now();
    const routes = appRoutes().filter((r) => POLICY[r] && CALLS[r]);
    const cases: Case[] = routes.flatMap((route) => {
      const [m] = route.split(' ');
      const method = m.toLowerCase() as Method;
      return CALLERS.flatMap((caller) =>
        variantsFor(POLICY[route], caller).map((variant) => ({
          route,
          method,
          caller,
          variant,
          expected: expectedFor(POLICY[route], caller, variant),
        })),
      );
    });
    const succeeds = (c: Case) => c.expected === 'ok' && c.method !== 'get';
    const failures: string[] = [];
    const observed = new Map<string, number>();

    const run = async (c: Case, fresh: boolean): Promise<void> => {
      let req: Req;
      try {
        req = await CALLS[c.route]({ caller: c.caller, variant: c.variant, fresh });
      } catch (error) {
        failures.push(`${label(c)}: could not prepare: ${(error as Error).message}`);
        return;
      }
      const token = c.caller === 'anonymous' ? undefined : (req.token ?? tokens[c.caller]);
      const res = await call(c.method, req.url, token, req.body);
      observed.set(`${c.route}|${c.caller}|${c.variant}`, res.status);
      const fine =
        c.expected === 'ok' ? res.status >= 200 && res.status < 300 : c.expected.includes(res.status);
      if (!fine) {
        const want = c.expected === 'ok' ? '2xx' : c.expected.join(' or ');
        const body = JSON.stringify(res.body ?? res.text).slice(0, 200);
        failures.push(
          `${label(c)}: expected ${want}, got ${res.status} — ${c.method.toUpperCase()} ${req.url}` +
            `${req.body !== undefined ? ` ${JSON.stringify(req.body)}` : ''} → ${body}`,
        );
      }
    };

    // 1. Everything that must be refused, and every read: none of it may change a row.
    const before = await tableContents();
    const quiet = cases.filter((c) => !succeeds(c));
    let index = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (index < quiet.length) {
          const c = quiet[index];
          index += 1;
          await run(c, false);
        }
      }),
    );
    const after = await tableContents();
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    if (changed.length) {
      failures.push(`refused requests and reads changed these tables: ${changed.join(', ')}`);
    }

    // 2. Every write that must succeed, each on objects of its own.
    for (const c of cases.filter(succeeds)) await run(c, true);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `access matrix: ${cases.length} requests over ${routes.length} routes × ${CALLERS.length} callers ` +
        `(${quiet.length} refused or read-only, ${cases.length - quiet.length} writes) in ${seconds} s, ` +
        `${failures.length ? `${failures.length} failures` : 'all as the policy says'}; ` +
        `a co-organizer's manager on lead-only steps answered ${[...observed]
          .filter(([k]) => k.endsWith('|dept_manager|co') && POLICY[k.split('|')[0]].scope === 'lead-task')
          .map(([k, s]) => `${k.split('|')[0]}: ${s}`)
          .join(', ')}`,
    );
    expect(failures.sort().join('\n')).toBe('');
  }, 300_000);

  function label(c: Case): string {
    const v = describeVariant[c.variant];
    return `${c.route} as ${c.caller}${v ? ` (${v})` : ''}`;
  }

  /** A fingerprint of every table's contents. */
  async function tableContents(): Promise<Record<string, string>> {
    const tables = await t.dataSource.query<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { tablename } of tables) {
      const [{ h }] = await t.dataSource.query<{ h: string }[]>(
        `SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${tablename}" x`,
      );
      out[tablename] = h;
    }
    return out;
  }

  // ---------------------------------------------------------------- outside the OpenAPI document

  it('opens the queue dashboard to the office and admins only', async () => {
    const failures: string[] = [];
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      for (const caller of CALLERS) {
        const expected = caller === 'anonymous' ? 401 : ['office', 'admin'].includes(caller) ? 200 : 403;
        const res = await call('get', path, tokens[caller]);
        if (res.status !== expected)
          failures.push(`GET ${path} as ${caller}: expected ${expected}, got ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never shows a password hash, a token or a webhook secret, not even to those who read accounts and the audit log', async () => {
    // A session whose refresh token we hold, and a webhook with a secret: both must stay unseen.
    const session = await ok('post', `${API}/auth/login`, '', { username: 'observer', password: PASSWORD });
    await ok('post', `${API}/auth/refresh`, '', { refreshToken: session.body.refreshToken });
    const webhookSecret = `SEC${randomUUID().replace(/-/g, '')}`;
    await ok('post', `${API}/departments/${dept.own}/webhooks`, tokens.office as string, {
      url: 'https://hooks.example.com/signed',
      format: 'json',
      secret: webhookSecret,
    });
    const stored = await t.dataSource.query<{ v: string }[]>(
      `SELECT password_hash AS v FROM users
       UNION ALL SELECT token_hash FROM refresh_tokens
       UNION ALL SELECT token_hash FROM department_calendar_tokens`,
    );
    const secrets = [
      ...stored.map((x) => x.v.trim()),
      webhookSecret,
      session.body.refreshToken as string,
      shared.calendarFile.replace(/\.ics$/, ''),
    ];
    expect(secrets.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    const scan = (what: string, text: string) => {
      for (const secret of secrets)
        if (text.includes(secret)) leaks.push(`${what} shows ${secret.slice(0, 12)}…`);
    };
    for (const [role, url] of [
      ['admin', `${API}/users`],
      ['admin', `${API}/audit-log`],
      ['observer', `${API}/audit-log`],
      ['office', `${API}/departments/${dept.own}/webhooks`],
    ] as const) {
      for (let page = 1; ; page += 1) {
        const res = await ok('get', `${url}?page=${page}&pageSize=200`, tokens[role] as string);
        scan(`GET ${url} page ${page} as ${role}`, res.text);
        if (page * 200 >= (res.body.total as number)) break;
      }
    }
    const user = await ok('get', `${API}/users/${userIds.observer}`, tokens.admin as string);
    scan('GET /users/:id', user.text);
    expect(leaks).toEqual([]);
  });

  // ---------------------------------------------------------------- what department users see in lists

  describe('lists, counts, roll-ups, exports and search show a department only its own tasks', () => {
    /** Ground truth from the tables: the tasks where the justice bureau is lead or co-organizer. */
    async function ownTasks(inPlan?: string): Promise<{ id: string; code: string }[]> {
      return t.dataSource.query(
        `SELECT t.id, t.code FROM tasks t
          WHERE (t.lead_department_id = $1
                 OR EXISTS (SELECT 1 FROM task_co_departments c WHERE c.task_id = t.id AND c.department_id = $1))
            AND ($2::uuid IS NULL OR t.plan_id = $2)
          ORDER BY t.id`,
        [dept.own, inPlan ?? null],
      );
    }

    async function allPages<T>(url: string, token: string): Promise<T[]> {
      const items: T[] = [];
      for (let page = 1; ; page += 1) {
        const sep = url.includes('?') ? '&' : '?';
        const res = await ok('get', `${url}${sep}page=${page}&pageSize=200`, token);
        items.push(...(res.body.items as T[]));
        if (items.length >= (res.body.total as number) || res.body.items.length === 0) return items;
      }
    }

    const departmentCallers = ['dept_manager', 'dept_staff'] as const;

    it.each(departmentCallers)('GET /tasks as %s: exactly the tasks of its department', async (role) => {
      const own = await ownTasks();
      const seen = await allPages<{ id: string }>(`${API}/tasks`, tokens[role] as string);
      expect(seen.map((x) => x.id).sort()).toEqual(own.map((x) => x.id).sort());
      expect(own.map((x) => x.id)).toEqual(expect.arrayContaining([shared.tasks.co.draft.id]));
      // The office sees the stranger's tasks: the fixture is there to be hidden.
      const all = await allPages<{ id: string }>(`${API}/tasks`, tokens.office as string);
      expect(all.map((x) => x.id)).toContain(shared.tasks.foreign.in_progress.id);
    });

    it.each(departmentCallers)(
      'GET /tasks?q= and ?departmentId= as %s find no foreign task',
      async (role) => {
        const token = tokens[role] as string;
        const search = await ok('get', `${API}/tasks?q=STRANGER`, token);
        expect(search.body.total).toBe(0);
        expect(
          (await ok('get', `${API}/tasks?q=STRANGER`, tokens.office as string)).body.total,
        ).toBeGreaterThan(0);
        const byStranger = await allPages<{
          id: string;
          leadDepartmentId: string;
          coDepartmentIds: string[];
        }>(`${API}/tasks?departmentId=${dept.stranger}`, token);
        for (const task of byStranger) {
          expect([task.leadDepartmentId, ...task.coDepartmentIds]).toContain(dept.own);
        }
      },
    );

    it.each(departmentCallers)('GET /progress-reports as %s: only reports on its tasks', async (role) => {
      const expected = await t.dataSource.query<{ id: string }[]>(
        `SELECT r.id FROM progress_reports r JOIN tasks t ON t.id = r.task_id
          WHERE t.lead_department_id = $1
             OR EXISTS (SELECT 1 FROM task_co_departments c WHERE c.task_id = t.id AND c.department_id = $1)`,
        [dept.own],
      );
      const seen = await allPages<{ id: string }>(`${API}/progress-reports`, tokens[role] as string);
      expect(seen.map((x) => x.id).sort()).toEqual(expected.map((x) => x.id).sort());
      expect(seen.map((x) => x.id)).toContain(shared.tasks.co.in_progress.reportId);
      expect(seen.map((x) => x.id)).not.toContain(shared.tasks.foreign.in_progress.reportId);
    });

    it.each(departmentCallers)('GET /extensions as %s: only requests on its tasks', async (role) => {
      const expected = await t.dataSource.query<{ id: string }[]>(
        `SELECT e.id FROM extension_requests e JOIN tasks t ON t.id = e.task_id
          WHERE t.lead_department_id = $1
             OR EXISTS (SELECT 1 FROM task_co_departments c WHERE c.task_id = t.id AND c.department_id = $1)`,
        [dept.own],
      );
      const seen = await allPages<{ id: string }>(`${API}/extensions`, tokens[role] as string);
      expect(seen.map((x) => x.id).sort()).toEqual(expected.map((x) => x.id).sort());
      // One on another department's task, which the office sees and the department must not.
      const foreign = await makeExtension('foreign');
      const all = await allPages<{ id: string }>(`${API}/extensions`, tokens.office as string);
      expect(all.map((x) => x.id)).toContain(foreign);
      const again = await allPages<{ id: string }>(`${API}/extensions`, tokens[role] as string);
      expect(again.map((x) => x.id)).not.toContain(foreign);
      expect(again.length).toBe(seen.length);
    });

    it.each(departmentCallers)('GET /tasks/export?format=csv as %s: only its tasks', async (role) => {
      const res = await ok('get', `${API}/tasks/export?format=csv&planId=${planId}`, tokens[role] as string);
      const rows = parseCsv(res.text.replace(/^\uFEFF/, ''));
      const codes = rows
        .slice(1)
        .map((r) => r[0])
        .filter(Boolean);
      expect(codes.sort()).toEqual((await ownTasks(planId)).map((x) => x.code).sort());
      expect(res.text).not.toContain('STRANGER');
    });

    it.each(departmentCallers)('GET /dashboard/summary as %s counts only its tasks', async (role) => {
      const own = await ownTasks(planId);
      const ids = new Set(own.map((x) => x.id));
      const res = await ok('get', `${API}/dashboard/summary?planId=${planId}`, tokens[role] as string);
      expect(res.body.totals.total).toBe(own.length);
      const office = await ok('get', `${API}/dashboard/summary?planId=${planId}`, tokens.office as string);
      expect(office.body.totals.total).toBeGreaterThan(own.length);
      for (const item of [...res.body.overdue, ...res.body.dueIn7Days] as { id: string }[]) {
        expect(ids.has(item.id)).toBe(true);
      }
      for (const owing of res.body.reportsOwed as { departmentId: string }[]) {
        expect(owing.departmentId).toBe(dept.own);
      }
    });

    it.each(departmentCallers)(
      'GET /plans/:id/tree as %s: only its tasks, roll-ups over them',
      async (role) => {
        const own = await ownTasks(planId);
        const ids = new Set(own.map((x) => x.id));
        const res = await ok('get', `${API}/plans/${planId}/tree`, tokens[role] as string);
        type Node = { tasks: { id: string }[]; rollup: { total: number } };
        const tree = res.body as {
          rollup: { total: number };
          responsibilities: { rollup: { total: number }; targets: Node[] }[];
          actionItems: Node[];
        };
        const nodes = [...tree.responsibilities.flatMap((r) => r.targets), ...tree.actionItems];
        const shown = nodes.flatMap((n) => n.tasks.map((x) => x.id));
        expect(shown.filter((id) => !ids.has(id))).toEqual([]);
        expect(new Set(shown).size).toBe(own.length);
        expect(tree.rollup.total).toBe(own.length);
        for (const n of nodes) expect(n.rollup.total).toBe(n.tasks.length);
        for (const r of tree.responsibilities) {
          expect(r.rollup.total).toBe(r.targets.reduce((sum, x) => sum + x.rollup.total, 0));
        }
      },
    );

    it.each(departmentCallers)(
      'GET /dashboard/departments as %s: others only by rank and score',
      async (role) => {
        const res = await ok('get', `${API}/dashboard/departments?planId=${planId}`, tokens[role] as string);
        const rows = res.body.items as Record<string, unknown>[];
        expect(rows.length).toBeGreaterThan(1);
        for (const row of rows) {
          if (row.departmentId === dept.own) continue;
          expect(Object.keys(row).sort()).toEqual(['code', 'departmentId', 'name', 'rank', 'score']);
        }
      },
    );

    it.each(ROLES)('GET /notifications as %s: only its own notices', async (role) => {
      const username = usernameOf(role);
      const expected = await t.dataSource.query<{ id: string }[]>(
        'SELECT id FROM notifications WHERE user_id = $1',
        [userIds[username]],
      );
      const seen = await allPages<{ id: string }>(`${API}/notifications`, tokens[role] as string);
      expect(seen.map((x) => x.id).sort()).toEqual(expected.map((x) => x.id).sort());
    });
  });
});
