import { EntityManager } from 'typeorm';
import { Department } from '../modules/departments/entities/department.entity';
import { IndicatorReading } from '../modules/indicators/entities/indicator-reading.entity';
import { Indicator } from '../modules/indicators/entities/indicator.entity';
import { ActionItem } from '../modules/plans/entities/action-item.entity';
import { Plan } from '../modules/plans/entities/plan.entity';
import { Problem } from '../modules/plans/entities/problem.entity';
import { Responsibility } from '../modules/plans/entities/responsibility.entity';
import { Target } from '../modules/plans/entities/target.entity';
import { DEFAULT_POLICY } from '../modules/plans/plan-policy';
import { TaskEvent } from '../modules/tasks/entities/task-event.entity';
import { Task } from '../modules/tasks/entities/task.entity';
import { zonedTimeToUtc } from '../common/time/time-zone';
import { SeedDepartment, SeedPlan2021 } from './data/seed-types';

const REPORT_ZONE = 'Asia/Shanghai';
/** The report is dated 2021-12-24; its figures are readings of that day. */
const REPORT_DATE = zonedTimeToUtc('2021-12-24', '12:00', REPORT_ZONE);

/** Inserts departments that are missing, parents first. Existing ones are left as they are. */
export async function seedDepartments(
  em: EntityManager,
  departments: SeedDepartment[],
): Promise<Map<string, string>> {
  const repo = em.getRepository(Department);
  const ids = new Map((await repo.find()).map((d) => [d.code, d.id]));
  let pending = departments.filter((d) => !ids.has(d.code));
  while (pending.length > 0) {
    const ready = pending.filter((d) => !d.parentCode || ids.has(d.parentCode));
    if (ready.length === 0)
      throw new Error(`department parents missing: ${pending.map((d) => d.code).join(', ')}`);
    for (const d of ready) {
      const saved = await repo.save(
        repo.create({
          code: d.code,
          name: d.name,
          kind: d.kind,
          parentId: d.parentCode ? (ids.get(d.parentCode) as string) : null,
          inferred: d.inferred ?? false,
          source: d.source,
        }),
      );
      ids.set(d.code, saved.id);
    }
    pending = pending.filter((d) => !ids.has(d.code));
  }
  return ids;
}

/**
 * The 2021 plan as the report tells it: a closed plan whose 26 measures were all carried out
 * (completed on the report's date) and whose figures are the indicators' readings.
 * Written in one transaction; skipped entirely when the plan is already there.
 */
export async function seedPlan2021(
  em: EntityManager,
  data: SeedPlan2021,
  departmentIds: Map<string, string>,
): Promise<{ planId: string; created: boolean }> {
  const existing = await em.getRepository(Plan).findOneBy({ year: data.year, title: data.title });
  if (existing) return { planId: existing.id, created: false };

  const dept = (code: string): string => {
    const id = departmentIds.get(code);
    if (!id) throw new Error(`unknown department code in seed data: ${code}`);
    return id;
  };
  const plan = await em.save(
    em.create(Plan, {
      title: data.title,
      year: data.year,
      status: 'closed',
      timeZone: REPORT_ZONE,
      policy: DEFAULT_POLICY,
      description: '依据《城关区2021年法治政府建设年度报告》整理：5项工作责任、12项目标任务。',
    }),
  );
  const startAt = zonedTimeToUtc('2021-01-01', '09:00', REPORT_ZONE);
  const dueAt = zonedTimeToUtc('2021-12-31', '18:00', REPORT_ZONE);

  for (const r of data.responsibilities) {
    const responsibility = await em.save(
      em.create(Responsibility, {
        planId: plan.id,
        code: r.code,
        title: r.title,
        description: null,
        source: r.source,
      }),
    );
    for (const t of r.targets) {
      const target = await em.save(
        em.create(Target, {
          planId: plan.id,
          responsibilityId: responsibility.id,
          code: t.code,
          title: t.title,
          description: null,
          source: t.source,
        }),
      );
      for (const s of t.tasks) {
        const task = await em.save(
          em.create(Task, {
            planId: plan.id,
            targetId: target.id,
            actionItemId: null,
            code: s.code,
            title: s.title,
            description: s.description + (s.leadInferred ? '（牵头单位系据职能推定）' : ''),
            status: 'completed',
            leadDepartmentId: dept(s.leadDepartmentCode),
            startAt,
            dueAt,
            originalDueAt: dueAt,
            progress: 100,
            assignedAt: startAt,
            acceptedAt: startAt,
            submittedAt: REPORT_DATE,
            completedAt: REPORT_DATE,
            source: s.source,
          }),
        );
        const co = (s.coDepartmentCodes ?? []).map(dept);
        if (co.length) {
          await em.query(
            'INSERT INTO task_co_departments (task_id, department_id) SELECT $1, unnest($2::uuid[])',
            [task.id, co],
          );
        }
        await em.save(
          em.create(TaskEvent, {
            taskId: task.id,
            type: 'transition',
            actorId: null,
            at: REPORT_DATE,
            fromStatus: null,
            toStatus: 'completed',
            reason: `据2021年度报告${s.source}导入 (imported from the 2021 report)`,
            data: { leadInferred: s.leadInferred ?? false },
          }),
        );
      }
      for (const i of t.indicators) {
        const indicator = await em.save(
          em.create(Indicator, {
            targetId: target.id,
            code: i.code,
            name: i.name,
            unit: i.unit,
            direction: i.direction,
            targetValue: i.targetValue,
            source: i.source,
          }),
        );
        await em.save(
          em.create(IndicatorReading, {
            indicatorId: indicator.id,
            value: i.actual,
            observedAt: REPORT_DATE,
            progressReportId: null,
            source: i.source,
          }),
        );
      }
    }
  }

  const problemIds = new Map<string, Problem>();
  for (const p of data.problems) {
    const problem = await em.save(
      em.create(Problem, {
        planId: plan.id,
        code: p.code,
        title: p.title,
        description: p.description,
        source: p.source,
      }),
    );
    problemIds.set(p.code, problem);
  }
  for (const a of data.actionItems) {
    const item = await em.save(
      em.create(ActionItem, {
        planId: plan.id,
        code: a.code,
        title: a.title,
        description: a.description,
        source: a.source,
      }),
    );
    const problems = a.problemCodes.map((code) => {
      const problem = problemIds.get(code);
      if (!problem) throw new Error(`unknown problem code in seed data: ${code}`);
      return problem;
    });
    await em.createQueryBuilder().relation(ActionItem, 'problems').of(item).add(problems);
  }
  return { planId: plan.id, created: true };
}
