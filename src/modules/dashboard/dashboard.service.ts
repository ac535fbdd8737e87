import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, isDepartmentRole } from '../../common/auth/actor';
import { notFound } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { monthStart } from '../../common/time/time-zone';
import { DepartmentsService } from '../departments/departments.service';
import { PlansService } from '../plans/plans.service';
import { Rollup } from '../plan-tree/rollup';
import { planRollups } from '../plan-tree/rollup.sql';
import { IN_FLIGHT_SQL, OVERDUE_SQL } from '../tasks/task-light.sql';
import { TaskRow, toTaskView, visibleTasks } from '../tasks/task-query';
import { DepartmentRow, ScoreItem } from './dto/dashboard.dto';

interface DepartmentFigures {
  department_id: string;
  code: string;
  name: string;
  lead_tasks: number;
  co_tasks: number;
  completed: number;
  on_time_lead: number;
  on_time_co: number;
  late: number;
  overdue: number;
  returns: number;
  escalations: number;
  reports_late: number;
}

const DAY = 86_400_000;

/**
 * What the leading group looks at: the plan's totals and lights, the overdue list, what falls due this week,
 * who owes a monthly report, and the departments' scores and ranking (DESIGN.md, Scoring), computed in SQL.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly units: DepartmentsService,
    private readonly clock: Clock,
  ) {}

  /** Totals, lights, the overdue list and what falls due within 7 days: counted and sorted by PostgreSQL. */
  async summary(planId: string, top: number, actor: Actor) {
    const plan = await this.plans.get(planId);
    const now = this.clock.now();
    const weekEnd = new Date(now.getTime() + 7 * DAY);
    const inPlan = () =>
      visibleTasks(this.dataSource.manager, actor, now).andWhere('t.plan_id = :planId', { planId });
    const brief = (row: TaskRow) => {
      const t = toTaskView(row);
      return {
        id: t.id,
        code: t.code,
        title: t.title,
        status: t.status,
        leadDepartmentId: t.leadDepartmentId,
        dueAt: t.dueAt,
        progress: t.progress,
        light: t.light,
      };
    };
    const [rollups, overdue, dueSoon, owing] = await Promise.all([
      planRollups(this.dataSource.manager, actor, planId, now, { nodes: false }),
      inPlan()
        .andWhere(OVERDUE_SQL)
        .orderBy('t.due_at', 'ASC')
        .addOrderBy('t.code', 'ASC')
        .limit(top)
        .getRawMany<TaskRow>(),
      inPlan()
        .andWhere(IN_FLIGHT_SQL)
        .andWhere(`NOT ${OVERDUE_SQL}`)
        .andWhere('t.due_at <= :weekEnd', { weekEnd: weekEnd.toISOString() })
        .orderBy('t.due_at', 'ASC')
        .addOrderBy('t.code', 'ASC')
        .getRawMany<TaskRow>(),
      this.reportsOwed(planId, monthStart(now, plan.timeZone), actor),
    ]);
    const totals: Rollup = rollups.plan;
    return {
      planId,
      timeZone: plan.timeZone,
      at: now,
      totals,
      byLight: totals.byLight,
      overdue: overdue.map(brief),
      dueIn7Days: dueSoon.map(brief),
      reportsOwed: owing,
    };
  }

  /** Departments with tasks in hand and no progress report since the month began (in the plan's zone). */
  private async reportsOwed(planId: string, since: Date, actor: Actor) {
    const rows = await this.dataSource.query<
      { department_id: string; code: string; name: string; tasks: number }[]
    >(
      `SELECT d.id AS department_id, d.code, d.name, count(DISTINCT t.id)::int AS tasks
         FROM tasks t
         CROSS JOIN LATERAL (SELECT t.lead_department_id AS id
                             UNION SELECT c.department_id FROM task_co_departments c WHERE c.task_id = t.id) p
         JOIN departments d ON d.id = p.id
        WHERE t.plan_id = $1 AND t.status IN ('accepted', 'in_progress', 'returned')
          AND NOT EXISTS (SELECT 1 FROM progress_reports r JOIN tasks rt ON rt.id = r.task_id
                           WHERE rt.plan_id = $1 AND r.department_id = d.id AND r.created_at >= $2)
        GROUP BY d.id, d.code, d.name
        ORDER BY d.code`,
      [planId, since],
    );
    const visible = isDepartmentRole(actor.role)
      ? rows.filter((r) => r.department_id === actor.departmentId)
      : rows;
    return visible.map((r) => ({
      departmentId: r.department_id,
      code: r.code,
      name: r.name,
      openTasks: r.tasks,
    }));
  }

  /** The ranking. Department users see every department's rank and score, and their own figures. */
  async departments(planId: string, actor: Actor): Promise<{ items: DepartmentRow[]; total: number }> {
    const rows = await this.ranking(planId);
    const items = isDepartmentRole(actor.role)
      ? rows.map((r) =>
          r.departmentId === actor.departmentId
            ? r
            : { departmentId: r.departmentId, code: r.code, name: r.name, score: r.score, rank: r.rank },
        )
      : rows;
    return { items, total: items.length };
  }

  async ranking(planId: string): Promise<DepartmentRow[]> {
    const plan = await this.plans.get(planId);
    const w = plan.policy.weights;
    const figures = await this.dataSource.query<DepartmentFigures[]>(
      // Everything starts from the plan's tasks (an index range), co-organizers fetched per task by index:
      // the cost follows the plan's size, not the region's.
      `WITH parts AS (
         SELECT t.id AS task_id, x.department_id, x.lead
           FROM tasks t
          CROSS JOIN LATERAL (SELECT t.lead_department_id AS department_id, true AS lead
                              UNION ALL
                              SELECT c.department_id, false FROM task_co_departments c WHERE c.task_id = t.id) x
          WHERE t.plan_id = $1
       ),
       figures AS (
         SELECT p.department_id,
                count(*) FILTER (WHERE p.lead)::int AS lead_tasks,
                count(*) FILTER (WHERE NOT p.lead)::int AS co_tasks,
                count(*) FILTER (WHERE t.status = 'completed')::int AS completed,
                count(*) FILTER (WHERE p.lead AND t.status = 'completed' AND t.completed_at <= t.due_at)::int AS on_time_lead,
                count(*) FILTER (WHERE NOT p.lead AND t.status = 'completed' AND t.completed_at <= t.due_at)::int AS on_time_co,
                count(*) FILTER (WHERE p.lead AND t.status = 'completed' AND t.completed_at > t.due_at)::int AS late,
                count(*) FILTER (WHERE p.lead AND t.status IN ('assigned', 'accepted', 'in_progress', 'submitted', 'returned')
                                   AND t.due_at < $2)::int AS overdue,
                coalesce(sum(t.return_count) FILTER (WHERE p.lead), 0)::int AS returns
           FROM parts p JOIN tasks t ON t.id = p.task_id
          GROUP BY p.department_id
       ),
       escalations AS (
         SELECT t.lead_department_id AS department_id, count(*)::int AS n
           FROM reminders r JOIN tasks t ON t.id = r.task_id
          WHERE r.plan_id = $1 AND r.kind = 'escalation' AND r.status = 'sent'
          GROUP BY 1
       ),
       late_reports AS (
         SELECT r.department_id, count(*)::int AS n FROM reminders r
          WHERE r.plan_id = $1 AND r.kind = 'monthly_report' AND r.status = 'sent'
          GROUP BY 1
       )
       SELECT f.*, d.code, d.name, coalesce(e.n, 0) AS escalations, coalesce(l.n, 0) AS reports_late
         FROM figures f
         JOIN departments d ON d.id = f.department_id
         LEFT JOIN escalations e ON e.department_id = f.department_id
         LEFT JOIN late_reports l ON l.department_id = f.department_id`,
      [planId, this.clock.now()],
    );
    const rows = figures.map((f) => {
      const score =
        w.onTimeLead * f.on_time_lead +
        w.onTimeCo * f.on_time_co +
        w.late * f.late +
        w.returned * f.returns +
        w.escalation * f.escalations +
        w.lateMonthlyReport * f.reports_late;
      const onTime = f.on_time_lead + f.on_time_co;
      return {
        departmentId: f.department_id,
        code: f.code,
        name: f.name,
        score: Math.round(score * 100) / 100,
        rank: 0,
        onTimeRate: f.completed ? Math.round((onTime / f.completed) * 1000) / 1000 : null,
        leadTasks: f.lead_tasks,
        coTasks: f.co_tasks,
        completed: f.completed,
        onTime,
        late: f.late,
        overdue: f.overdue,
        returns: f.returns,
        escalations: f.escalations,
        reportsLate: f.reports_late,
      };
    });
    rows.sort(
      (a, b) =>
        b.score - a.score || (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.code.localeCompare(b.code),
    );
    // Competition ranking: equal score and on-time rate share a rank (1, 2, 2, 4).
    rows.forEach((row, i) => {
      const prev = rows[i - 1];
      row.rank = prev && prev.score === row.score && prev.onTimeRate === row.onTimeRate ? prev.rank : i + 1;
    });
    return rows;
  }

  /** The events behind a department's score: every completion, return, escalation and late report. */
  async explain(
    departmentId: string,
    planId: string,
    actor: Actor,
  ): Promise<{ score: number; items: ScoreItem[] }> {
    if (isDepartmentRole(actor.role) && actor.departmentId !== departmentId) {
      throw notFound('单位', departmentId);
    }
    await this.units.get(departmentId);
    const plan = await this.plans.get(planId);
    const w = plan.policy.weights;
    const completions = await this.dataSource.query<
      { id: string; code: string; title: string; completed_at: Date; due_at: Date; lead: boolean }[]
    >(
      `SELECT t.id, t.code, t.title, t.completed_at, t.due_at, t.lead_department_id = $2 AS lead
         FROM tasks t
        WHERE t.plan_id = $1 AND t.status = 'completed'
          AND (t.lead_department_id = $2 OR EXISTS (
               SELECT 1 FROM task_co_departments c WHERE c.task_id = t.id AND c.department_id = $2))`,
      [planId, departmentId],
    );
    const returns = await this.dataSource.query<
      { id: string; code: string; at: Date; reason: string | null }[]
    >(
      `SELECT t.id, t.code, e.at, e.reason FROM task_events e JOIN tasks t ON t.id = e.task_id
        WHERE t.plan_id = $1 AND t.lead_department_id = $2 AND e.type = 'transition' AND e.to_status = 'returned'`,
      [planId, departmentId],
    );
    const reminders = await this.dataSource.query<
      { kind: string; level: number; sent_at: Date; task_id: string | null; code: string | null }[]
    >(
      `SELECT r.kind, r.level, r.sent_at, r.task_id, t.code FROM reminders r LEFT JOIN tasks t ON t.id = r.task_id
        WHERE r.plan_id = $1 AND r.status = 'sent'
          AND ((r.kind = 'escalation' AND t.lead_department_id = $2)
            OR (r.kind = 'monthly_report' AND r.department_id = $2))`,
      [planId, departmentId],
    );
    const items: ScoreItem[] = [];
    for (const c of completions) {
      const onTime = c.completed_at.getTime() <= c.due_at.getTime();
      if (onTime) {
        items.push({
          rule: c.lead ? 'on_time_lead' : 'on_time_co',
          points: c.lead ? w.onTimeLead : w.onTimeCo,
          at: c.completed_at,
          taskId: c.id,
          taskCode: c.code,
          description: `${c.lead ? '牵头' : '配合'}任务按期办结：${c.title}`,
        });
      } else if (c.lead) {
        items.push({
          rule: 'late',
          points: w.late,
          at: c.completed_at,
          taskId: c.id,
          taskCode: c.code,
          description: `牵头任务逾期办结：${c.title}`,
        });
      }
    }
    for (const r of returns) {
      items.push({
        rule: 'returned',
        points: w.returned,
        at: r.at,
        taskId: r.id,
        taskCode: r.code,
        description: `报请办结被退回${r.reason ? `：${r.reason}` : ''}`,
      });
    }
    for (const r of reminders) {
      items.push(
        r.kind === 'escalation'
          ? {
              rule: 'escalation',
              points: w.escalation,
              at: r.sent_at,
              taskId: r.task_id,
              taskCode: r.code,
              description: `逾期${r.level >= 2 ? '督办' : '催办'}（第 ${r.level} 级）`,
            }
          : {
              rule: 'late_monthly_report',
              points: w.lateMonthlyReport,
              at: r.sent_at,
              taskId: null,
              taskCode: null,
              description: '月度进展逾期未报',
            },
      );
    }
    items.sort((a, b) => a.at.getTime() - b.at.getTime());
    const score = Math.round(items.reduce((sum, i) => sum + i.points, 0) * 100) / 100;
    return { score, items };
  }
}
