import { TaskView } from '../tasks/dto/task.dto';
import { TASK_STATUSES, TaskStatus } from '../tasks/task-status';

export interface Rollup {
  total: number;
  byStatus: Record<TaskStatus, number>;
  byLight: { red: number; yellow: number; green: number };
  overdue: number;
  /** Mean progress of the node's tasks (cancelled ones left out), 0–100. */
  progress: number;
  /** Completed on time ÷ completed; null before anything is completed. */
  onTimeRate: number | null;
}

export function rollup(tasks: TaskView[]): Rollup {
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const byLight = { red: 0, yellow: 0, green: 0 };
  let overdue = 0;
  let progressSum = 0;
  let progressCount = 0;
  let completed = 0;
  let onTime = 0;
  for (const task of tasks) {
    byStatus[task.status] += 1;
    if (task.light) byLight[task.light] += 1;
    if (task.overdue) overdue += 1;
    if (task.status !== 'cancelled') {
      progressSum += task.progress;
      progressCount += 1;
    }
    if (task.status === 'completed') {
      completed += 1;
      if (task.onTime) onTime += 1;
    }
  }
  return {
    total: tasks.length,
    byStatus,
    byLight,
    overdue,
    progress: progressCount ? Math.round((progressSum / progressCount) * 10) / 10 : 0,
    onTimeRate: completed ? Math.round((onTime / completed) * 1000) / 1000 : null,
  };
}
