import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/auth/actor';
import { currentRequestContext } from '../../common/context/request-context';
import { Page, pageOf } from '../../common/http/pagination';
import { Clock } from '../../common/time/clock';
import { AuditEntryView, ListAuditLogQuery } from './dto/audit.dto';
import { AuditEntry } from './entities/audit-entry.entity';

export interface AuditRecord {
  operation: string;
  entity: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Defaults to the request's action. */
  action?: string;
  /** Defaults to the request's caller (a login names the user it is about). */
  actor?: Pick<Actor, 'id' | 'username' | 'role'> | null;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Writes one audit row through `em`, i.e. inside the caller's transaction. Outside a request (worker,
   * seed) nothing is written unless an actor is given: the log is about what people did.
   */
  async record(em: EntityManager, record: AuditRecord): Promise<void> {
    const context = currentRequestContext();
    const actor = record.actor !== undefined ? record.actor : (context?.actor ?? null);
    if (!context && !actor) return;
    await em.query(
      `INSERT INTO audit_log (at, actor_id, actor_username, actor_role, action, operation, entity, entity_id,
                              before, after, request_id, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        this.clock.now(),
        actor?.id ?? null,
        actor?.username ?? null,
        actor?.role ?? null,
        (record.action ?? context?.action ?? 'system').slice(0, 80),
        record.operation,
        record.entity,
        record.entityId,
        record.before == null ? null : JSON.stringify(record.before),
        record.after == null ? null : JSON.stringify(record.after),
        context?.requestId ?? null,
        context?.ip ?? null,
      ],
    );
  }

  async list(query: ListAuditLogQuery): Promise<Page<AuditEntryView>> {
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (query.entity) qb.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.operation) qb.andWhere('a.operation = :operation', { operation: query.operation });
    if (query.requestId) qb.andWhere('a.request_id = :requestId', { requestId: query.requestId });
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at < :to', { to: query.to });
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('a.actor_username ILIKE :like', { like }).orWhere('a.action ILIKE :like', { like }),
        ),
      );
    }
    const [rows, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((r) => AuditEntryView.of(r)),
      total,
      query,
    );
  }
}
