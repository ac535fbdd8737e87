import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlanItemColumns } from './plan-item.columns';
import { Plan } from './plan.entity';

/** 存在问题: a shortcoming the report names. */
@Entity('problems')
@Index('problems_plan_id_code_key', ['planId', 'code'], { unique: true })
export class Problem extends PlanItemColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;
}
