import { EntityManager } from 'typeorm';
import { BulletinActivity } from './bulletin-snapshot';

/**
 * What happened in a plan within [from, to): completions, returns, hand-overs, progress reports and sent
 * reminders. A read across the records of several modules, as the dashboard's ranking is; each count uses
 * the moment the record itself keeps (completedAt, the return's event time, sentAt …).
 */
export async function monthActivity(
  em: EntityManager,
  planId: string,
  window: { from: Date; to: Date },
): Promise<BulletinActivity> {
  const params = [planId, window.from, window.to];
  const completedTasks = await em.query<
    { id: string; code: string; title: string; completed_at: Date; on_time: boolean }[]
  >(
    `SELECT t.id, t.code, t.title, t.completed_at, t.completed_at <= t.due_at AS on_time
       FROM tasks t
      WHERE t.plan_id = $1 AND t.status = 'completed' AND t.completed_at >= $2 AND t.completed_at < $3
      ORDER BY t.completed_at, t.code`,
    params,
  );
  const [counts] = await em.query<{ returns: number; assigned: number; reports: number }[]>(
    `SELECT
       (SELECT count(*)::int FROM task_events e JOIN tasks t ON t.id = e.task_id
         WHERE t.plan_id = $1 AND e.type = 'transition' AND e.to_status = 'returned'
           AND e.at >= $2 AND e.at < $3) AS returns,
       (SELECT count(*)::int FROM tasks t
         WHERE t.plan_id = $1 AND t.assigned_at >= $2 AND t.assigned_at < $3) AS assigned,
       (SELECT count(*)::int FROM progress_reports r JOIN tasks t ON t.id = r.task_id
         WHERE t.plan_id = $1 AND r.created_at >= $2 AND r.created_at < $3) AS reports`,
    params,
  );
  const reminders = await em.query<{ kind: string; n: number }[]>(
    `SELECT r.kind, count(*)::int AS n FROM reminders r
      WHERE r.plan_id = $1 AND r.status = 'sent' AND r.sent_at >= $2 AND r.sent_at < $3
      GROUP BY r.kind ORDER BY r.kind`,
    params,
  );
  return {
    completed: completedTasks.length,
    completedOnTime: completedTasks.filter((t) => t.on_time).length,
    completedTasks: completedTasks.map((t) => ({
      id: t.id,
      code: t.code,
      title: t.title,
      completedAt: t.completed_at.toISOString(),
      onTime: t.on_time,
    })),
    returns: counts.returns,
    assigned: counts.assigned,
    progressReports: counts.reports,
    remindersSent: reminders.reduce((sum, r) => sum + r.n, 0),
    remindersByKind: Object.fromEntries(reminders.map((r) => [r.kind, r.n])),
  };
}
