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
import { ALL_ROLES, Role } from '../../../common/auth/actor';
import { Department } from '../../departments/entities/department.entity';

@Entity('users')
@Check('users_role_check', `role IN (${ALL_ROLES.map((r) => `'${r}'`).join(', ')})`)
@Check(
  'users_department_role_check',
  `role NOT IN ('dept_manager', 'dept_staff') OR department_id IS NOT NULL`,
)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('users_username_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  /** Where email notices go, when SMTP_URL is set. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Index('users_department_id_idx')
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'department_id' })
  department?: Department | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Bumped when the password changes or the account is disabled: older access tokens stop working. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  /** Failed logins since the last success; at LOGIN_LOCKOUT_THRESHOLD the account locks for a while. */
  @Column({ type: 'int', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
