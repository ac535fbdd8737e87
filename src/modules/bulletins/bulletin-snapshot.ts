import { DepartmentRow } from '../dashboard/dto/dashboard.dto';
import { IndicatorDirection } from '../indicators/entities/indicator.entity';
import { Rollup } from '../plan-tree/rollup';
import { TaskStatus } from '../tasks/task-status';

/**
 * What a bulletin holds, as it was when generated. Times are ISO-8601 strings (UTC); `timeZone` says where
 * they are to be shown. Stored as JSON: add fields freely, never change the meaning of one.
 */
export interface BulletinSnapshot {
  schema: 1;
  plan: { id: string; title: string; year: number };
  timeZone: string;
  month: string;
  /** The month in the plan's zone, as a half-open window [from, to). */
  window: { from: string; to: string };
  /** When the figures were taken: totals, lights, ranking, overdue list and indicators are as of then. */
  asOf: string;
  totals: Rollup;
  ranking: DepartmentRow[];
  overdue: BulletinOverdueTask[];
  indicators: BulletinIndicator[];
  /** What happened within the month's window. */
  activity: BulletinActivity;
}

export interface BulletinOverdueTask {
  id: string;
  code: string;
  title: string;
  status: TaskStatus;
  leadDepartmentId: string;
  leadDepartmentName: string;
  dueAt: string;
  originalDueAt: string;
  /** Whole days past the deadline at `asOf`. */
  daysOverdue: number;
  progress: number;
}

export interface BulletinIndicator {
  id: string;
  targetCode: string;
  targetTitle: string;
  code: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  targetValue: number | null;
  actual: number | null;
  observedAt: string | null;
  met: boolean | null;
}

export interface BulletinActivity {
  /** Tasks completed (办结) within the window, on time or late. */
  completed: number;
  completedOnTime: number;
  completedTasks: { id: string; code: string; title: string; completedAt: string; onTime: boolean }[];
  /** Returns (退回) within the window. */
  returns: number;
  /** Tasks handed over (交办) within the window. */
  assigned: number;
  /** Progress reports filed within the window. */
  progressReports: number;
  /** Reminders and urges sent within the window, in all and by kind. */
  remindersSent: number;
  remindersByKind: Record<string, number>;
}
