import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Role } from '../../common/auth/actor';
import { DomainError, ErrorCode, notFound } from '../../common/errors/domain-error';
import { Page, pageOf } from '../../common/http/pagination';
import { Clock } from '../../common/time/clock';
import { monthIn, monthWindow, previousMonth } from '../../common/time/time-zone';
import { DashboardService } from '../dashboard/dashboard.service';
import { DepartmentsService } from '../departments/departments.service';
import { IndicatorsService } from '../indicators/indicators.service';
import { rollup } from '../plan-tree/rollup';
import { Plan } from '../plans/entities/plan.entity';
import { PlansService } from '../plans/plans.service';
import { TasksService } from '../tasks/tasks.service';
import { monthActivity } from './bulletin-activity';
import { BulletinSnapshot } from './bulletin-snapshot';
import { BulletinListItem, BulletinView, ListBulletinsQuery } from './dto/bulletin.dto';
import { Bulletin } from './entities/bulletin.entity';

const DAY = 86_400_000;

/** Who reads the figures for a bulletin: everything, and nothing else (an observer's view). */
const BULLETIN_READER: Actor = {
  id: 'bulletin-generator',
  username: 'system',
  role: Role.Observer,
  departmentId: null,
};

interface ListRow {
  id: string;
  planId: string;
  month: string;
  version: number;
  generatedAt: Date;
  generatedById: string | null;
  planTitle: string;
  timeZone: string;
  total: number;
  byLight: { red: number; yellow: number; green: number };
  overdue: number;
  completed: number;
  returns: number;
  reminders: number;
}

/** 月通报: generated for a month on demand (office) or by the worker on the 1st; stored, never changed. */
@Injectable()
export class BulletinsService {
  private readonly logger = new Logger(BulletinsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly tasks: TasksService,
    private readonly dashboard: DashboardService,
    private readonly indicators: IndicatorsService,
    private readonly departments: DepartmentsService,
    private readonly clock: Clock,
  ) {}

  /** A new version of the month's bulletin (1 for the first). The month must have begun in the plan's zone. */
  async generate(planId: string, month: string, actor: Actor | null): Promise<BulletinView> {
    const plan = await this.plans.get(planId);
    const current = monthIn(this.clock.now(), plan.timeZone);
    if (month > current) {
      throw new DomainError(
        ErrorCode.Validation,
        `只能生成本月或以前月份的通报（计划时区 ${plan.timeZone} 的本月为 ${current}）(month must not be in the future)`,
        { month, currentMonth: current },
      );
    }
    const snapshot = await this.snapshot(plan, month);
    const saved = await this.dataSource.transaction(async (em) => {
      await this.lockMonth(em, planId, month);
      const [{ latest }] = await em.query<{ latest: number }[]>(
        'SELECT coalesce(max(version), 0)::int AS latest FROM bulletins WHERE plan_id = $1 AND month = $2',
        [planId, month],
      );
      return this.insert(em, plan, month, latest + 1, snapshot, actor);
    });
    return view(saved);
  }

  /**
   * The worker's monthly run: for every active plan, the bulletin of the month before (in the plan's zone),
   * when that month lies in the plan's year and has none yet. Safe to run any number of times, from any
   * number of workers: a month that has a bulletin is left alone.
   */
  async generateDue(): Promise<{ planId: string; month: string; bulletinId: string }[]> {
    const now = this.clock.now();
    const generated: { planId: string; month: string; bulletinId: string }[] = [];
    for (const plan of await this.plans.active()) {
      const month = previousMonth(monthIn(now, plan.timeZone));
      if (!month.startsWith(`${plan.year}-`) || (await this.exists(plan.id, month))) continue;
      const snapshot = await this.snapshot(plan, month);
      const saved = await this.dataSource.transaction(async (em) => {
        await this.lockMonth(em, plan.id, month);
        if (await this.exists(plan.id, month, em)) return null;
        return this.insert(em, plan, month, 1, snapshot, null);
      });
      if (saved) {
        generated.push({ planId: plan.id, month, bulletinId: saved.id });
        this.logger.log(`bulletin ${month} generated for plan ${plan.id}`);
      }
    }
    return generated;
  }

  async list(query: ListBulletinsQuery): Promise<Page<BulletinListItem>> {
    const qb = this.dataSource.getRepository(Bulletin).createQueryBuilder('b');
    if (query.planId) qb.andWhere('b.plan_id = :planId', { planId: query.planId });
    if (query.month) qb.andWhere('b.month = :month', { month: query.month });
    const total = await qb.clone().getCount();
    const rows = await qb
      .select('b.id', 'id')
      .addSelect('b.plan_id', 'planId')
      .addSelect('b.month', 'month')
      .addSelect('b.version', 'version')
      .addSelect('b.generated_at', 'generatedAt')
      .addSelect('b.generated_by_id', 'generatedById')
      .addSelect(`b.snapshot->'plan'->>'title'`, 'planTitle')
      .addSelect(`b.snapshot->>'timeZone'`, 'timeZone')
      .addSelect(`(b.snapshot->'totals'->>'total')::int`, 'total')
      .addSelect(`b.snapshot->'totals'->'byLight'`, 'byLight')
      .addSelect(`(b.snapshot->'totals'->>'overdue')::int`, 'overdue')
      .addSelect(`(b.snapshot->'activity'->>'completed')::int`, 'completed')
      .addSelect(`(b.snapshot->'activity'->>'returns')::int`, 'returns')
      .addSelect(`(b.snapshot->'activity'->>'remindersSent')::int`, 'reminders')
      .orderBy('b.month', 'DESC')
      .addOrderBy('b.version', 'DESC')
      .addOrderBy('b.generated_at', 'DESC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawMany<ListRow>();
    return pageOf(rows.map(listItem), total, query);
  }

  async get(id: string): Promise<BulletinView> {
    const found = await this.dataSource.getRepository(Bulletin).findOneBy({ id });
    if (!found) throw notFound('月通报', id);
    return view(found);
  }

  /** The figures, read now, for `month` of the plan. */
  private async snapshot(plan: Plan, month: string): Promise<BulletinSnapshot> {
    const now = this.clock.now();
    const window = monthWindow(month, plan.timeZone);
    const tasks = await this.tasks.allInPlan(plan.id, BULLETIN_READER);
    const ranking = await this.dashboard.ranking(plan.id);
    const { targets } = await this.plans.structure(plan.id);
    const indicators = await this.indicators.forTargets(targets.map((t) => t.id));
    const activity = await monthActivity(this.dataSource.manager, plan.id, window);

    const overdueTasks = tasks.filter((t) => t.overdue).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    const names = new Map(ranking.map((r) => [r.departmentId, r.name]));
    const unnamed = overdueTasks.map((t) => t.leadDepartmentId).filter((id) => !names.has(id));
    for (const d of await this.departments.requireAll(unnamed)) names.set(d.id, d.name);
    const targetOf = new Map(targets.map((t) => [t.id, t]));

    return {
      schema: 1,
      plan: { id: plan.id, title: plan.title, year: plan.year },
      timeZone: plan.timeZone,
      month,
      window: { from: window.from.toISOString(), to: window.to.toISOString() },
      asOf: now.toISOString(),
      totals: rollup(tasks),
      ranking,
      overdue: overdueTasks.map((t) => ({
        id: t.id,
        code: t.code,
        title: t.title,
        status: t.status,
        leadDepartmentId: t.leadDepartmentId,
        leadDepartmentName: names.get(t.leadDepartmentId) ?? '',
        dueAt: t.dueAt.toISOString(),
        originalDueAt: t.originalDueAt.toISOString(),
        daysOverdue: Math.floor((now.getTime() - t.dueAt.getTime()) / DAY),
        progress: t.progress,
      })),
      indicators: indicators.map((i) => ({
        id: i.id,
        targetCode: targetOf.get(i.targetId)?.code ?? '',
        targetTitle: targetOf.get(i.targetId)?.title ?? '',
        code: i.code,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        targetValue: i.targetValue,
        actual: i.latest?.value ?? null,
        observedAt: i.latest ? i.latest.observedAt.toISOString() : null,
        met: i.met,
      })),
      activity,
    };
  }

  /** Serialises version numbering of one plan's month, without holding up anything else. */
  private async lockMonth(em: EntityManager, planId: string, month: string): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bulletin:${planId}:${month}`]);
  }

  private exists(
    planId: string,
    month: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return em.getRepository(Bulletin).existsBy({ planId, month });
  }

  private insert(
    em: EntityManager,
    plan: Plan,
    month: string,
    version: number,
    snapshot: BulletinSnapshot,
    actor: Actor | null,
  ): Promise<Bulletin> {
    return em.save(
      em.create(Bulletin, {
        planId: plan.id,
        month,
        version,
        generatedAt: new Date(snapshot.asOf),
        generatedById: actor?.id ?? null,
        snapshot,
      }),
    );
  }
}

function view(b: Bulletin): BulletinView {
  return {
    id: b.id,
    planId: b.planId,
    month: b.month,
    version: b.version,
    generatedAt: b.generatedAt,
    generatedById: b.generatedById,
    snapshot: b.snapshot,
  };
}

function listItem(r: ListRow): BulletinListItem {
  return {
    id: r.id,
    planId: r.planId,
    month: r.month,
    version: r.version,
    generatedAt: r.generatedAt,
    generatedById: r.generatedById,
    summary: {
      planTitle: r.planTitle,
      timeZone: r.timeZone,
      total: r.total,
      byLight: r.byLight,
      overdue: r.overdue,
      completedInMonth: r.completed,
      returnsInMonth: r.returns,
      remindersSentInMonth: r.reminders,
    },
  };
}
