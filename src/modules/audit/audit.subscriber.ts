import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntitySubscriberInterface,
  InsertEvent,
  RemoveEvent,
  SoftRemoveEvent,
  UpdateEvent,
} from 'typeorm';
import { currentRequestContext } from '../../common/context/request-context';
import { changedOnly, entityName, singleId, snapshot, UNAUDITED_TABLES } from './audit-snapshot';
import { AuditService } from './audit.service';

/**
 * Every insert, update and delete of an entity made while serving a request leaves an audit row, written
 * through the same entity manager (so in the same transaction). Writes made with raw SQL are audited
 * where they are made (AuditService.record).
 */
@Injectable()
export class AuditSubscriber implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    dataSource.subscribers.push(this);
  }

  async afterInsert(event: InsertEvent<object>): Promise<void> {
    if (!this.audited(event.metadata.tableName)) return;
    await this.audit.record(event.manager, {
      operation: 'insert',
      entity: entityName(event.metadata),
      entityId: singleId(event.metadata, event.entity),
      after: snapshot(event.metadata, event.entity),
    });
  }

  async afterUpdate(event: UpdateEvent<object>): Promise<void> {
    if (!this.audited(event.metadata.tableName)) return;
    const before = snapshot(event.metadata, event.databaseEntity);
    const after = snapshot(event.metadata, { ...(event.databaseEntity ?? {}), ...(event.entity ?? {}) });
    const change = changedOnly(before, after);
    if (before && change.after && Object.keys(change.after).length === 0) return;
    await this.audit.record(event.manager, {
      operation: 'update',
      entity: entityName(event.metadata),
      entityId: singleId(event.metadata, event.databaseEntity) ?? singleId(event.metadata, event.entity),
      ...change,
    });
  }

  async afterRemove(event: RemoveEvent<object>): Promise<void> {
    await this.removed(event, 'delete');
  }

  async afterSoftRemove(event: SoftRemoveEvent<object>): Promise<void> {
    await this.removed(event, 'soft_delete');
  }

  private async removed(event: RemoveEvent<object> | SoftRemoveEvent<object>, operation: string) {
    if (!this.audited(event.metadata.tableName)) return;
    const row = event.databaseEntity ?? event.entity;
    await this.audit.record(event.manager, {
      operation,
      entity: entityName(event.metadata),
      entityId: typeof event.entityId === 'string' ? event.entityId : singleId(event.metadata, row),
      before: snapshot(event.metadata, row),
    });
  }

  private audited(table: string): boolean {
    return currentRequestContext() !== undefined && !UNAUDITED_TABLES.has(table);
  }
}
