import { Actor, Role } from '../../common/auth/actor';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { assertMayAct, nextStatus, TaskAction } from './task-lifecycle';
import { TASK_STATUSES, TaskStatus } from './task-status';

const LEAD = 'lead-dept';
const CO = 'co-dept';
const task = (status: TaskStatus) => ({ status, leadDepartmentId: LEAD, coDepartmentIds: [CO] });
const actor = (role: Role, departmentId: string | null = null): Actor => ({
  id: 'u',
  username: 'u',
  role,
  departmentId,
});

function errorCode(fn: () => unknown): ErrorCode | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('task life cycle', () => {
  it('walks assign → accept → report → submit → return → report → submit → complete', () => {
    const steps: [TaskAction, TaskStatus][] = [
      ['assign', 'assigned'],
      ['accept', 'accepted'],
      ['report', 'in_progress'],
      ['report', 'in_progress'],
      ['submit', 'submitted'],
      ['return', 'returned'],
      ['report', 'in_progress'],
      ['submit', 'submitted'],
      ['complete', 'completed'],
    ];
    let status: TaskStatus = 'draft';
    for (const [action, expected] of steps) {
      status = nextStatus(action, status);
      expect(status).toBe(expected);
    }
  });

  it.each([
    ['accept', 'draft'],
    ['submit', 'accepted'],
    ['submit', 'returned'],
    ['complete', 'in_progress'],
    ['return', 'in_progress'],
    ['report', 'assigned'],
    ['report', 'submitted'],
    ['assign', 'assigned'],
    ['cancel', 'completed'],
    ['cancel', 'cancelled'],
  ] as [TaskAction, TaskStatus][])('refuses %s from %s with a 409 naming the state', (action, from) => {
    expect(() => nextStatus(action, from)).toThrow(new RegExp(from));
    expect(errorCode(() => nextStatus(action, from))).toBe(ErrorCode.IllegalTransition);
  });

  it('lets the office cancel every open task and nothing closed', () => {
    for (const status of TASK_STATUSES) {
      const closed = status === 'completed' || status === 'cancelled';
      expect(errorCode(() => nextStatus('cancel', status))).toBe(
        closed ? ErrorCode.IllegalTransition : undefined,
      );
    }
  });

  it('lets only the lead department manager accept and submit', () => {
    expect(
      errorCode(() => assertMayAct('accept', task('assigned'), actor(Role.DeptManager, LEAD))),
    ).toBeUndefined();
    expect(errorCode(() => assertMayAct('accept', task('assigned'), actor(Role.DeptStaff, LEAD)))).toBe(
      ErrorCode.Forbidden,
    );
    expect(errorCode(() => assertMayAct('submit', task('in_progress'), actor(Role.DeptManager, CO)))).toBe(
      ErrorCode.Forbidden,
    );
    expect(errorCode(() => assertMayAct('accept', task('assigned'), actor(Role.Office)))).toBe(
      ErrorCode.Forbidden,
    );
  });

  it('lets lead and co-organizer users report, and nobody else', () => {
    expect(
      errorCode(() => assertMayAct('report', task('accepted'), actor(Role.DeptStaff, LEAD))),
    ).toBeUndefined();
    expect(
      errorCode(() => assertMayAct('report', task('accepted'), actor(Role.DeptStaff, CO))),
    ).toBeUndefined();
    expect(errorCode(() => assertMayAct('report', task('accepted'), actor(Role.DeptStaff, 'other')))).toBe(
      ErrorCode.Forbidden,
    );
    expect(errorCode(() => assertMayAct('report', task('accepted'), actor(Role.Office)))).toBe(
      ErrorCode.Forbidden,
    );
  });

  it('keeps assign, complete, return and cancel for the office', () => {
    for (const action of ['assign', 'complete', 'return', 'cancel'] as TaskAction[]) {
      expect(errorCode(() => assertMayAct(action, task('submitted'), actor(Role.Office)))).toBeUndefined();
      expect(errorCode(() => assertMayAct(action, task('submitted'), actor(Role.DeptManager, LEAD)))).toBe(
        ErrorCode.Forbidden,
      );
      expect(errorCode(() => assertMayAct(action, task('submitted'), actor(Role.Leader)))).toBe(
        ErrorCode.Forbidden,
      );
    }
  });
});
