import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsIsoDateTime } from '../../../common/http/date';
import { PageQuery } from '../../../common/http/pagination';
import { uuidMessage } from '../../../common/http/uuid.pipe';
import { ExtensionStatus } from '../entities/extension-request.entity';

export class RequestExtensionDto {
  @ApiProperty({ example: '2026-12-31T18:00:00+08:00' })
  @IsIsoDateTime()
  requestedDueAt: Date;

  @ApiProperty({ example: '需等待上级文件出台后再行修订' })
  @IsString({ message: 'reason 必填 (reason is required)' })
  @Length(1, 2000, { message: 'reason 长度应为 1–2000 (reason: 1–2000 characters)' })
  reason: string;
}

export class DecideExtensionDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: 'decision 必须是 approve 或 reject' })
  decision: 'approve' | 'reject';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ExtensionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid', nullable: true }) requestedById: string | null;
  @ApiProperty() currentDueAt: Date;
  @ApiProperty() requestedDueAt: Date;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status: ExtensionStatus;
  @ApiProperty({ format: 'uuid', nullable: true }) decidedById: string | null;
  @ApiProperty({ nullable: true }) decidedAt: Date | null;
  @ApiProperty({ nullable: true }) comment: string | null;
  @ApiProperty() createdAt: Date;
}

export class ListExtensionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('planId') })
  planId?: string;

  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'], { message: 'status 必须是 pending, approved, rejected 之一' })
  status?: ExtensionStatus;
}
