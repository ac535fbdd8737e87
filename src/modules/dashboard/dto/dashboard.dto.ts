import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class PlanQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'planId 必须是 UUID (planId must be a UUID)' })
  planId: string;
}

export class SummaryQuery extends PlanQuery {
  @ApiPropertyOptional({ default: 10, maximum: 100, description: '逾期清单条数' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  top = 10;
}

export class DepartmentRow {
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() score: number;
  @ApiProperty() rank: number;
  @ApiPropertyOptional({ nullable: true }) onTimeRate?: number | null;
  @ApiPropertyOptional() leadTasks?: number;
  @ApiPropertyOptional() coTasks?: number;
  @ApiPropertyOptional() completed?: number;
  @ApiPropertyOptional() onTime?: number;
  @ApiPropertyOptional() late?: number;
  @ApiPropertyOptional() overdue?: number;
  @ApiPropertyOptional() returns?: number;
  @ApiPropertyOptional() escalations?: number;
  @ApiPropertyOptional() reportsLate?: number;
}

export class ScoreItem {
  @ApiProperty({
    enum: ['on_time_lead', 'on_time_co', 'late', 'returned', 'escalation', 'late_monthly_report'],
  })
  rule: string;
  @ApiProperty() points: number;
  @ApiProperty() at: Date;
  @ApiProperty({ format: 'uuid', nullable: true }) taskId: string | null;
  @ApiProperty({ nullable: true }) taskCode: string | null;
  @ApiProperty() description: string;
}
