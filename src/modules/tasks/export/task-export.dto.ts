import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListTasksQuery } from '../dto/task.dto';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The filters of GET /tasks (without paging: an export holds every matching task) and the file format. */
export class ExportTasksQuery extends OmitType(ListTasksQuery, ['page', 'pageSize'] as const) {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: 'format 必须是 xlsx 或 csv (format must be xlsx or csv)' })
  format: ExportFormat = 'xlsx';
}
