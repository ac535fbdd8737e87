import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { DomainError, ErrorCode, notFound, unprocessable } from '../../common/errors/domain-error';
import { PlansService } from '../plans/plans.service';
import { CreateIndicatorDto, IndicatorValueDto, IndicatorView, ReadingView } from './dto/indicator.dto';
import { IndicatorReading } from './entities/indicator-reading.entity';
import { Indicator } from './entities/indicator.entity';

/** Readings of returned progress reports do not count. */
const COUNTED_READING = `(r.id IS NULL OR r.review_status <> 'returned')`;

export function isMet(
  direction: Indicator['direction'],
  target: number | null,
  actual: number | undefined,
): boolean | null {
  if (target === null || actual === undefined) return null;
  return direction === 'gte' ? actual >= target : actual <= target;
}

@Injectable()
export class IndicatorsService {
  constructor(
    @InjectRepository(Indicator) private readonly indicators: Repository<Indicator>,
    @InjectRepository(IndicatorReading) private readonly readings: Repository<IndicatorReading>,
    private readonly plans: PlansService,
  ) {}

  async create(targetId: string, dto: CreateIndicatorDto): Promise<IndicatorView> {
    await this.plans.getTarget(targetId);
    if (await this.indicators.existsBy({ targetId, code: dto.code })) {
      throw new DomainError(ErrorCode.Conflict, `指标编号已存在 (indicator code taken): ${dto.code}`);
    }
    const saved = await this.indicators.save(
      this.indicators.create({ ...dto, targetId, targetValue: dto.targetValue ?? null, source: null }),
    );
    return this.view(saved, undefined);
  }

  /** A target's indicators; 404 when the target does not exist. */
  async forTarget(targetId: string): Promise<IndicatorView[]> {
    await this.plans.getTarget(targetId);
    return this.forTargets([targetId]);
  }

  /** Indicators of the given targets with their latest counted reading, in two queries. */
  async forTargets(targetIds: string[]): Promise<IndicatorView[]> {
    if (targetIds.length === 0) return [];
    const indicators = await this.indicators.find({
      where: { targetId: In(targetIds) },
      order: { code: 'ASC' },
    });
    const latest = await this.latestReadings(indicators.map((i) => i.id));
    return indicators.map((i) => this.view(i, latest.get(i.id)));
  }

  async history(indicatorId: string): Promise<{ indicator: IndicatorView; readings: ReadingView[] }> {
    const indicator = await this.indicators.findOneBy({ id: indicatorId });
    if (!indicator) throw notFound('指标', indicatorId);
    const rows = await this.readings
      .createQueryBuilder('ir')
      .leftJoin('ir.progressReport', 'r')
      .where('ir.indicator_id = :indicatorId', { indicatorId })
      .andWhere(COUNTED_READING)
      .orderBy('ir.observed_at', 'DESC')
      .addOrderBy('ir.created_at', 'DESC')
      .getMany();
    return { indicator: this.view(indicator, rows[0]), readings: rows.map(readingView) };
  }

  /**
   * Stores the figures of a progress report. The indicators must belong to a target of the task's plan.
   */
  async recordFromReport(
    em: EntityManager,
    planId: string,
    progressReportId: string,
    observedAt: Date,
    values: IndicatorValueDto[],
  ): Promise<void> {
    if (values.length === 0) return;
    const ids = [...new Set(values.map((v) => v.indicatorId))];
    if (ids.length !== values.length)
      throw unprocessable('同一指标只能填报一次 (each indicator at most once)');
    const found = await em
      .getRepository(Indicator)
      .createQueryBuilder('i')
      .innerJoin('i.target', 'tg')
      .where('i.id IN (:...ids)', { ids })
      .andWhere('tg.plan_id = :planId', { planId })
      .getMany();
    const missing = ids.filter((id) => !found.some((i) => i.id === id));
    if (missing.length) {
      throw unprocessable(`指标不存在或不属于本计划 (unknown indicator): ${missing.join(', ')}`, { missing });
    }
    await em.insert(
      IndicatorReading,
      values.map((v) => ({
        indicatorId: v.indicatorId,
        value: v.value,
        observedAt,
        progressReportId,
        source: null,
      })),
    );
  }

  async valuesOfReports(reportIds: string[]): Promise<Map<string, { indicatorId: string; value: number }[]>> {
    const byReport = new Map<string, { indicatorId: string; value: number }[]>();
    if (reportIds.length === 0) return byReport;
    const rows = await this.readings.find({ where: { progressReportId: In(reportIds) } });
    for (const row of rows) {
      const list = byReport.get(row.progressReportId as string) ?? [];
      list.push({ indicatorId: row.indicatorId, value: row.value });
      byReport.set(row.progressReportId as string, list);
    }
    return byReport;
  }

  private async latestReadings(indicatorIds: string[]): Promise<Map<string, IndicatorReading>> {
    if (indicatorIds.length === 0) return new Map();
    const rows = await this.readings
      .createQueryBuilder('ir')
      .leftJoin('ir.progressReport', 'r')
      .distinctOn(['ir.indicator_id'])
      .where('ir.indicator_id IN (:...indicatorIds)', { indicatorIds })
      .andWhere(COUNTED_READING)
      .orderBy('ir.indicator_id')
      .addOrderBy('ir.observed_at', 'DESC')
      .addOrderBy('ir.created_at', 'DESC')
      .getMany();
    return new Map(rows.map((r) => [r.indicatorId, r]));
  }

  private view(i: Indicator, latest: IndicatorReading | undefined): IndicatorView {
    return {
      id: i.id,
      targetId: i.targetId,
      code: i.code,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      targetValue: i.targetValue,
      latest: latest ? readingView(latest) : null,
      met: isMet(i.direction, i.targetValue, latest?.value),
      source: i.source,
    };
  }
}

function readingView(r: IndicatorReading): ReadingView {
  return {
    id: r.id,
    value: r.value,
    observedAt: r.observedAt,
    progressReportId: r.progressReportId,
    source: r.source,
  };
}
