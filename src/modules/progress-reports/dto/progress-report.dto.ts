import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { IndicatorValueDto } from '../../indicators/dto/indicator.dto';
import { ReviewStatus } from '../entities/progress-report.entity';

export class CreateProgressReportDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 60 })
  @IsInt({ message: 'percent 必须是 0–100 的整数 (percent must be an integer 0–100)' })
  @Min(0, { message: 'percent 不能小于 0 (percent must be 0–100)' })
  @Max(100, { message: 'percent 不能大于 100 (percent must be 0–100)' })
  percent: number;

  @ApiProperty({ example: '已完成 3 个街道的集中宣讲' })
  @IsString({ message: 'summary 必须是文字 (summary must be text)' })
  @Length(1, 5000, { message: 'summary 长度应为 1–5000 (summary: 1–5000 characters)' })
  summary: string;

  @ApiPropertyOptional({ type: [IndicatorValueDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  // ValidateNested lets an array through where an entry should be; it would reach the service empty.
  @IsObject({
    each: true,
    message: 'indicatorValues 的每一项必须是对象 (each indicatorValues entry must be an object)',
  })
  @ValidateNested({ each: true })
  @Type(() => IndicatorValueDto)
  indicatorValues?: IndicatorValueDto[];

  @ApiPropertyOptional({ type: [String], description: '佐证材料（链接或文件编号）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];
}

export class ReviewDto {
  @ApiProperty({ enum: ['accept', 'return'] })
  @IsIn(['accept', 'return'], { message: 'decision 必须是 accept 或 return' })
  decision: 'accept' | 'return';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ListProgressReportsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'planId 必须是 UUID' })
  planId?: string;

  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'returned'] })
  @IsOptional()
  @IsIn(['pending', 'accepted', 'returned'])
  reviewStatus?: ReviewStatus;
}

export class ProgressReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty() percent: number;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [IndicatorValueDto] }) indicatorValues: { indicatorId: string; value: number }[];
  @ApiProperty({ type: [String] }) evidence: string[];
  @ApiProperty({ enum: ['pending', 'accepted', 'returned'] }) reviewStatus: ReviewStatus;
  @ApiProperty({ format: 'uuid', nullable: true }) reviewedById: string | null;
  @ApiProperty({ nullable: true }) reviewedAt: Date | null;
  @ApiProperty({ nullable: true }) reviewComment: string | null;
  @ApiProperty() createdAt: Date;
}
