import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PlanPolicy } from '../plan-policy';

export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

@Entity('plans')
@Index('plans_year_title_key', ['year', 'title'], { unique: true })
@Check('plans_status_check', `status IN ('draft', 'active', 'closed')`)
export class Plan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Index('plans_year_idx')
  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: PlanStatus;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'jsonb' })
  policy: PlanPolicy;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
