import { EntityManager } from 'typeorm';
import { Actor } from '../../common/auth/actor';
import { LIGHT_SQL, OVERDUE_SQL } from '../tasks/task-light.sql';
import { visibleTasks } from '../tasks/task-query';
import { TASK_STATUSES, TaskStatus } from '../tasks/task-status';
import { Rollup } from './rollup';

/** Roll-ups of a plan, keyed by node: the plan itself, each target, responsibility and action item (unless `nodes` is false). */
export interface PlanRollups {
  plan: Rollup;
  targets: Map<string, Rollup>;
  responsibilities: Map<string, Rollup>;
  actionItems: Map<string, Rollup>;
}

type Row = Record<string, string | number | null> & {
  target_id: string | null;
  responsibility_id: string | null;
  action_item_id: string | null;
  g_target: number;
  g_responsibility: number;
  g_action_item: number;
};

const statusColumn = (s: TaskStatus) => `st_${s}`;

/**
 * The same figures as rollup() (rollup.ts), counted by PostgreSQL in one pass over the plan's tasks the
 * caller may see (visibleTasks decides which), for every node at once with GROUPING SETS.
 */
export async function planRollups(
  manager: EntityManager,
  actor: Actor,
  planId: string,
  now: Date,
  options: { nodes: boolean } = { nodes: true },
): Promise<PlanRollups> {
  const [visibleSql, params] = visibleTasks(manager, actor, now)
    .select('t.target_id', 'target_id')
    .addSelect('t.action_item_id', 'action_item_id')
    .addSelect('t.status', 'status')
    .addSelect('t.progress', 'progress')
    .addSelect('t.completed_at <= t.due_at', 'on_time')
    .addSelect(LIGHT_SQL, 'light')
    .addSelect(OVERDUE_SQL, 'overdue')
    .andWhere('t.plan_id = :planId', { planId })
    .getQueryAndParameters();
  const rows = await manager.query<Row[]>(
    `SELECT ${
      options.nodes
        ? `v.target_id, tg.responsibility_id, v.action_item_id,
           GROUPING(v.target_id)::int AS g_target, GROUPING(tg.responsibility_id)::int AS g_responsibility,
           GROUPING(v.action_item_id)::int AS g_action_item`
        : `NULL AS target_id, NULL AS responsibility_id, NULL AS action_item_id,
           1 AS g_target, 1 AS g_responsibility, 1 AS g_action_item`
    },
            count(*)::int AS total,
            ${TASK_STATUSES.map((s) => `count(*) FILTER (WHERE v.status = '${s}')::int AS ${statusColumn(s)}`).join(', ')},
            count(*) FILTER (WHERE v.light = 'red')::int AS red,
            count(*) FILTER (WHERE v.light = 'yellow')::int AS yellow,
            count(*) FILTER (WHERE v.light = 'green')::int AS green,
            count(*) FILTER (WHERE v.overdue)::int AS overdue,
            coalesce(sum(v.progress) FILTER (WHERE v.status <> 'cancelled'), 0)::int AS progress_sum,
            count(*) FILTER (WHERE v.status <> 'cancelled')::int AS progress_count,
            count(*) FILTER (WHERE v.status = 'completed')::int AS completed,
            count(*) FILTER (WHERE v.status = 'completed' AND v.on_time)::int AS on_time
       FROM (${visibleSql}) v
      ${
        options.nodes
          ? `LEFT JOIN targets tg ON tg.id = v.target_id
             GROUP BY GROUPING SETS ((v.target_id), (tg.responsibility_id), (v.action_item_id), ())`
          : ''
      }`,
    params,
  );
  const result: PlanRollups = {
    plan: emptyRollup(),
    targets: new Map(),
    responsibilities: new Map(),
    actionItems: new Map(),
  };
  for (const row of rows) {
    const figures = toRollup(row);
    if (row.g_target === 0) {
      if (row.target_id) result.targets.set(row.target_id, figures);
    } else if (row.g_responsibility === 0) {
      if (row.responsibility_id) result.responsibilities.set(row.responsibility_id, figures);
    } else if (row.g_action_item === 0) {
      if (row.action_item_id) result.actionItems.set(row.action_item_id, figures);
    } else {
      result.plan = figures;
    }
  }
  return result;
}

export function emptyRollup(): Rollup {
  return {
    total: 0,
    byStatus: Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>,
    byLight: { red: 0, yellow: 0, green: 0 },
    overdue: 0,
    progress: 0,
    onTimeRate: null,
  };
}

function toRollup(row: Row): Rollup {
  const n = (key: string) => Number(row[key] ?? 0);
  const progressCount = n('progress_count');
  const completed = n('completed');
  return {
    total: n('total'),
    byStatus: Object.fromEntries(TASK_STATUSES.map((s) => [s, n(statusColumn(s))])) as Record<
      TaskStatus,
      number
    >,
    byLight: { red: n('red'), yellow: n('yellow'), green: n('green') },
    overdue: n('overdue'),
    // Rounded as rollup() rounds, so that both give the same figures.
    progress: progressCount ? Math.round((n('progress_sum') / progressCount) * 10) / 10 : 0,
    onTimeRate: completed ? Math.round((n('on_time') / completed) * 1000) / 1000 : null,
  };
}
