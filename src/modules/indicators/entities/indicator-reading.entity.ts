import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { numericTransformer } from '../../../database/numeric.transformer';
import { ProgressReport } from '../../progress-reports/entities/progress-report.entity';
import { Indicator } from './indicator.entity';

/** A value of an indicator at a moment: from a progress report, or from the report the plan comes from. */
@Entity('indicator_readings')
@Index('indicator_readings_indicator_id_observed_at_idx', ['indicatorId', 'observedAt'])
export class IndicatorReading {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Indicator;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  value: number;

  @Column({ type: 'timestamptz' })
  observedAt: Date;

  /** The progress report that carried the value; null for seeded or entered readings. */
  @Index('indicator_readings_progress_report_id_idx')
  @Column({ type: 'uuid', nullable: true })
  progressReportId: string | null;

  @ManyToOne(() => ProgressReport, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'progress_report_id' })
  progressReport?: ProgressReport | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  source: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
