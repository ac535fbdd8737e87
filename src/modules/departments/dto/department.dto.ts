import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { DEPARTMENT_KINDS, Department, DepartmentKind } from '../entities/department.entity';

export class DepartmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DEPARTMENT_KINDS }) kind: DepartmentKind;
  @ApiProperty({ format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty() inferred: boolean;
  @ApiProperty({ nullable: true }) source: string | null;

  static of(d: Department): DepartmentView {
    return {
      id: d.id,
      code: d.code,
      name: d.name,
      kind: d.kind,
      parentId: d.parentId,
      inferred: d.inferred,
      source: d.source,
    };
  }
}

export class ListDepartmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DEPARTMENT_KINDS })
  @IsOptional()
  @IsIn(DEPARTMENT_KINDS)
  kind?: DepartmentKind;

  @ApiPropertyOptional({ description: '按名称或代码搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ default: 200 })
  override pageSize = 200;
}

export class CreateDepartmentDto {
  @ApiProperty({ example: 'justice', description: '小写字母、数字和连字符' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,31}$/, {
    message: 'code 只能含小写字母、数字和连字符，2–32 位 (code: lowercase letters, digits, hyphens; 2–32)',
  })
  code: string;

  @ApiProperty({ example: '区司法局' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: DEPARTMENT_KINDS })
  @IsIn(DEPARTMENT_KINDS, { message: `kind 必须是 ${DEPARTMENT_KINDS.join(', ')} 之一` })
  kind: DepartmentKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId 必须是 UUID (parentId must be a UUID)' })
  parentId?: string;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional({ example: '区司法局' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ enum: DEPARTMENT_KINDS })
  @IsOptional()
  @IsIn(DEPARTMENT_KINDS, { message: `kind 必须是 ${DEPARTMENT_KINDS.join(', ')} 之一` })
  kind?: DepartmentKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: '上级单位；null 表示无上级' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'parentId 必须是 UUID (parentId must be a UUID)' })
  parentId?: string | null;
}
