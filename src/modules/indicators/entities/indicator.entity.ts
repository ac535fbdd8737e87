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
import { numericTransformer } from '../../../database/numeric.transformer';
import { Target } from '../../plans/entities/target.entity';

export type IndicatorDirection = 'gte' | 'lte';

/** 指标: a measurable figure on a target. `gte`: met when actual ≥ target; `lte`: when actual ≤ target. */
@Entity('indicators')
@Index('indicators_target_id_code_key', ['targetId', 'code'], { unique: true })
@Check('indicators_direction_check', `direction IN ('gte', 'lte')`)
export class Indicator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  targetId: string;

  @ManyToOne(() => Target, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id' })
  target?: Target;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  unit: string;

  @Column({ type: 'varchar', length: 3 })
  direction: IndicatorDirection;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numericTransformer })
  targetValue: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  source: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
