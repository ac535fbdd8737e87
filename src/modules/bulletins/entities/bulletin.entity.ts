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
import { Plan } from '../../plans/entities/plan.entity';
import { User } from '../../users/entities/user.entity';
import type { BulletinSnapshot } from '../bulletin-snapshot';

/**
 * 月通报: a plan's figures for a month, frozen when generated. Never updated: regenerating a month adds the
 * next version and keeps the earlier ones.
 */
@Entity('bulletins')
// Also serves the list: a plan's bulletins, newest month and version first.
@Index('bulletins_plan_id_month_version_key', ['planId', 'month', 'version'], { unique: true })
@Check('bulletins_month_check', `month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('bulletins_version_check', `version >= 1`)
export class Bulletin {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  /** "YYYY-MM", a month in the plan's time zone. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'timestamptz' })
  generatedAt: Date;

  /** Null when the worker generated it (or the user is gone). */
  @Index('bulletins_generated_by_id_idx')
  @Column({ type: 'uuid', nullable: true })
  generatedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'generated_by_id' })
  generatedBy?: User | null;

  @Column({ type: 'jsonb' })
  snapshot: BulletinSnapshot;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
