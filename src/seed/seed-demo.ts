import { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { Actor, Role } from '../common/auth/actor';
import { Clock } from '../common/time/clock';
import { zonedTimeToUtc } from '../common/time/time-zone';
import { Department } from '../modules/departments/entities/department.entity';
import { Indicator } from '../modules/indicators/entities/indicator.entity';
import { ActionItem } from '../modules/plans/entities/action-item.entity';
import { Plan } from '../modules/plans/entities/plan.entity';
import { Responsibility } from '../modules/plans/entities/responsibility.entity';
import { Target } from '../modules/plans/entities/target.entity';
import { DEFAULT_POLICY } from '../modules/plans/plan-policy';
import { ProgressReportsService } from '../modules/progress-reports/progress-reports.service';
import { Task } from '../modules/tasks/entities/task.entity';
import { TasksService } from '../modules/tasks/tasks.service';
import { User } from '../modules/users/entities/user.entity';
import { SeedCurrentPlan, SeedCurrentTask, SeedPlan2021 } from './data/seed-types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Where a demo account's mail goes (a reserved domain), so that email works as soon as SMTP_URL is set. */
const DEMO_EMAIL_DOMAIN = '@demo.example';
export const demoEmail = (username: string): string => `${username}${DEMO_EMAIL_DOMAIN}`;

/**
 * Demo accounts: admin, office, leader, observer, and `<code>-manager` / `<code>-staff` per department, each
 * with the address `<username>@demo.example`.
 */
export async function seedDemoUsers(dataSource: DataSource, password: string): Promise<number> {
  const users = dataSource.getRepository(User);
  const departments = await dataSource.getRepository(Department).find({ order: { code: 'ASC' } });
  const byCode = new Map(departments.map((d) => [d.code, d.id]));
  const wanted: Pick<User, 'username' | 'displayName' | 'role' | 'departmentId'>[] = [
    { username: 'admin', displayName: '系统管理员', role: Role.Admin, departmentId: null },
    {
      username: 'office',
      displayName: '领导小组办公室',
      role: Role.Office,
      departmentId: byCode.get('office') ?? null,
    },
    {
      username: 'leader',
      displayName: '领导小组成员',
      role: Role.Leader,
      departmentId: byCode.get('leading-group') ?? null,
    },
    { username: 'observer', displayName: '监督观察员', role: Role.Observer, departmentId: null },
    ...departments.flatMap((d) => [
      {
        username: `${d.code}-manager`,
        displayName: `${d.name}负责人`,
        role: Role.DeptManager,
        departmentId: d.id,
      },
      {
        username: `${d.code}-staff`,
        displayName: `${d.name}联络员`,
        role: Role.DeptStaff,
        departmentId: d.id,
      },
    ]),
  ];
  // Accounts seeded before demo users had addresses get one; an address set since is left alone.
  await users
    .createQueryBuilder()
    .update()
    .set({ email: () => 'username || :domain' })
    .where('username = ANY(:usernames) AND email IS NULL', { usernames: wanted.map((u) => u.username) })
    .setParameter('domain', DEMO_EMAIL_DOMAIN)
    .execute();
  const existing = new Set((await users.find({ select: { username: true } })).map((u) => u.username));
  const missing = wanted.filter((u) => !existing.has(u.username));
  if (missing.length === 0) return 0;
  // One hash for every demo account: they share DEMO_PASSWORD, and ninety argon2 runs would slow the seed.
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
  await users.insert(missing.map((u) => ({ ...u, email: demoEmail(u.username), passwordHash })));
  return missing.length;
}

interface DemoContext {
  dataSource: DataSource;
  tasks: TasksService;
  reports: ProgressReportsService;
  clock: Clock;
  office: Actor;
  actorOf: (departmentId: string, role: Role.DeptManager | Role.DeptStaff) => Promise<Actor>;
}

/**
 * The current year's active plan: the 2021 action items and the carried-over targets (with their
 * responsibilities and indicators), and tasks driven through the real life cycle to their demo stage,
 * with the clock set to plausible moments between each task's start and today.
 */
export async function seedCurrentPlan(
  app: INestApplicationContext,
  data: SeedCurrentPlan,
  plan2021: SeedPlan2021,
  timeZone: string,
): Promise<{ planId: string; tasksCreated: number }> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const clock = app.get(Clock);
  const now = clock.now();
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(now));
  const title = data.titleTemplate.replace('{year}', String(year));

  const planId = await dataSource.transaction(async (em) => {
    let plan = await em.getRepository(Plan).findOneBy({ year, title });
    plan ??= await em.save(
      em.create(Plan, {
        title,
        year,
        status: 'active',
        timeZone,
        policy: DEFAULT_POLICY,
        description: '由2021年度报告“下步工作安排”六项及延续的目标任务形成。',
      }),
    );
    const source2021 = await em
      .getRepository(Plan)
      .findOneByOrFail({ year: plan2021.year, title: plan2021.title });
    for (const a of plan2021.actionItems) {
      if (await em.getRepository(ActionItem).existsBy({ planId: plan.id, code: a.code })) continue;
      await em.insert(ActionItem, {
        planId: plan.id,
        code: a.code,
        title: a.title,
        description: a.description,
        source: a.source,
      });
    }
    for (const r of plan2021.responsibilities) {
      const carried = r.targets.filter((t) => data.carriedTargetCodes.includes(t.code));
      if (carried.length === 0) continue;
      let responsibility = await em
        .getRepository(Responsibility)
        .findOneBy({ planId: plan.id, code: r.code });
      responsibility ??= await em.save(
        em.create(Responsibility, {
          planId: plan.id,
          code: r.code,
          title: r.title,
          description: null,
          source: r.source,
        }),
      );
      for (const t of carried) {
        if (await em.getRepository(Target).existsBy({ planId: plan.id, code: t.code })) continue;
        const target = await em.save(
          em.create(Target, {
            planId: plan.id,
            responsibilityId: responsibility.id,
            code: t.code,
            title: t.title,
            description: `延续${plan2021.year}年目标任务 ${t.code}`,
            source: t.source,
          }),
        );
        // The indicators carry over with their 2021 target values; this year's readings come from reports.
        const old = await em
          .getRepository(Indicator)
          .createQueryBuilder('i')
          .innerJoin('i.target', 'tg')
          .where('tg.plan_id = :planId AND tg.code = :code', { planId: source2021.id, code: t.code })
          .getMany();
        for (const i of old) {
          await em.insert(Indicator, {
            targetId: target.id,
            code: i.code,
            name: i.name,
            unit: i.unit,
            direction: i.direction,
            targetValue: i.targetValue,
            source: i.source,
          });
        }
      }
    }
    return plan.id;
  });

  const office = await actorByUsername(dataSource, 'office');
  const ctx: DemoContext = {
    dataSource,
    tasks: app.get(TasksService),
    reports: app.get(ProgressReportsService),
    clock,
    office,
    actorOf: async (departmentId, role) => {
      const user = await dataSource.getRepository(User).findOneByOrFail({ departmentId, role });
      return { id: user.id, username: user.username, role: user.role, departmentId: user.departmentId };
    },
  };
  let tasksCreated = 0;
  try {
    for (const task of data.tasks) {
      if (await dataSource.getRepository(Task).existsBy({ planId, code: task.code })) continue;
      await driveTask(ctx, planId, year, timeZone, task, now);
      tasksCreated += 1;
    }
  } finally {
    clock.set(undefined);
  }
  return { planId, tasksCreated };
}

async function actorByUsername(dataSource: DataSource, username: string): Promise<Actor> {
  const user = await dataSource.getRepository(User).findOneByOrFail({ username });
  return { id: user.id, username: user.username, role: user.role, departmentId: user.departmentId };
}

/** Creates the task and walks it to its stage, one life-cycle step at a time. */
async function driveTask(
  ctx: DemoContext,
  planId: string,
  year: number,
  timeZone: string,
  seed: SeedCurrentTask,
  now: Date,
): Promise<void> {
  const departments = ctx.dataSource.getRepository(Department);
  const deptId = async (code: string): Promise<string> => (await departments.findOneByOrFail({ code })).id;
  const lead = await deptId(seed.leadDepartmentCode);
  const co = await Promise.all((seed.coDepartmentCodes ?? []).map(deptId));
  const parent = seed.actionItemCode
    ? {
        actionItemId: (
          await ctx.dataSource
            .getRepository(ActionItem)
            .findOneByOrFail({ planId, code: seed.actionItemCode })
        ).id,
      }
    : {
        targetId: (
          await ctx.dataSource.getRepository(Target).findOneByOrFail({ planId, code: seed.targetCode })
        ).id,
      };
  const startAt = seed.rolling
    ? new Date(now.getTime() - seed.rolling.startDaysAgo * DAY)
    : zonedTimeToUtc(`${year}-${seed.start}`, '09:00', timeZone);
  const dueAt = seed.rolling
    ? new Date(now.getTime() + seed.rolling.dueInDays * DAY)
    : zonedTimeToUtc(`${year}-${seed.due}`, '18:00', timeZone);

  const steps = stepsFor(seed);
  const times = spread(startAt, dueAt, now, steps.length, seed.stage === 'completed');
  const manager = await ctx.actorOf(lead, Role.DeptManager);
  const staff = await ctx.actorOf(lead, Role.DeptStaff);

  ctx.clock.set(times[0]);
  const task = await ctx.tasks.create(
    {
      ...parent,
      title: seed.title,
      description: seed.description,
      leadDepartmentId: lead,
      coDepartmentIds: co,
      startAt,
      dueAt,
    },
    ctx.office,
    { code: seed.code, source: seed.source },
  );
  for (const [index, step] of steps.entries()) {
    ctx.clock.set(times[index + 1]);
    switch (step.kind) {
      case 'assign':
      case 'complete':
        await ctx.tasks.transition(task.id, step.kind, {}, ctx.office);
        break;
      case 'accept':
      case 'submit':
        await ctx.tasks.transition(task.id, step.kind, {}, manager);
        break;
      case 'return':
        await ctx.tasks.transition(
          task.id,
          'return',
          { reason: '佐证材料不全，请补充后重新报送' },
          ctx.office,
        );
        break;
      case 'cancel':
        await ctx.tasks.transition(
          task.id,
          'cancel',
          { reason: '因机构职能调整，该事项并入其他任务办理' },
          ctx.office,
        );
        break;
      case 'report': {
        const report = await ctx.reports.create(
          task.id,
          { percent: step.percent, summary: `${seed.title}：已完成约 ${step.percent}%。` },
          staff,
        );
        if (seed.stage === 'completed')
          await ctx.reports.review(report.id, { decision: 'accept' }, ctx.office);
        break;
      }
    }
  }
}

type Step =
  | { kind: 'assign' | 'accept' | 'submit' | 'complete' | 'return' | 'cancel' }
  | { kind: 'report'; percent: number };

function stepsFor(seed: SeedCurrentTask): Step[] {
  const reports: Step[] = (seed.reports ?? []).map((percent) => ({ kind: 'report', percent }));
  switch (seed.stage) {
    case 'draft':
      return [];
    case 'assigned':
      return [{ kind: 'assign' }];
    case 'accepted':
      return [{ kind: 'assign' }, { kind: 'accept' }];
    case 'in_progress':
      return [{ kind: 'assign' }, { kind: 'accept' }, ...reports];
    case 'submitted':
      return [{ kind: 'assign' }, { kind: 'accept' }, ...reports, { kind: 'submit' }];
    case 'returned':
      return [{ kind: 'assign' }, { kind: 'accept' }, ...reports, { kind: 'submit' }, { kind: 'return' }];
    case 'completed':
      return [{ kind: 'assign' }, { kind: 'accept' }, ...reports, { kind: 'submit' }, { kind: 'complete' }];
    case 'cancelled':
      return [{ kind: 'assign' }, { kind: 'cancel' }];
  }
}

/**
 * `count + 1` increasing moments (creation, then each step) from the task's start up to today — or, for a
 * task that was completed, up to just before its deadline, so that it counts as done on time.
 */
function spread(startAt: Date, dueAt: Date, now: Date, count: number, finished: boolean): Date[] {
  const end = Math.min(now.getTime() - HOUR, finished ? dueAt.getTime() - HOUR : Infinity);
  const begin = Math.min(startAt.getTime() - 24 * HOUR, end - (count + 1) * HOUR);
  const step = (end - begin) / Math.max(count, 1);
  return Array.from({ length: count + 1 }, (_, i) => new Date(Math.round(begin + i * step)));
}
