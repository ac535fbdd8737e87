export type Role = 'admin' | 'office' | 'leader' | 'observer' | 'dept_manager' | 'dept_staff';
import type { TaskStatus, TrafficLight as Light } from '../../../src/modules/tasks/task-status';

// The task vocabulary is the server's own.
export type { Light, TaskStatus };

export interface User {
  id: string;
  username: string;
  displayName?: string;
  role: Role;
  departmentId: string | null;
}

export interface LoginAnswer {
  accessToken: string;
  refreshToken: string;
  user: User;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}

export interface Plan {
  id: string;
  title: string;
  year: number;
  status: string;
  timeZone: string;
  description?: string | null;
}

export interface Rollup {
  total: number;
  byStatus: Record<TaskStatus, number>;
  byLight: Record<Light, number>;
  overdue: number;
  progress: number | null;
  onTimeRate: number | null;
}

export interface Task {
  id: string;
  code: string;
  planId: string;
  targetId: string | null;
  actionItemId: string | null;
  title: string;
  description: string | null;
  status: TaskStatus;
  leadDepartmentId: string;
  coDepartmentIds: string[];
  startAt: string;
  dueAt: string;
  originalDueAt: string;
  progress: number;
  expected: number;
  light: Light | null;
  overdue: boolean;
  onTime: boolean | null;
  version: number;
  returnCount: number;
  assignedAt: string | null;
  acceptedAt: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  source: string | null;
}

export interface TaskEvent {
  id: string;
  type: string;
  actorId: string | null;
  at: string;
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

export interface TaskDetail extends Task {
  events: TaskEvent[];
}

export interface Indicator {
  id: string;
  targetId: string;
  code: string;
  name: string;
  unit: string | null;
  direction: 'gte' | 'lte';
  targetValue: number | null;
  latest: { id: string; value: number; observedAt: string } | null;
  met: boolean | null;
}

export interface PlanItem {
  id: string;
  code: string;
  title: string;
  description: string | null;
  source: string | null;
}

export interface TargetNode extends PlanItem {
  rollup: Rollup;
  indicators: Indicator[];
  tasks: Task[];
}
export interface ResponsibilityNode extends PlanItem {
  rollup: Rollup;
  targets: TargetNode[];
}
export interface ActionItemNode extends PlanItem {
  problemIds: string[];
  rollup: Rollup;
  tasks: Task[];
}
export interface PlanTree {
  plan: Plan;
  rollup: Rollup;
  responsibilities: ResponsibilityNode[];
  actionItems: ActionItemNode[];
  problems: (PlanItem & { actionItemIds: string[] })[];
}

export interface ProgressReport {
  id: string;
  taskId: string;
  departmentId: string;
  authorId: string | null;
  percent: number;
  summary: string;
  indicatorValues: { indicatorId: string; value: number }[];
  evidence: string[];
  reviewStatus: 'pending' | 'accepted' | 'returned';
  reviewedAt: string | null;
  reviewComment: string | null;
  createdAt: string;
}

export interface Extension {
  id: string;
  taskId: string;
  currentDueAt: string;
  requestedDueAt: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedAt: string | null;
  comment: string | null;
  createdAt: string;
}

export interface Notification {
  id: string;
  kind: string;
  taskId: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface Delivery {
  channel: string;
  target: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

export interface Reminder {
  id: string;
  kind: string;
  dueAt: string;
  status: string;
  sentAt: string | null;
  offset: string | null;
  level: number;
  message: string | null;
  deliveries: Delivery[];
}

export interface BriefTask {
  id: string;
  code: string;
  title: string;
  status: TaskStatus;
  leadDepartmentId: string;
  dueAt: string;
  progress: number;
  light: Light | null;
}

export interface DashboardSummary {
  planId: string;
  timeZone: string;
  at: string;
  totals: Rollup;
  byLight: Record<Light, number>;
  overdue: BriefTask[];
  dueIn7Days: BriefTask[];
  reportsOwed: { departmentId: string; code: string; name: string; openTasks: number }[];
}

export interface DepartmentRow {
  departmentId: string;
  code: string;
  name: string;
  score: number;
  rank: number;
  onTimeRate?: number | null;
  leadTasks?: number;
  coTasks?: number;
  completed?: number;
  onTime?: number;
  late?: number;
  overdue?: number;
  returns?: number;
  escalations?: number;
  reportsLate?: number;
}

export interface Bulletin {
  id: string;
  planId: string;
  month: string;
  version: number;
  generatedAt: string;
  generatedById: string | null;
  summary: {
    planTitle: string;
    total: number;
    byLight: Record<Light, number>;
    overdue: number;
    completedInMonth: number;
    returnsInMonth: number;
    remindersSentInMonth: number;
  };
}
