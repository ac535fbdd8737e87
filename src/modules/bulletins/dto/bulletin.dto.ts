import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import type { BulletinSnapshot } from '../bulletin-snapshot';

const MONTH_MESSAGE = 'month 必须是 YYYY-MM 格式的月份，如 2026-10 (month must be YYYY-MM)';

export class CreateBulletinDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'planId 必须是 UUID (planId must be a UUID)' })
  planId: string;

  @ApiProperty({ example: '2026-10', description: '通报月份（计划时区），本月或以前' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: MONTH_MESSAGE })
  month: string;
}

export class ListBulletinsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'planId 必须是 UUID (planId must be a UUID)' })
  planId?: string;

  @ApiPropertyOptional({ example: '2026-10' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: MONTH_MESSAGE })
  month?: string;
}

export class BulletinExportQuery {
  @ApiPropertyOptional({ enum: ['xlsx'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx'], { message: 'format 目前只支持 xlsx (format must be xlsx)' })
  format = 'xlsx' as const;
}

export class BulletinSummary {
  @ApiProperty() planTitle: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ description: '任务总数（生成时）' }) total: number;
  @ApiProperty({ description: '红黄绿灯（生成时）' }) byLight: { red: number; yellow: number; green: number };
  @ApiProperty({ description: '逾期任务数（生成时）' }) overdue: number;
  @ApiProperty({ description: '本月办结' }) completedInMonth: number;
  @ApiProperty({ description: '本月退回' }) returnsInMonth: number;
  @ApiProperty({ description: '本月发送的提醒' }) remindersSentInMonth: number;
}

export class BulletinListItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty() version: number;
  @ApiProperty() generatedAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true, description: '自动生成时为 null' }) generatedById:
    string | null;
  @ApiProperty({ type: BulletinSummary }) summary: BulletinSummary;
}

export class BulletinView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty() version: number;
  @ApiProperty() generatedAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true }) generatedById: string | null;
  @ApiProperty({ description: '生成时的数据快照：汇总、单位排名、逾期清单、指标、本月动态' })
  snapshot: BulletinSnapshot;
}
