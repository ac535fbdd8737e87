import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IndicatorDirection } from '../entities/indicator.entity';

export class CreateIndicatorDto {
  @ApiProperty({ example: 'T11-mediations' })
  @Matches(/^[\p{L}\p{N}._-]{1,64}$/u, {
    message: 'code 为 1–64 位字母、数字、点、横线 (code: 1–64 characters)',
  })
  code: string;

  @ApiProperty({ example: '调解纠纷数' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: '起' }) @IsString() @Length(1, 16) unit: string;

  @ApiProperty({ enum: ['gte', 'lte'], description: 'gte: 越高越好（≥ 目标为达标）；lte: 越低越好' })
  @IsIn(['gte', 'lte'], { message: 'direction 必须是 gte 或 lte' })
  direction: IndicatorDirection;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  targetValue?: number | null;
}

export class IndicatorValueDto {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'indicatorId 必须是 UUID (indicatorId must be a UUID)',
  })
  indicatorId: string;

  @ApiProperty()
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'value 必须是数字 (value must be a number)' },
  )
  @Min(-1e12)
  @Max(1e12)
  value: number;
}

export class ReadingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() value: number;
  @ApiProperty() observedAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true }) progressReportId: string | null;
  @ApiProperty({ nullable: true }) source: string | null;
}

export class IndicatorView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: ['gte', 'lte'] }) direction: IndicatorDirection;
  @ApiProperty({ nullable: true }) targetValue: number | null;
  @ApiProperty({ type: ReadingView, nullable: true }) latest: ReadingView | null;
  @ApiProperty({ nullable: true, description: '是否达标（无目标值或无读数时为 null）' }) met: boolean | null;
  @ApiProperty({ nullable: true }) source: string | null;
}
