export const TASK_STATUSES = [
  'draft',
  'assigned',
  'accepted',
  'in_progress',
  'submitted',
  'returned',
  'completed',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const OPEN_STATUSES: readonly TaskStatus[] = [
  'draft',
  'assigned',
  'accepted',
  'in_progress',
  'submitted',
  'returned',
];

/** Handed to a department and not yet closed: these have lights, deadlines that bite, and reminders. */
export const IN_FLIGHT_STATUSES: readonly TaskStatus[] = [
  'assigned',
  'accepted',
  'in_progress',
  'submitted',
  'returned',
];

export const STATUS_LABELS: Record<TaskStatus, string> = {
  draft: '草稿',
  assigned: '已交办',
  accepted: '已签收',
  in_progress: '办理中',
  submitted: '报请办结',
  returned: '已退回',
  completed: '已办结',
  cancelled: '已撤销',
};

export type TrafficLight = 'red' | 'yellow' | 'green';

export const LIGHT_LABELS: Record<TrafficLight, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };
