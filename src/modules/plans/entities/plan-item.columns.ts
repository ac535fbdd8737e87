import { Column, CreateDateColumn } from 'typeorm';

/** Columns shared by the nodes of a plan: responsibilities, targets, problems and action items. */
export abstract class PlanItemColumns {
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The report section the item comes from, for seeded data. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  source: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
