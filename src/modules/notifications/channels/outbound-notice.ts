import type { ReminderKind } from '../../reminders/reminder-kind';

/** What an outside channel receives: the event as JSON (the `json` webhook format posts exactly this). */
export interface OutboundNotice {
  id: string;
  kind: ReminderKind;
  level: number;
  title: string;
  body: string;
  taskId: string | null;
  taskCode: string | null;
  planId: string;
  departmentId: string | null;
  /** The task's deadline, ISO-8601. */
  dueAt: string | null;
  sentAt: string;
}
