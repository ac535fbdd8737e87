import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const DEPARTMENT_KINDS = [
  'leading_group',
  'party_organ',
  'government',
  'judicial',
  'street',
  'community',
  'mass_org',
  'supervisory',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

@Entity('departments')
@Check('departments_kind_check', `kind IN (${DEPARTMENT_KINDS.map((k) => `'${k}'`).join(', ')})`)
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('departments_code_key', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: DepartmentKind;

  @Index('departments_parent_id_idx')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Department | null;

  /** The report implies the unit but does not name it. */
  @Column({ type: 'boolean', default: false })
  inferred: boolean;

  /** Where the unit comes from (a report section), for seeded data. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  source: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
