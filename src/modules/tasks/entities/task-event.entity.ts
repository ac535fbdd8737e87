import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { TaskStatus } from '../task-status';
import { Task } from './task.entity';

export type TaskEventType =
  | 'created'
  | 'updated'
  | 'transition'
  | 'progress_reported'
  | 'report_reviewed'
  | 'extension_requested'
  | 'extension_decided'
  | 'comment';

/** The history of a task: every transition and every change, with who, when, from, to and why. */
@Entity('task_events')
@Index('task_events_task_id_at_idx', ['taskId', 'at'])
export class TaskEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  taskId: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  @Column({ type: 'varchar', length: 24 })
  type: TaskEventType;

  /** Null when the system acted. */
  @Index('task_events_actor_id_idx')
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id' })
  actor?: User | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: TaskStatus | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStatus: TaskStatus | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason: string | null;

  /** What else the event carries (changed fields, report id, requested deadline …). */
  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
