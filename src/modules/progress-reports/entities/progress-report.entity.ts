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
import { Task } from '../../tasks/entities/task.entity';
import { User } from '../../users/entities/user.entity';

export type ReviewStatus = 'pending' | 'accepted' | 'returned';

/** 进展报告: percent, narrative and figures from a department, reviewed by the office. */
@Entity('progress_reports')
@Index('progress_reports_task_id_created_at_idx', ['taskId', 'createdAt'])
@Index('progress_reports_department_id_created_at_idx', ['departmentId', 'createdAt'])
@Index('progress_reports_review_status_idx', ['reviewStatus'])
@Check('progress_reports_percent_check', `percent BETWEEN 0 AND 100`)
@Check('progress_reports_review_status_check', `review_status IN ('pending', 'accepted', 'returned')`)
export class ProgressReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  taskId: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  /** The reporting department (the lead or a co-organizer). */
  @Column({ type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'author_id' })
  author?: User | null;

  @Column({ type: 'smallint' })
  percent: number;

  @Column({ type: 'varchar', length: 5000 })
  summary: string;

  /** Links or file references offered as evidence. */
  @Column({ type: 'jsonb' })
  evidence: string[];

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  reviewStatus: ReviewStatus;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'reviewed_by_id' })
  reviewedBy?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reviewComment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
