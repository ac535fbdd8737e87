/** The notice kinds of DESIGN.md's contract. */
export const REMINDER_KINDS = [
  'before_due',
  'overdue',
  'escalation',
  'accept_overdue',
  'monthly_report',
  'urge',
  'returned',
  'assigned',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_STATUSES = ['pending', 'sending', 'sent', 'cancelled', 'failed'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** Kinds tied to the task's current deadline: a new deadline replaces them. */
export const DEADLINE_KINDS: readonly ReminderKind[] = ['before_due', 'overdue', 'escalation'];

export const KIND_LABELS: Record<ReminderKind, string> = {
  before_due: '到期提醒',
  overdue: '逾期通知',
  escalation: '督办升级',
  accept_overdue: '签收超时',
  monthly_report: '月报提醒',
  urge: '催办',
  returned: '退回通知',
  assigned: '交办通知',
};
