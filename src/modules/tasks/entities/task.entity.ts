import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Department } from '../../departments/entities/department.entity';
import { ActionItem } from '../../plans/entities/action-item.entity';
import { Plan } from '../../plans/entities/plan.entity';
import { Target } from '../../plans/entities/target.entity';
import { TASK_STATUSES, TaskStatus } from '../task-status';

/** 工作任务 / 督办事项: the assignable unit, under a target or an action item. */
@Entity('tasks')
@Index('tasks_plan_id_code_key', ['planId', 'code'], { unique: true })
@Index('tasks_plan_id_status_due_at_idx', ['planId', 'status', 'dueAt'])
@Index('tasks_lead_department_id_status_idx', ['leadDepartmentId', 'status'])
@Check('tasks_status_check', `status IN (${TASK_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Check('tasks_parent_check', `(target_id IS NULL) <> (action_item_id IS NULL)`)
@Check('tasks_due_after_start_check', `due_at > start_at`)
@Check('tasks_progress_check', `progress BETWEEN 0 AND 100`)
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  @Index('tasks_target_id_idx')
  @Column({ type: 'uuid', nullable: true })
  targetId: string | null;

  @ManyToOne(() => Target, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'target_id' })
  target?: Target | null;

  @Index('tasks_action_item_id_idx')
  @Column({ type: 'uuid', nullable: true })
  actionItemId: string | null;

  @ManyToOne(() => ActionItem, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'action_item_id' })
  actionItem?: ActionItem | null;

  /** Unique within the plan; given by the seed (the report's measure number) or generated. */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: TaskStatus;

  @Column({ type: 'uuid' })
  leadDepartmentId: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_department_id' })
  leadDepartment?: Department;

  @ManyToMany(() => Department)
  @JoinTable({
    name: 'task_co_departments',
    joinColumn: { name: 'task_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'department_id', referencedColumnName: 'id' },
  })
  coDepartments?: Department[];

  @Column({ type: 'timestamptz' })
  startAt: Date;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** The deadline first set; an approved extension moves dueAt but never this. */
  @Column({ type: 'timestamptz' })
  originalDueAt: Date;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  /** Optimistic lock: every write bumps it; a write naming an older version is refused. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /** Counts reminders' deadline generations: bumped when dueAt changes. */
  @Column({ type: 'integer', default: 1 })
  deadlineVersion: number;

  @Column({ type: 'smallint', default: 0 })
  returnCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  source: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
