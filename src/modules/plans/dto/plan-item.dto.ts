import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

export class CreatePlanItemDto {
  @ApiProperty({ example: 'R1', description: '计划内唯一的编号' })
  @IsString()
  @Matches(/^[\p{L}\p{N}()（）._-]{1,32}$/u, {
    message: 'code 为 1–32 位字母、数字或括号 (code: 1–32 letters, digits, brackets)',
  })
  code: string;

  @ApiProperty({ example: '依法全面履行政府职能' })
  @IsString()
  @Length(1, 200, { message: 'title 长度应为 1–200 (title: 1–200 characters)' })
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

export class CreateActionItemDto extends CreatePlanItemDto {
  @ApiPropertyOptional({ type: [String], description: '本条安排回应的问题 (problems it answers)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'problemIds 必须是 UUID 列表 (problemIds must be UUIDs)' })
  problemIds?: string[];
}

export class PlanItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true }) description: string | null;
  @ApiProperty({ nullable: true }) source: string | null;
}
