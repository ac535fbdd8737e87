/**
 * Shapes of the seed data. Every item carries `source`: the section of the 2021 report
 * (../shared/source/chengguan-2021-rule-of-law-report.txt) it comes from, e.g. "§六(一)".
 */

export type DepartmentKind =
  | 'leading_group' // 领导小组 and its office
  | 'party_organ' // 党委机关: 宣传部, 政法委, 组织部, 纪委监委 …
  | 'government' // 政府工作部门: 司法局, 行审局 …
  | 'judicial' // 法院, 检察院
  | 'street' // 街道
  | 'community' // 社区 / 村
  | 'mass_org' // 群团组织: 妇联, 团委, 法学会 …
  | 'supervisory'; // 人大常委会, 政协 (they supervise the government)

export interface SeedDepartment {
  /** Stable ASCII code, used in usernames: `<code>-manager`, `<code>-staff`. */
  code: string;
  name: string;
  kind: DepartmentKind;
  parentCode?: string;
  /** True when the report implies the unit but does not name it. */
  inferred?: boolean;
  source: string;
}

export interface SeedIndicator {
  /** Unique within the plan, e.g. "T11-mediations". */
  code: string;
  name: string;
  unit: string;
  /** gte: higher is better (actual ≥ target is met); lte: lower is better. */
  direction: 'gte' | 'lte';
  /** The target value, when the report states or clearly implies one; otherwise null. */
  targetValue: number | null;
  /** The 2021 figure the report gives, stored as a reading dated at the report's date. */
  actual: number;
  source: string;
}

export interface SeedTask {
  /** The report's numbered measure, e.g. "一(一)". */
  code: string;
  title: string;
  description: string;
  leadDepartmentCode: string;
  /** True when the report names no lead department and the unit whose function it is was chosen. */
  leadInferred?: boolean;
  coDepartmentCodes?: string[];
  source: string;
}

export interface SeedTarget {
  code: string; // T01 … T12
  title: string;
  source: string;
  tasks: SeedTask[];
  indicators: SeedIndicator[];
}

export interface SeedResponsibility {
  code: string; // R1 … R5
  title: string;
  source: string;
  targets: SeedTarget[];
}

export interface SeedProblem {
  code: string; // P1 … P3
  title: string;
  description: string;
  source: string;
}

export interface SeedActionItem {
  code: string; // A1 … A6
  title: string;
  description: string;
  /** Problems this action item answers. */
  problemCodes: string[];
  source: string;
}

export interface SeedPlan2021 {
  title: string;
  year: number;
  departments: SeedDepartment[];
  responsibilities: SeedResponsibility[];
  problems: SeedProblem[];
  actionItems: SeedActionItem[];
}

/** Where the seed drives a current-year task to, through the real life cycle. */
export type SeedTaskStage =
  'draft' | 'assigned' | 'accepted' | 'in_progress' | 'submitted' | 'returned' | 'completed' | 'cancelled';

export interface SeedCurrentTask {
  code: string;
  title: string;
  description: string;
  /** Exactly one of actionItemCode / targetCode (a target carried over from 2021). */
  actionItemCode?: string;
  targetCode?: string;
  leadDepartmentCode: string;
  coDepartmentCodes?: string[];
  /** Month and day in the current year, "MM-DD", in the plan's time zone. */
  start: string;
  due: string;
  /**
   * For tasks that must be running on whatever day the demo is loaded (so that the demo always shows a
   * green and a yellow light): start and deadline counted from the day of seeding, replacing start/due.
   */
  rolling?: { startDaysAgo: number; dueInDays: number };
  stage: SeedTaskStage;
  /** Progress reports filed, in order (percent). In-progress and later stages need at least one. */
  reports?: number[];
  source: string;
}

export interface SeedCurrentPlan {
  /** Title with `{year}` in place of the current year. */
  titleTemplate: string;
  /** Codes of the 2021 targets carried over (with their responsibilities). */
  carriedTargetCodes: string[];
  tasks: SeedCurrentTask[];
}
