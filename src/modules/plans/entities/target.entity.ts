import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlanItemColumns } from './plan-item.columns';
import { Plan } from './plan.entity';
import { Responsibility } from './responsibility.entity';

/** 目标任务: under a responsibility; carries indicators and tasks. */
@Entity('targets')
@Index('targets_plan_id_code_key', ['planId', 'code'], { unique: true })
export class Target extends PlanItemColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('targets_responsibility_id_idx')
  @Column({ type: 'uuid' })
  responsibilityId: string;

  @ManyToOne(() => Responsibility, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'responsibility_id' })
  responsibility?: Responsibility;

  /** Kept beside responsibilityId so that codes are unique per plan and lists filter by plan directly. */
  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;
}
