import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsIsoDateTime } from '../../../common/http/date';
import { PageQuery } from '../../../common/http/pagination';
import { uuidMessage } from '../../../common/http/uuid.pipe';
import { AuditEntry } from '../entities/audit-entry.entity';

export class ListAuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ description: '对象类型，如 task、progressReport、user' })
  @IsOptional()
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,63}$/, {
    message: 'entity 必须是对象类型名，如 task (entity must be a type name)',
  })
  entity?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('entityId') })
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('actorId') })
  actorId?: string;

  @ApiPropertyOptional({ description: '操作，如 tasks.accept、auth.login' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  action?: string;

  @ApiPropertyOptional({ description: 'insert、update、delete、login、login_failed …' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  operation?: string;

  @ApiPropertyOptional({ description: '请求编号（X-Request-Id）' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'requestId 格式不正确 (requestId is malformed)' })
  requestId?: string;

  @ApiPropertyOptional({ description: '起（含）' })
  @IsOptional()
  @IsIsoDateTime()
  from?: Date;

  @ApiPropertyOptional({ description: '止（不含）' })
  @IsOptional()
  @IsIsoDateTime()
  to?: Date;

  @ApiPropertyOptional({ description: '按用户名或操作搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class AuditEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() at: Date;
  @ApiProperty({ format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ nullable: true }) actorUsername: string | null;
  @ApiProperty({ nullable: true }) actorRole: string | null;
  @ApiProperty() action: string;
  @ApiProperty() operation: string;
  @ApiProperty() entity: string;
  @ApiProperty({ format: 'uuid', nullable: true }) entityId: string | null;
  @ApiProperty({ type: Object, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ nullable: true }) requestId: string | null;
  @ApiProperty({ nullable: true }) ip: string | null;

  static of(row: AuditEntry): AuditEntryView {
    return Object.assign(new AuditEntryView(), row);
  }
}
