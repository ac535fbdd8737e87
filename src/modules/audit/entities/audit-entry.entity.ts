import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One write, as the audit log keeps it: who (actor, request id, address), when, what (action, operation,
 * entity and its id) and the row before and after. Written in the same transaction as the change, so a
 * write and its audit row land or fail together. Append-only: a trigger refuses UPDATE and DELETE.
 */
@Entity('audit_log')
@Index('audit_log_at_idx', ['at'])
@Index('audit_log_entity_idx', ['entity', 'entityId', 'at'])
@Index('audit_log_actor_idx', ['actorId', 'at'])
@Index('audit_log_request_id_idx', ['requestId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** Null for a failed login with an unknown username. No foreign key: the log outlives what it names. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  /** What the caller asked for, e.g. `tasks.accept`, `auth.login`. */
  @Column({ type: 'varchar', length: 80 })
  action: string;

  /** What happened to the row: insert, update, delete, or an event such as login_failed. */
  @Column({ type: 'varchar', length: 32 })
  operation: string;

  /** The kind of row, e.g. `task`, `progressReport`, `user`. */
  @Column({ type: 'varchar', length: 64 })
  entity: string;

  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
