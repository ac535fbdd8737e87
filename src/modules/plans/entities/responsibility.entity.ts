import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlanItemColumns } from './plan-item.columns';
import { Plan } from './plan.entity';

/** 工作责任: the top level of a plan. */
@Entity('responsibilities')
@Index('responsibilities_plan_id_code_key', ['planId', 'code'], { unique: true })
export class Responsibility extends PlanItemColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;
}
