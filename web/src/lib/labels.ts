import type { Light, Role, TaskStatus } from '../api/types';

// The words for states and lights are the server's own (the exports and bulletins use them too).
import { LIGHT_LABELS, STATUS_LABELS } from '../../../src/modules/tasks/task-status';

export { LIGHT_LABELS, STATUS_LABELS };

export const STATUS_COLORS: Record<TaskStatus, string> = {
  draft: 'default',
  assigned: 'blue',
  accepted: 'cyan',
  in_progress: 'processing',
  submitted: 'purple',
  returned: 'orange',
  completed: 'success',
  cancelled: 'default',
};

export const LIGHT_COLORS: Record<Light, string> = { red: '#f5222d', yellow: '#faad14', green: '#52c41a' };

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '领导小组办公室',
  leader: '领导小组成员',
  observer: '监督观察员',
  dept_manager: '单位负责人',
  dept_staff: '单位联络员',
};

export const NOTICE_LABELS: Record<string, string> = {
  assigned: '交办通知',
  before_due: '到期提醒',
  overdue: '逾期通知',
  escalation: '催办/督办',
  accept_overdue: '签收超时',
  monthly_report: '月报提醒',
  returned: '退回通知',
  urge: '催办',
};

export const REMINDER_STATUS_LABELS: Record<string, string> = {
  pending: '待发送',
  sent: '已发送',
  cancelled: '已取消',
  sending: '发送中',
  failed: '发送失败',
};

const TRANSITION_LABELS: Partial<Record<TaskStatus, string>> = {
  assigned: '交办',
  accepted: '签收',
  in_progress: '开始办理',
  submitted: '报请办结',
  returned: '退回',
  completed: '办结',
  cancelled: '撤销',
};

const EVENT_LABELS: Record<string, string> = {
  created: '创建',
  updated: '修改',
  progress_reported: '报送进展',
  report_reviewed: '审核进展',
  extension_requested: '申请延期',
  extension_decided: '延期审批',
};

export function eventLabel(type: string, toStatus: TaskStatus | null): string {
  if (type === 'transition' && toStatus) return TRANSITION_LABELS[toStatus] ?? STATUS_LABELS[toStatus];
  return EVENT_LABELS[type] ?? type;
}

export const REVIEW_LABELS: Record<string, string> = {
  pending: '待审核',
  accepted: '已采纳',
  returned: '已退回',
};
export const EXTENSION_LABELS: Record<string, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
};

export const OPEN_IN_FLIGHT: TaskStatus[] = ['assigned', 'accepted', 'in_progress', 'submitted', 'returned'];
