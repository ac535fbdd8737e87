import { monthIn, monthStart } from '../../common/time/time-zone';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CronExpressionParser } from 'cron-parser';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/time/clock';
import { Plan } from '../plans/entities/plan.entity';
import { ReminderPlanner } from '../reminders/reminder-planner';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { DeliveryScheduler } from './delivery-scheduler';

const BATCH = 500;
/**
 * Delivery transactions the sweep runs at once, each on one pooled connection, each reminder claimed exactly
 * once; a few in parallel keep a backlog (after downtime) from draining at one round trip at a time.
 */
const SWEEP_CONCURRENCY = 4;
/** Reminders delivered per transaction by the sweep. */
const DELIVERY_BATCH = 50;
const SWEEP_LOCK = 'worktracker:reminder-sweep';

export interface SweepResult {
  ran: boolean;
  planned: number;
  delivered: number;
  cancelled: number;
  ms: number;
}

/**
 * The safety net under Bull: finds reminders that are due and not sent — after a Redis flush, a crashed
 * worker, a missed enqueue — and delivers them; plans this month's report reminders. One sweep at a time
 * across all processes (a PostgreSQL advisory lock); deliveries stay exactly-once either way, by the claim.
 */
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger(ReminderSweepService.name);
  /** Per time zone and cron expression: its last firing and the next one (see lastFiring). */
  private readonly firings = new Map<string, { at: number; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly delivery: ReminderDeliveryService,
    private readonly deliveries: DeliveryScheduler,
    private readonly planner: ReminderPlanner,
    private readonly clock: Clock,
  ) {}

  async sweep(worker: string): Promise<SweepResult> {
    const started = Date.now();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        SWEEP_LOCK,
      ])) as { locked: boolean }[];
      if (!locked) return { ran: false, planned: 0, delivered: 0, cancelled: 0, ms: Date.now() - started };
      try {
        const planned = await this.planMonthlyReports();
        let delivered = 0;
        let cancelled = 0;
        for (;;) {
          const due = await this.dataSource.query<{ id: string }[]>(
            `SELECT id FROM reminders WHERE status = 'pending' AND due_at <= now() ORDER BY due_at LIMIT ${BATCH}`,
          );
          const outcome = await this.deliverAll(
            due.map((r) => r.id),
            worker,
          );
          delivered += outcome.delivered;
          cancelled += outcome.cancelled;
          if (due.length < BATCH) break;
        }
        const ms = Date.now() - started;
        if (delivered + cancelled + planned > 0) {
          this.logger.log(
            `sweep: ${planned} planned, ${delivered} delivered, ${cancelled} cancelled in ${ms} ms`,
          );
        }
        return { ran: true, planned, delivered, cancelled, ms };
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [SWEEP_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Delivers the given reminders in transactions of DELIVERY_BATCH, SWEEP_CONCURRENCY at a time; the first
   * error is thrown once all have settled.
   */
  private async deliverAll(ids: string[], worker: string): Promise<{ delivered: number; cancelled: number }> {
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += DELIVERY_BATCH) batches.push(ids.slice(i, i + DELIVERY_BATCH));
    let next = 0;
    let delivered = 0;
    let cancelled = 0;
    let failure: { error: unknown } | undefined;
    const lane = async () => {
      while (next < batches.length && !failure) {
        const batch = batches[next++];
        try {
          const result = await this.delivery.deliverBatch(batch, worker);
          for (const outcome of result.outcomes.values()) {
            if (outcome === 'sent') delivered += 1;
            if (outcome === 'cancelled') cancelled += 1;
          }
          this.deliveries.schedule(result.deliveries);
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(SWEEP_CONCURRENCY, batches.length) }, lane));
    if (failure) throw failure.error;
    return { delivered, cancelled };
  }

  /**
   * When `cron` last fired (in `timeZone`) before `now`. cron-parser takes tens of milliseconds to step back
   * to a monthly report day, once per plan per sweep; the answer holds until the next firing, so it is kept.
   */
  private lastFiring(cron: string, timeZone: string, now: Date): Date {
    const key = `${timeZone} ${cron}`;
    const t = now.getTime();
    let known = this.firings.get(key);
    if (!known || t <= known.at || t > known.until) {
      const at = CronExpressionParser.parse(cron, { tz: timeZone, currentDate: now }).prev().toDate();
      const until = CronExpressionParser.parse(cron, { tz: timeZone, currentDate: at }).next().toDate();
      known = { at: at.getTime(), until: until.getTime() };
      this.firings.set(key, known);
    }
    return new Date(known.at);
  }

  /**
   * For each active plan whose report day (policy.monthlyReportCron, in the plan's zone) has passed this
   * month: a reminder to every department with tasks in hand and no progress report since the month began.
   */
  async planMonthlyReports(): Promise<number> {
    const now = this.clock.now();
    const plans = await this.dataSource.getRepository(Plan).findBy({ status: 'active' });
    let planned = 0;
    for (const plan of plans) {
      const reportDay = this.lastFiring(plan.policy.monthlyReportCron, plan.timeZone, now);
      const month = monthIn(now, plan.timeZone);
      if (monthIn(reportDay, plan.timeZone) !== month) continue;
      // Per department, not per task: a sweep every minute must not read every open task. Departments
      // already reminded this month are set aside first, by the unique key alone (MATERIALIZED keeps the
      // planner from probing their tasks before that); the others stop at their first task in hand.
      const owing = await this.dataSource.query<{ department_id: string }[]>(
        `WITH unreminded AS MATERIALIZED (
           SELECT d.id FROM departments d
            WHERE NOT EXISTS (SELECT 1 FROM reminders m WHERE m.dedupe_key = $3 || d.id::text || $4))
         SELECT u.id AS department_id FROM unreminded u
          WHERE (EXISTS (SELECT 1 FROM tasks t
                          WHERE t.lead_department_id = u.id AND t.plan_id = $1
                            AND t.status IN ('accepted', 'in_progress', 'returned'))
                 OR EXISTS (SELECT 1 FROM task_co_departments c JOIN tasks t ON t.id = c.task_id
                             WHERE c.department_id = u.id AND t.plan_id = $1
                               AND t.status IN ('accepted', 'in_progress', 'returned')))
            AND NOT EXISTS (
              SELECT 1 FROM progress_reports r JOIN tasks rt ON rt.id = r.task_id
               WHERE rt.plan_id = $1 AND r.department_id = u.id AND r.created_at >= $2)`,
        [plan.id, monthStart(now, plan.timeZone), `monthly:${plan.id}:`, `:${month}`],
      );
      const rows = await this.planner.insert(
        this.dataSource.manager,
        owing.map(({ department_id }) => ({
          dedupeKey: `monthly:${plan.id}:${department_id}:${month}`,
          kind: 'monthly_report' as const,
          planId: plan.id,
          taskId: null,
          departmentId: department_id,
          offset: null,
          level: 0,
          deadlineVersion: null,
          dueAt: reportDay,
        })),
      );
      planned += rows.length;
    }
    return planned;
  }
}
