import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Actor, isDepartmentRole } from '../../common/auth/actor';
import { escapeLike } from '../departments/departments.service';
import { ListTasksQuery, TaskView } from './dto/task.dto';
import { Task } from './entities/task.entity';
import { CO_DEPARTMENTS_SQL, EXPECTED_SQL, LIGHT_SQL, OVERDUE_SQL, PARTICIPATES_SQL } from './task-light.sql';
import { TrafficLight } from './task-status';

/**
 * The one place that decides which tasks a caller may see (department users: tasks where their
 * department is lead or co-organizer) and how a task row becomes a TaskView. Every read of tasks,
 * and of what hangs off a task, goes through here.
 */
export function visibleTasks(manager: EntityManager, actor: Actor, now: Date): SelectQueryBuilder<Task> {
  const qb = manager
    .getRepository(Task)
    .createQueryBuilder('t')
    .innerJoin('t.plan', 'p')
    .select([])
    .setParameter('now', now.toISOString());
  for (const column of TASK_COLUMNS) qb.addSelect(`t.${column}`, column);
  qb.addSelect(CO_DEPARTMENTS_SQL, 'coDepartmentIds')
    .addSelect(EXPECTED_SQL, 'expected')
    .addSelect(LIGHT_SQL, 'light')
    .addSelect(OVERDUE_SQL, 'overdue');
  if (isDepartmentRole(actor.role)) {
    qb.andWhere(PARTICIPATES_SQL('scopeDepartmentId'), { scopeDepartmentId: actor.departmentId });
  }
  return qb;
}

/** The filters of GET /tasks, without the paging: shared by the list and the exports. */
export type TaskFilters = Omit<ListTasksQuery, 'page' | 'pageSize'>;

/** Narrows a visibleTasks() query to the filters. */
export function applyTaskFilters(qb: SelectQueryBuilder<Task>, query: TaskFilters): SelectQueryBuilder<Task> {
  if (query.planId) qb.andWhere('t.plan_id = :planId', { planId: query.planId });
  if (query.targetId) qb.andWhere('t.target_id = :targetId', { targetId: query.targetId });
  if (query.actionItemId)
    qb.andWhere('t.action_item_id = :actionItemId', { actionItemId: query.actionItemId });
  if (query.departmentId) qb.andWhere(PARTICIPATES_SQL('departmentId'), { departmentId: query.departmentId });
  if (query.status?.length) qb.andWhere('t.status IN (:...status)', { status: query.status });
  if (query.light) qb.andWhere(`(${LIGHT_SQL}) = :light`, { light: query.light });
  if (query.overdue !== undefined) qb.andWhere(query.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
  if (query.dueBefore) qb.andWhere('t.due_at < :dueBefore', { dueBefore: query.dueBefore });
  if (query.q) qb.andWhere('(t.title ILIKE :q OR t.code ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
  return qb;
}

const TASK_COLUMNS = [
  'id',
  'code',
  'planId',
  'targetId',
  'actionItemId',
  'title',
  'description',
  'status',
  'leadDepartmentId',
  'startAt',
  'dueAt',
  'originalDueAt',
  'progress',
  'version',
  'deadlineVersion',
  'returnCount',
  'assignedAt',
  'acceptedAt',
  'submittedAt',
  'completedAt',
  'source',
  'createdAt',
  'updatedAt',
] as const;

type TaskColumn = (typeof TASK_COLUMNS)[number];
export type TaskRow = Pick<Task, TaskColumn> & {
  coDepartmentIds: string[];
  expected: number;
  light: TrafficLight | null;
  overdue: boolean;
};

export function toTaskView(row: TaskRow): TaskView {
  const completedAt = row.completedAt;
  return {
    id: row.id,
    code: row.code,
    planId: row.planId,
    targetId: row.targetId,
    actionItemId: row.actionItemId,
    title: row.title,
    description: row.description,
    status: row.status,
    leadDepartmentId: row.leadDepartmentId,
    coDepartmentIds: row.coDepartmentIds ?? [],
    startAt: row.startAt,
    dueAt: row.dueAt,
    originalDueAt: row.originalDueAt,
    progress: row.progress,
    expected: row.expected,
    light: row.light,
    overdue: row.overdue,
    onTime: completedAt ? completedAt.getTime() <= row.dueAt.getTime() : null,
    version: row.version,
    deadlineVersion: row.deadlineVersion,
    returnCount: row.returnCount,
    assignedAt: row.assignedAt,
    acceptedAt: row.acceptedAt,
    submittedAt: row.submittedAt,
    completedAt,
    source: row.source,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
