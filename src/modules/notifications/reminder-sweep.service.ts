import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CronExpressionParser } from 'cron-parser';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/time/clock';
import { Plan } from '../plans/entities/plan.entity';
import { ReminderPlanner } from '../reminders/reminder-planner';
import { ReminderDeliveryService, monthIn, monthStart } from './reminder-delivery.service';
import { DeliveryScheduler } from './delivery-scheduler';

const BATCH = 500;
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
          for (const { id } of due) {
            const result = await this.delivery.deliver(id, worker);
            if (result.outcome === 'sent') delivered += 1;
            if (result.outcome === 'cancelled') cancelled += 1;
            this.deliveries.schedule(result.deliveries);
          }
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
   * For each active plan whose report day (policy.monthlyReportCron, in the plan's zone) has passed this
   * month: a reminder to every department with tasks in hand and no progress report since the month began.
   */
  async planMonthlyReports(): Promise<number> {
    const now = this.clock.now();
    const plans = await this.dataSource.getRepository(Plan).findBy({ status: 'active' });
    let planned = 0;
    for (const plan of plans) {
      const reportDay = CronExpressionParser.parse(plan.policy.monthlyReportCron, {
        tz: plan.timeZone,
        currentDate: now,
      })
        .prev()
        .toDate();
      const month = monthIn(now, plan.timeZone);
      if (monthIn(reportDay, plan.timeZone) !== month) continue;
      const owing = await this.dataSource.query<{ department_id: string }[]>(
        `SELECT DISTINCT d.department_id FROM tasks t
           CROSS JOIN LATERAL (
             SELECT t.lead_department_id AS department_id
             UNION SELECT c.department_id FROM task_co_departments c WHERE c.task_id = t.id
           ) d
          WHERE t.plan_id = $1 AND t.status IN ('accepted', 'in_progress', 'returned')
            AND NOT EXISTS (
              SELECT 1 FROM progress_reports r JOIN tasks rt ON rt.id = r.task_id
               WHERE rt.plan_id = $1 AND r.department_id = d.department_id AND r.created_at >= $2)`,
        [plan.id, monthStart(now, plan.timeZone)],
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
