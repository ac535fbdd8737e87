import { currentPlan } from './current-plan.data';
import { plan2021 } from './report-2021.data';
import type { SeedTask, SeedTaskStage } from './seed-types';

const MEASURES = [
  ...['一(一)', '一(二)', '一(三)', '一(四)', '一(五)', '一(六)', '一(七)'],
  ...['二(一)', '二(二)', '二(三)'],
  ...['三(一)', '三(二)', '三(三)'],
  ...['四(一)', '四(二)', '四(三)'],
  ...['五(一)', '五(二)', '五(三)'],
  ...['六(一)', '六(二)', '六(三)', '六(四)'],
  ...['七(一)', '七(二)', '七(三)'],
];

/** DESIGN.md, "The 2021 plan, as the seed data must hold it". */
const GROUPING: Record<string, Record<string, string[]>> = {
  R1: {
    T01: ['一(一)', '一(二)'],
    T02: ['一(三)', '一(四)'],
    T03: ['一(五)', '一(六)'],
  },
  R2: {
    T04: ['二(一)', '二(二)'],
    T05: ['二(三)'],
    T06: ['三(一)', '三(二)', '三(三)'],
  },
  R3: {
    T07: ['四(一)', '四(二)'],
    T08: ['四(三)'],
  },
  R4: {
    T09: ['五(一)'],
    T10: ['五(二)', '五(三)'],
    T11: ['六(一)', '六(二)', '六(三)', '六(四)'],
  },
  R5: {
    T12: ['七(一)', '七(二)', '七(三)', '一(七)'],
  },
};

const STAGES_WITH_REPORTS: SeedTaskStage[] = ['in_progress', 'submitted', 'returned', 'completed'];

const targets = plan2021.responsibilities.flatMap((r) => r.targets);
const tasks: SeedTask[] = targets.flatMap((t) => t.tasks);
const indicators = targets.flatMap((t) => t.indicators);
const departmentCodes = new Set(plan2021.departments.map((d) => d.code));
const actionItemCodes = new Set(plan2021.actionItems.map((a) => a.code));
const targetCodes = new Set(targets.map((t) => t.code));

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

function isValidMonthDay(value: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  // A non-leap year, so "02-29" (invalid three years in four) is rejected.
  const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth[month - 1];
}

describe('seed data: the 2021 plan', () => {
  it('has the report title and year', () => {
    expect(plan2021.title).toBe('城关区2021年法治政府建设工作要点');
    expect(plan2021.year).toBe(2021);
  });

  it('has 5 responsibilities R1–R5 and 12 targets T01–T12', () => {
    expect(plan2021.responsibilities.map((r) => r.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(targets.map((t) => t.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `T${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('has the 26 measures 一(一) … 七(三) as tasks, each exactly once', () => {
    expect(tasks).toHaveLength(26);
    expect(duplicates(tasks.map((t) => t.code))).toEqual([]);
    expect([...tasks.map((t) => t.code)].sort()).toEqual([...MEASURES].sort());
  });

  it('groups targets and measures as DESIGN.md says', () => {
    const actual: Record<string, Record<string, string[]>> = {};
    for (const r of plan2021.responsibilities) {
      actual[r.code] = {};
      for (const t of r.targets) actual[r.code][t.code] = t.tasks.map((task) => task.code);
    }
    expect(actual).toEqual(GROUPING);
  });

  it('gives every task a title, a description and a lead department', () => {
    for (const task of tasks) {
      expect(task.title.trim()).not.toBe('');
      expect(task.description.trim()).not.toBe('');
      expect(task.leadDepartmentCode).toBeTruthy();
    }
  });

  it('has unique, short, slug-shaped department codes', () => {
    const codes = plan2021.departments.map((d) => d.code);
    expect(duplicates(codes)).toEqual([]);
    for (const code of codes) {
      expect(code.length).toBeLessThanOrEqual(24);
      expect(code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    }
  });

  it('has the leading group and its office', () => {
    const group = plan2021.departments.find((d) => d.code === 'leading-group');
    const office = plan2021.departments.find((d) => d.code === 'office');
    expect(group?.kind).toBe('leading_group');
    expect(office?.kind).toBe('leading_group');
    expect(office?.parentCode).toBe('leading-group');
  });

  it('refers only to existing departments', () => {
    for (const d of plan2021.departments) {
      if (d.parentCode !== undefined) expect(departmentCodes).toContain(d.parentCode);
      expect(d.parentCode).not.toBe(d.code);
    }
    for (const task of tasks) {
      expect(departmentCodes).toContain(task.leadDepartmentCode);
      for (const co of task.coDepartmentCodes ?? []) expect(departmentCodes).toContain(co);
      expect(task.coDepartmentCodes ?? []).not.toContain(task.leadDepartmentCode);
      expect(duplicates(task.coDepartmentCodes ?? [])).toEqual([]);
    }
  });

  it('gives every item a non-empty source', () => {
    const items: { source: string }[] = [
      ...plan2021.departments,
      ...plan2021.responsibilities,
      ...targets,
      ...tasks,
      ...indicators,
      ...plan2021.problems,
      ...plan2021.actionItems,
      ...currentPlan.tasks,
    ];
    for (const item of items) expect(item.source.trim()).not.toBe('');
  });

  it('has indicators with unique codes, a unit and a finite actual value', () => {
    expect(indicators.length).toBeGreaterThan(0);
    expect(duplicates(indicators.map((i) => i.code))).toEqual([]);
    for (const indicator of indicators) {
      expect(indicator.unit.trim()).not.toBe('');
      expect(Number.isFinite(indicator.actual)).toBe(true);
      if (indicator.targetValue !== null) expect(Number.isFinite(indicator.targetValue)).toBe(true);
    }
  });

  it('has 3 problems P1–P3 and 6 action items A1–A6', () => {
    expect(plan2021.problems.map((p) => p.code)).toEqual(['P1', 'P2', 'P3']);
    expect(plan2021.actionItems.map((a) => a.code)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
  });

  it('answers every problem with some action item, linking only existing problems', () => {
    const problemCodes = new Set(plan2021.problems.map((p) => p.code));
    const answered = new Set(plan2021.actionItems.flatMap((a) => a.problemCodes));
    for (const code of answered) expect(problemCodes).toContain(code);
    for (const code of problemCodes) expect(answered).toContain(code);
  });
});

describe('seed data: the current plan', () => {
  it('has a title template with the year placeholder', () => {
    expect(currentPlan.titleTemplate).toContain('{year}');
  });

  it('carries 3–5 existing 2021 targets', () => {
    expect(currentPlan.carriedTargetCodes.length).toBeGreaterThanOrEqual(3);
    expect(currentPlan.carriedTargetCodes.length).toBeLessThanOrEqual(5);
    expect(duplicates(currentPlan.carriedTargetCodes)).toEqual([]);
    for (const code of currentPlan.carriedTargetCodes) expect(targetCodes).toContain(code);
  });

  it('has at least 18 tasks with unique codes, some running whatever the day of seeding', () => {
    expect(currentPlan.tasks.length).toBeGreaterThanOrEqual(18);
    expect(
      currentPlan.tasks.filter((t) => t.rolling && t.stage === 'in_progress').length,
    ).toBeGreaterThanOrEqual(2);
    expect(duplicates(currentPlan.tasks.map((t) => t.code))).toEqual([]);
  });

  it('hangs every task on exactly one existing action item or carried target', () => {
    for (const task of currentPlan.tasks) {
      const parents = [task.actionItemCode, task.targetCode].filter((c) => c !== undefined);
      expect(parents).toHaveLength(1);
      if (task.actionItemCode !== undefined) expect(actionItemCodes).toContain(task.actionItemCode);
      if (task.targetCode !== undefined) expect(currentPlan.carriedTargetCodes).toContain(task.targetCode);
    }
  });

  it('has a task for every action item and every carried target', () => {
    const usedActionItems = new Set(currentPlan.tasks.map((t) => t.actionItemCode));
    const usedTargets = new Set(currentPlan.tasks.map((t) => t.targetCode));
    for (const code of actionItemCodes) expect(usedActionItems).toContain(code);
    for (const code of currentPlan.carriedTargetCodes) expect(usedTargets).toContain(code);
  });

  it('refers only to existing departments', () => {
    for (const task of currentPlan.tasks) {
      expect(departmentCodes).toContain(task.leadDepartmentCode);
      for (const co of task.coDepartmentCodes ?? []) expect(departmentCodes).toContain(co);
      expect(task.coDepartmentCodes ?? []).not.toContain(task.leadDepartmentCode);
    }
  });

  it('has valid MM-DD dates with the due date after the start', () => {
    for (const task of currentPlan.tasks) {
      expect(isValidMonthDay(task.start)).toBe(true);
      expect(isValidMonthDay(task.due)).toBe(true);
      expect(task.due > task.start).toBe(true);
    }
  });

  it('spreads due dates over every quarter', () => {
    const quarters = new Set(currentPlan.tasks.map((t) => Math.ceil(Number(t.due.slice(0, 2)) / 3)));
    expect([...quarters].sort()).toEqual([1, 2, 3, 4]);
  });

  it('has progress reports for in-progress and later stages, rising, and ending at 100 when completed', () => {
    for (const task of currentPlan.tasks) {
      const reports = task.reports ?? [];
      if (STAGES_WITH_REPORTS.includes(task.stage)) expect(reports.length).toBeGreaterThan(0);
      if (['draft', 'assigned', 'accepted'].includes(task.stage)) expect(reports).toEqual([]);
      for (const [i, percent] of reports.entries()) {
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
        if (i > 0) expect(percent).toBeGreaterThan(reports[i - 1]);
      }
      if (task.stage === 'completed') expect(reports[reports.length - 1]).toBe(100);
    }
  });

  it('uses a mix of stages', () => {
    const stages = new Set(currentPlan.tasks.map((t) => t.stage));
    for (const stage of [
      'draft',
      'assigned',
      'accepted',
      'in_progress',
      'submitted',
      'returned',
      'completed',
      'cancelled',
    ] as const) {
      expect(stages).toContain(stage);
    }
  });
});
