import { Actor, Role } from '../../common/auth/actor';
import { DomainError, ErrorCode, forbidden } from '../../common/errors/domain-error';
import { OPEN_STATUSES, STATUS_LABELS, TaskStatus } from './task-status';

/**
 * The task life cycle (DESIGN.md):
 *   draft → assigned (交办) → accepted (签收) → in_progress → submitted (报请办结) → completed (办结)
 *   submitted → returned (退回) → in_progress;   any open state → cancelled (office only).
 * The first progress report moves accepted (or returned) to in_progress: that step is `report`.
 */
export type TaskAction = 'assign' | 'accept' | 'report' | 'submit' | 'complete' | 'return' | 'cancel';

interface Rule {
  from: readonly TaskStatus[];
  /** undefined: the action keeps the status (a report on a task already in progress). */
  to?: TaskStatus;
  /** Who may act: the office, or the lead department's manager, or any user of the lead or a co-department. */
  by: 'office' | 'lead_manager' | 'participant';
  needsReason?: boolean;
  label: string;
}

export const LIFECYCLE: Record<TaskAction, Rule> = {
  assign: { from: ['draft'], to: 'assigned', by: 'office', label: '交办' },
  accept: { from: ['assigned'], to: 'accepted', by: 'lead_manager', label: '签收' },
  report: {
    from: ['accepted', 'in_progress', 'returned'],
    to: 'in_progress',
    by: 'participant',
    label: '报送进展',
  },
  submit: { from: ['in_progress'], to: 'submitted', by: 'lead_manager', label: '报请办结' },
  complete: { from: ['submitted'], to: 'completed', by: 'office', label: '办结' },
  return: { from: ['submitted'], to: 'returned', by: 'office', needsReason: true, label: '退回' },
  cancel: { from: OPEN_STATUSES, to: 'cancelled', by: 'office', needsReason: true, label: '撤销' },
};

export interface TaskParties {
  status: TaskStatus;
  leadDepartmentId: string;
  coDepartmentIds: readonly string[];
}

/** Checks who may take the action; throws 403 with a reason a person understands. */
export function assertMayAct(action: TaskAction, task: TaskParties, actor: Actor): void {
  const rule = LIFECYCLE[action];
  switch (rule.by) {
    case 'office':
      if (actor.role !== Role.Office) throw forbidden(`只有领导小组办公室可以${rule.label} (office only)`);
      return;
    case 'lead_manager':
      if (actor.role !== Role.DeptManager || actor.departmentId !== task.leadDepartmentId) {
        throw forbidden(`只有牵头单位负责人可以${rule.label} (lead department manager only)`);
      }
      return;
    case 'participant': {
      const isParticipant =
        actor.departmentId !== null &&
        (actor.departmentId === task.leadDepartmentId || task.coDepartmentIds.includes(actor.departmentId));
      if (!isParticipant || (actor.role !== Role.DeptManager && actor.role !== Role.DeptStaff)) {
        throw forbidden(`只有牵头或配合单位可以${rule.label} (lead or co-organizer departments only)`);
      }
      return;
    }
  }
}

/** The status after the action, or a 409 that names the current state. */
export function nextStatus(action: TaskAction, current: TaskStatus): TaskStatus {
  const rule = LIFECYCLE[action];
  if (!rule.from.includes(current)) {
    throw new DomainError(
      ErrorCode.IllegalTransition,
      `任务当前状态为「${STATUS_LABELS[current]}」(${current})，不能${rule.label} (cannot ${action} a task that is ${current})`,
      { currentStatus: current, action, allowedFrom: rule.from },
    );
  }
  return rule.to ?? current;
}

export function isOpen(status: TaskStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
