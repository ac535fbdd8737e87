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
import { Task } from '../../tasks/entities/task.entity';
import { User } from '../../users/entities/user.entity';

export type ExtensionStatus = 'pending' | 'approved' | 'rejected';

/** 延期申请: the lead department asks for a new deadline; the office approves or rejects. */
@Entity('extension_requests')
@Index('extension_requests_task_id_idx', ['taskId'])
@Index('extension_requests_status_idx', ['status'])
// At most one pending request per task.
@Index('extension_requests_one_pending_key', ['taskId'], { unique: true, where: `status = 'pending'` })
@Check('extension_requests_status_check', `status IN ('pending', 'approved', 'rejected')`)
export class ExtensionRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  taskId: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'requested_by_id' })
  requestedBy?: User | null;

  /** The deadline when the request was made. */
  @Column({ type: 'timestamptz' })
  currentDueAt: Date;

  @Column({ type: 'timestamptz' })
  requestedDueAt: Date;

  @Column({ type: 'varchar', length: 2000 })
  reason: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: ExtensionStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
