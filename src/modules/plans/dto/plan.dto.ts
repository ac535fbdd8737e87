import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { IsCron, IsIsoDuration, IsTimeZone } from '../../../common/http/validators';
import { PLAN_STATUSES, Plan, PlanStatus } from '../entities/plan.entity';
import { PlanPolicy, ScoringWeights } from '../plan-policy';

/** A nested settings object: arrays and other values are refused, not read as an empty object. */
const isObject = (property: string): PropertyDecorator =>
  IsObject({ message: `${property} 必须是对象 (${property} must be an object)` });

const weight = (): PropertyDecorator => {
  const decorators = [IsOptional(), IsNumber({ allowNaN: false, allowInfinity: false }), Min(-100), Max(100)];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

export class WeightsDto implements Partial<ScoringWeights> {
  @ApiPropertyOptional({ default: 1 }) @weight() onTimeLead?: number;
  @ApiPropertyOptional({ default: 0.5 }) @weight() onTimeCo?: number;
  @ApiPropertyOptional({ default: -1 }) @weight() late?: number;
  @ApiPropertyOptional({ default: -2 }) @weight() returned?: number;
  @ApiPropertyOptional({ default: -1 }) @weight() escalation?: number;
  @ApiPropertyOptional({ default: -0.5 }) @weight() lateMonthlyReport?: number;
}

export class PolicyDto {
  @ApiPropertyOptional({ example: ['P7D', 'P3D', 'P1D'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIsoDuration({ each: true })
  beforeDue?: string[];

  @ApiPropertyOptional({ example: ['P3D', 'P7D'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIsoDuration({ each: true })
  escalations?: string[];

  @ApiPropertyOptional({ example: 'P3D' }) @IsOptional() @IsIsoDuration() acceptWithin?: string;
  @ApiPropertyOptional({ example: '0 9 25 * *' }) @IsOptional() @IsCron() monthlyReportCron?: string;
  @ApiPropertyOptional({ example: 'P7D' }) @IsOptional() @IsIsoDuration() yellowWindow?: string;

  @ApiPropertyOptional({ example: 10 }) @IsOptional() @IsInt() @Min(0) @Max(100) yellowLag?: number;
  @ApiPropertyOptional({ example: 30 }) @IsOptional() @IsInt() @Min(0) @Max(100) redLag?: number;

  @ApiPropertyOptional({ type: WeightsDto })
  @IsOptional()
  @isObject('weights')
  @ValidateNested()
  @Type(() => WeightsDto)
  weights?: WeightsDto;
}

export class CreatePlanDto {
  @ApiProperty({ example: '城关区2026年法治政府建设工作要点' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'year 必须是整数 (year must be an integer)' })
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ enum: PLAN_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', description: '默认为 APP_TIME_ZONE' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ type: PolicyDto })
  @IsOptional()
  @isObject('policy')
  @ValidateNested()
  @Type(() => PolicyDto)
  policy?: PolicyDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

export class UpdatePlanDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) title?: string;

  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;

  @ApiPropertyOptional() @IsOptional() @IsTimeZone() timeZone?: string;

  @ApiPropertyOptional({ type: PolicyDto, description: '与现有设置合并 (merged into the stored policy)' })
  @IsOptional()
  @isObject('policy')
  @ValidateNested()
  @Type(() => PolicyDto)
  policy?: PolicyDto;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
}

export class ListPlansQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: PLAN_STATUSES }) @IsOptional() @IsIn(PLAN_STATUSES) status?: PlanStatus;
}

export class PlanView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
  @ApiProperty() timeZone: string;
  @ApiProperty() policy: PlanPolicy;
  @ApiProperty({ nullable: true }) description: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static of(p: Plan): PlanView {
    return {
      id: p.id,
      title: p.title,
      year: p.year,
      status: p.status,
      timeZone: p.timeZone,
      policy: p.policy,
      description: p.description,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}
