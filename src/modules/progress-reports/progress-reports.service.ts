import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/auth/actor';
import { DomainError, ErrorCode, notFound } from '../../common/errors/domain-error';
import { Page, PageQuery, pageOf } from '../../common/http/pagination';
import { Clock } from '../../common/time/clock';
import { IndicatorsService } from '../indicators/indicators.service';
import { visibleTasks } from '../tasks/task-query';
import { TasksService } from '../tasks/tasks.service';
import {
  CreateProgressReportDto,
  ListProgressReportsQuery,
  ProgressReportView,
  ReviewDto,
} from './dto/progress-report.dto';
import { ProgressReport } from './entities/progress-report.entity';

@Injectable()
export class ProgressReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly indicators: IndicatorsService,
    private readonly clock: Clock,
  ) {}

  /** Files a report: stores it and its figures, sets the task's progress, starts the task if needed. */
  async create(taskId: string, dto: CreateProgressReportDto, actor: Actor): Promise<ProgressReportView> {
    const id = randomUUID();
    await this.tasks.write(async (em, outbox) => {
      const locked = await this.tasks.lock(em, taskId, actor);
      locked.task.progress = dto.percent;
      // Checks who may report and from which state; moves accepted/returned to in_progress.
      await this.tasks.applyTransition(
        em,
        locked,
        'report',
        actor,
        {
          type: 'progress_reported',
          data: { progressReportId: id, percent: dto.percent },
        },
        outbox,
      );
      await em.insert(ProgressReport, {
        id,
        taskId,
        departmentId: actor.departmentId as string,
        authorId: actor.id,
        percent: dto.percent,
        summary: dto.summary,
        evidence: dto.evidence ?? [],
        reviewStatus: 'pending',
      });
      await this.indicators.recordFromReport(
        em,
        locked.task.planId,
        id,
        this.clock.now(),
        dto.indicatorValues ?? [],
      );
    });
    return this.get(id, actor);
  }

  async review(id: string, dto: ReviewDto, actor: Actor): Promise<ProgressReportView> {
    await this.dataSource.transaction(async (em) => {
      const report = await em.getRepository(ProgressReport).findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!report) throw notFound('进展报告', id);
      const locked = await this.tasks.lock(em, report.taskId, actor);
      if (report.reviewStatus !== 'pending') {
        throw new DomainError(
          ErrorCode.IllegalTransition,
          `该报告已审核（${report.reviewStatus}），不能重复审核 (already reviewed)`,
          {
            currentStatus: report.reviewStatus,
          },
        );
      }
      report.reviewStatus = dto.decision === 'accept' ? 'accepted' : 'returned';
      report.reviewedById = actor.id;
      report.reviewedAt = this.clock.now();
      report.reviewComment = dto.comment ?? null;
      await em.save(report);
      if (report.reviewStatus === 'returned') {
        // A returned report's percent no longer counts: fall back to the latest report still standing.
        locked.task.progress = await this.standingPercent(em, report.taskId);
        locked.task.version += 1;
        await em.save(locked.task);
      }
      await this.tasks.recordEvent(
        em,
        report.taskId,
        actor,
        {
          type: 'report_reviewed',
          reason: dto.comment ?? null,
          data: { progressReportId: id, decision: dto.decision },
        },
        locked.task.status,
        locked.task.status,
      );
    });
    return this.get(id, actor);
  }

  async listForTask(taskId: string, query: PageQuery, actor: Actor): Promise<Page<ProgressReportView>> {
    await this.tasks.assertVisible(taskId, actor);
    const [rows, total] = await this.dataSource.getRepository(ProgressReport).findAndCount({
      where: { taskId },
      order: { createdAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(await this.views(rows), total, query);
  }

  /** The review queue and report lists across tasks, within the caller's scope. */
  async list(query: ListProgressReportsQuery, actor: Actor): Promise<Page<ProgressReportView>> {
    const visible = visibleTasks(this.dataSource.manager, actor, this.clock.now()).select('t.id');
    const qb = this.dataSource
      .getRepository(ProgressReport)
      .createQueryBuilder('r')
      .where(`r.task_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters());
    if (query.reviewStatus)
      qb.andWhere('r.review_status = :reviewStatus', { reviewStatus: query.reviewStatus });
    if (query.planId) {
      qb.andWhere('r.task_id IN (SELECT id FROM tasks WHERE plan_id = :planId)', { planId: query.planId });
    }
    const [rows, total] = await qb
      .orderBy('r.created_at', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(await this.views(rows), total, query);
  }

  async get(id: string, actor: Actor): Promise<ProgressReportView> {
    const report = await this.dataSource.getRepository(ProgressReport).findOneBy({ id });
    if (!report) throw notFound('进展报告', id);
    await this.tasks.assertVisible(report.taskId, actor).catch(() => {
      throw notFound('进展报告', id);
    });
    const [view] = await this.views([report]);
    return view;
  }

  private async standingPercent(em: EntityManager, taskId: string): Promise<number> {
    const latest = await em.getRepository(ProgressReport).findOne({
      where: [
        { taskId, reviewStatus: 'pending' },
        { taskId, reviewStatus: 'accepted' },
      ],
      order: { createdAt: 'DESC' },
    });
    return latest?.percent ?? 0;
  }

  private async views(rows: ProgressReport[]): Promise<ProgressReportView[]> {
    const values = await this.indicators.valuesOfReports(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      taskId: r.taskId,
      departmentId: r.departmentId,
      authorId: r.authorId,
      percent: r.percent,
      summary: r.summary,
      indicatorValues: values.get(r.id) ?? [],
      evidence: r.evidence,
      reviewStatus: r.reviewStatus,
      reviewedById: r.reviewedById,
      reviewedAt: r.reviewedAt,
      reviewComment: r.reviewComment,
      createdAt: r.createdAt,
    }));
  }
}
