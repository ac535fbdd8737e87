import { IN_FLIGHT_STATUSES } from './task-status';

/**
 * Expected progress (序时进度) and the traffic light (红黄绿灯) as SQL over `t` (tasks) and `p` (plans),
 * at the moment bound to :now, with the plan's own thresholds from its policy (DESIGN.md):
 * - red:    now > dueAt, or progress < expected − redLag;
 * - yellow: due within yellowWindow and not submitted, or progress < expected − yellowLag,
 *           or assigned and not signed for within acceptWithin;
 * - green:  otherwise. Drafts (not yet handed to anyone), completed and cancelled tasks have no light.
 * Kept in SQL so that lists filter and page by light in the database.
 */
const EXPECTED_EXACT_SQL = `LEAST(100, GREATEST(0, 100 * EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - t.start_at)) / NULLIF(EXTRACT(EPOCH FROM (t.due_at - t.start_at)), 0)))`;

/** Expected progress rounded for display; the light compares against the exact value. */
export const EXPECTED_SQL = `CAST(ROUND(${EXPECTED_EXACT_SQL}) AS integer)`;

export const IN_FLIGHT_SQL = `t.status IN (${IN_FLIGHT_STATUSES.map((st) => `'${st}'`).join(', ')})`;

export const OVERDUE_SQL = `(${IN_FLIGHT_SQL} AND CAST(:now AS timestamptz) > t.due_at)`;

export const LIGHT_SQL = `CASE
  WHEN NOT (${IN_FLIGHT_SQL}) THEN NULL
  WHEN CAST(:now AS timestamptz) > t.due_at
    OR t.progress < ${EXPECTED_EXACT_SQL} - (p.policy->>'redLag')::numeric THEN 'red'
  WHEN (t.due_at - CAST(:now AS timestamptz) <= (p.policy->>'yellowWindow')::interval AND t.status <> 'submitted')
    OR t.progress < ${EXPECTED_EXACT_SQL} - (p.policy->>'yellowLag')::numeric
    OR (t.status = 'assigned' AND CAST(:now AS timestamptz) > t.assigned_at + (p.policy->>'acceptWithin')::interval)
    THEN 'yellow'
  ELSE 'green'
END`;

export const CO_DEPARTMENTS_SQL = `ARRAY(SELECT c.department_id FROM task_co_departments c WHERE c.task_id = t.id ORDER BY c.department_id)`;

/**
 * Tasks a department takes part in, as lead or co-organizer. The co-organized ids come from an init plan
 * (evaluated once), so that both sides of the OR are index conditions (a BitmapOr) rather than a scan of
 * every task with a subquery per row.
 */
export const PARTICIPATES_SQL = (param: string): string =>
  `(t.lead_department_id = :${param} OR t.id = ANY(ARRAY(SELECT c.task_id FROM task_co_departments c WHERE c.department_id = :${param})))`;
