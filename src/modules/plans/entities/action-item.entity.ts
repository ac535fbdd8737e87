import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { PlanItemColumns } from './plan-item.columns';
import { Plan } from './plan.entity';
import { Problem } from './problem.entity';

/** 下步工作安排: a next-year action item; it may answer problems. */
@Entity('action_items')
@Index('action_items_plan_id_code_key', ['planId', 'code'], { unique: true })
export class ActionItem extends PlanItemColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  @ManyToMany(() => Problem, { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'action_item_problems',
    joinColumn: { name: 'action_item_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'problem_id', referencedColumnName: 'id' },
  })
  problems?: Problem[];
}
