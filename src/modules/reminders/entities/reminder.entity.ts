import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Department } from '../../departments/entities/department.entity';
import { Plan } from '../../plans/entities/plan.entity';
import { Task } from '../../tasks/entities/task.entity';
import { REMINDER_KINDS, REMINDER_STATUSES, ReminderKind, ReminderStatus } from '../reminder-kind';

export interface ReminderRecipients {
  userIds: string[];
  departmentIds: string[];
}

/**
 * A planned notice. PostgreSQL is the record of truth: `dedupeKey` is unique per
 * (task, kind, offset, deadline version) — or (plan, department, month) for monthly reports — so a notice
 * is planned, and sent, at most once. Bull only carries the timing.
 */
@Entity('reminders')
@Index('reminders_dedupe_key_key', ['dedupeKey'], { unique: true })
@Index('reminders_task_id_idx', ['taskId'])
// The ranking and the score explanation count a plan's sent escalations and monthly-report reminders.
@Index('reminders_plan_id_kind_status_idx', ['planId', 'kind', 'status'])
// The sweep reads only what is pending and due: its cost follows what is due, not what exists.
@Index('reminders_pending_due_at_idx', ['dueAt'], { where: `status = 'pending'` })
@Check('reminders_kind_check', `kind IN (${REMINDER_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('reminders_status_check', `status IN (${REMINDER_STATUSES.map((s) => `'${s}'`).join(', ')})`)
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ReminderKind;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  @Column({ type: 'uuid', nullable: true })
  taskId: string | null;

  @ManyToOne(() => Task, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'task_id' })
  task?: Task | null;

  /** For monthly report reminders: the department that owes the report. */
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'department_id' })
  department?: Department | null;

  /** The policy offset that placed it (ISO-8601), when there is one. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  offset: string | null;

  /** Escalation level: 1 = 催办 (managers and office), 2 = 督办 (leaders). */
  @Column({ type: 'smallint', default: 0 })
  level: number;

  /** The task's deadline generation it was planned for. */
  @Column({ type: 'integer', nullable: true })
  deadlineVersion: number | null;

  /** When it is to be sent. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: ReminderStatus;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  claimedBy: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  recipients: ReminderRecipients | null;

  /** A manual 催办's words, or why it was cancelled. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  message: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
