import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { DomainError, ErrorCode, notFound, unprocessable } from '../../common/errors/domain-error';
import { Page, pageOf } from '../../common/http/pagination';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CreateActionItemDto, CreatePlanItemDto } from './dto/plan-item.dto';
import { CreatePlanDto, ListPlansQuery, PlanView, UpdatePlanDto } from './dto/plan.dto';
import { ActionItem } from './entities/action-item.entity';
import { Plan } from './entities/plan.entity';
import { Problem } from './entities/problem.entity';
import { Responsibility } from './entities/responsibility.entity';
import { Target } from './entities/target.entity';
import { ReminderPlanner } from '../reminders/reminder-planner';
import { ReminderScheduler } from '../reminders/reminder-scheduler';
import { DEFAULT_POLICY, mergePolicy } from './plan-policy';

/** The plan and its structure: responsibilities → targets, problems, action items. */
export interface PlanStructure {
  plan: Plan;
  responsibilities: Responsibility[];
  targets: Target[];
  problems: Problem[];
  actionItems: ActionItem[];
}

@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    @InjectRepository(Responsibility) private readonly responsibilities: Repository<Responsibility>,
    @InjectRepository(Target) private readonly targets: Repository<Target>,
    @InjectRepository(Problem) private readonly problems: Repository<Problem>,
    @InjectRepository(ActionItem) private readonly actionItems: Repository<ActionItem>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly planner: ReminderPlanner,
    private readonly scheduler: ReminderScheduler,
  ) {}

  async list(query: ListPlansQuery): Promise<Page<PlanView>> {
    const [rows, total] = await this.plans.findAndCount({
      where: { year: query.year, status: query.status },
      order: { year: 'DESC', title: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(
      rows.map((p) => PlanView.of(p)),
      total,
      query,
    );
  }

  async get(id: string): Promise<Plan> {
    const plan = await this.plans.findOneBy({ id });
    if (!plan) throw notFound('计划', id);
    return plan;
  }

  /** Plans in force, for the worker's periodic jobs. */
  active(): Promise<Plan[]> {
    return this.plans.find({ where: { status: 'active' }, order: { year: 'DESC', title: 'ASC' } });
  }

  async create(dto: CreatePlanDto): Promise<Plan> {
    await this.assertTitleFree(dto.year, dto.title);
    return this.plans.save(
      this.plans.create({
        title: dto.title,
        year: dto.year,
        status: dto.status ?? 'draft',
        timeZone: dto.timeZone ?? this.config.timeZone,
        policy: mergePolicy(DEFAULT_POLICY, dto.policy),
        description: dto.description ?? null,
      }),
    );
  }

  async update(id: string, dto: UpdatePlanDto): Promise<Plan> {
    const plan = await this.get(id);
    if (dto.title !== undefined && dto.title !== plan.title) await this.assertTitleFree(plan.year, dto.title);
    if (dto.title !== undefined) plan.title = dto.title;
    if (dto.status !== undefined) plan.status = dto.status;
    if (dto.timeZone !== undefined) plan.timeZone = dto.timeZone;
    if (dto.description !== undefined) plan.description = dto.description;
    const before = JSON.stringify(plan.policy);
    if (dto.policy !== undefined) plan.policy = mergePolicy(plan.policy, dto.policy);
    if (JSON.stringify(plan.policy) === before) return this.plans.save(plan);
    // A changed policy re-plans the reminders of the plan's open tasks, in the same transaction.
    const [saved, planned] = await this.dataSource.transaction(async (em) => {
      const updated = await em.save(plan);
      return [updated, await this.planner.syncPlan(em, plan.id, plan.policy)] as const;
    });
    this.scheduler.schedule(planned);
    return saved;
  }

  async addResponsibility(planId: string, dto: CreatePlanItemDto): Promise<Responsibility> {
    await this.get(planId);
    await this.assertCodeFree(this.responsibilities, planId, dto.code, '工作责任');
    return this.responsibilities.save(this.responsibilities.create({ ...this.item(dto), planId }));
  }

  async addTarget(responsibilityId: string, dto: CreatePlanItemDto): Promise<Target> {
    const responsibility = await this.responsibilities.findOneBy({ id: responsibilityId });
    if (!responsibility) throw notFound('工作责任', responsibilityId);
    await this.assertCodeFree(this.targets, responsibility.planId, dto.code, '目标任务');
    return this.targets.save(
      this.targets.create({ ...this.item(dto), responsibilityId, planId: responsibility.planId }),
    );
  }

  async addProblem(planId: string, dto: CreatePlanItemDto): Promise<Problem> {
    await this.get(planId);
    await this.assertCodeFree(this.problems, planId, dto.code, '存在问题');
    return this.problems.save(this.problems.create({ ...this.item(dto), planId }));
  }

  async addActionItem(planId: string, dto: CreateActionItemDto): Promise<ActionItem> {
    await this.get(planId);
    await this.assertCodeFree(this.actionItems, planId, dto.code, '下步工作安排');
    const problemIds = [...new Set(dto.problemIds ?? [])];
    const problems = problemIds.length ? await this.problems.findBy({ id: In(problemIds), planId }) : [];
    if (problems.length !== problemIds.length) {
      const missing = problemIds.filter((id) => !problems.some((p) => p.id === id));
      throw unprocessable(`问题不存在或不属于本计划 (unknown problem): ${missing.join(', ')}`, { missing });
    }
    return this.dataSource.transaction(async (em) => {
      const saved = await em.save(em.create(ActionItem, { ...this.item(dto), planId }));
      if (problems.length) {
        await em.createQueryBuilder().relation(ActionItem, 'problems').of(saved).add(problems);
      }
      return saved;
    });
  }

  async getTarget(id: string): Promise<Target> {
    const target = await this.targets.findOneBy({ id });
    if (!target) throw notFound('目标任务', id);
    return target;
  }

  async getActionItem(id: string): Promise<ActionItem> {
    const item = await this.actionItems.findOneBy({ id });
    if (!item) throw notFound('下步工作安排', id);
    return item;
  }

  async structure(planId: string): Promise<PlanStructure> {
    const plan = await this.get(planId);
    const order = { code: 'ASC' } as const;
    const [responsibilities, targets, problems, actionItems] = await Promise.all([
      this.responsibilities.find({ where: { planId }, order }),
      this.targets.find({ where: { planId }, order }),
      this.problems.find({ where: { planId }, order }),
      this.actionItems.find({ where: { planId }, order, relations: { problems: true } }),
    ]);
    return { plan, responsibilities, targets, problems, actionItems };
  }

  private item(dto: CreatePlanItemDto): Pick<Target, 'code' | 'title' | 'description' | 'source'> {
    return { code: dto.code, title: dto.title, description: dto.description ?? null, source: null };
  }

  private async assertTitleFree(year: number, title: string): Promise<void> {
    if (await this.plans.existsBy({ year, title })) {
      throw new DomainError(ErrorCode.Conflict, `该年度已有同名计划 (a ${year} plan with this title exists)`);
    }
  }

  private async assertCodeFree(
    repo: Repository<{ planId: string; code: string }>,
    planId: string,
    code: string,
    label: string,
  ): Promise<void> {
    if (await repo.existsBy({ planId, code })) {
      throw new DomainError(ErrorCode.Conflict, `${label}编号已存在 (code taken in this plan): ${code}`);
    }
  }
}
