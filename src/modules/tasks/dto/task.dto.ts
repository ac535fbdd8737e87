import { uuidMessage } from '../../../common/http/uuid.pipe';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { IsIsoDateTime } from '../../../common/http/date';
import { booleanQuery } from '../../../common/http/validators';
import { PageQuery } from '../../../common/http/pagination';
import { IsAfter } from '../../../common/http/validators';
import { TASK_STATUSES, TaskStatus, TrafficLight } from '../task-status';

export class CreateTaskDto {
  @ApiPropertyOptional({ format: 'uuid', description: '所属目标任务（与 actionItemId 二选一）' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('targetId') })
  targetId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '所属下步工作安排（与 targetId 二选一）' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('actionItemId') })
  actionItemId?: string;

  @ApiProperty({ example: '完善重大行政决策跟踪反馈机制' })
  @IsString()
  @Length(1, 200, { message: 'title 长度应为 1–200 (title: 1–200 characters)' })
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ format: 'uuid', description: '牵头单位' })
  @IsUUID('all', { message: uuidMessage('leadDepartmentId') })
  leadDepartmentId: string;

  @ApiPropertyOptional({ type: [String], description: '配合单位' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: uuidMessage('coDepartmentIds') })
  coDepartmentIds?: string[];

  @ApiProperty({ example: '2026-01-01T00:00:00+08:00' })
  @IsIsoDateTime()
  startAt: Date;

  @ApiProperty({ example: '2026-06-30T18:00:00+08:00' })
  @IsIsoDateTime()
  @IsAfter('startAt')
  dueAt: Date;
}

export class UpdateTaskDto {
  @ApiProperty({ description: '读取时的 version；已被他人修改时返回 409' })
  @IsInt({ message: 'version 必须是整数 (version must be an integer)' })
  @Min(1)
  version: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('leadDepartmentId') })
  leadDepartmentId?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: uuidMessage('coDepartmentIds') })
  coDepartmentIds?: string[];

  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime() startAt?: Date;
  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime() dueAt?: Date;
}

export class TransitionDto {
  @ApiPropertyOptional({ description: '可选：读取时的 version，已被他人修改时返回 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ description: '说明（退回、撤销时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class CommentDto {
  @ApiProperty({ description: '意见或批示', example: '请加快进度，月底前报送阶段成果。' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'text 必须是字符串 (text must be a string)' })
  @Length(1, 2000, { message: 'text 长度应为 1–2000 (text: 1–2000 characters)' })
  text: string;
}

/** For return and cancel: the reason is required. */
export class ReasonDto {
  @ApiPropertyOptional({ description: '可选：读取时的 version，已被他人修改时返回 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiProperty({ description: '原因' })
  @IsString({ message: 'reason 必填 (reason is required)' })
  @Length(1, 2000, { message: 'reason 长度应为 1–2000 (reason: 1–2000 characters)' })
  reason: string;
}

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('planId') })
  planId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '牵头或配合单位' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('departmentId') })
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('targetId') })
  targetId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('actionItemId') })
  actionItemId?: string;

  @ApiPropertyOptional({ enum: TASK_STATUSES, description: '可用逗号分隔多个状态' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(TASK_STATUSES, { each: true, message: `status 必须是 ${TASK_STATUSES.join(', ')} 之一` })
  status?: TaskStatus[];

  @ApiPropertyOptional({ enum: ['red', 'yellow', 'green'] })
  @IsOptional()
  @IsIn(['red', 'yellow', 'green'], { message: 'light 必须是 red, yellow, green 之一' })
  light?: TrafficLight;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean({ message: 'overdue 必须是 true 或 false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: '截止时间早于' })
  @IsOptional()
  @IsIsoDateTime()
  dueBefore?: Date;

  @ApiPropertyOptional({ description: '按标题或编号搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class TaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid', nullable: true }) targetId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) actionItemId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true }) description: string | null;
  @ApiProperty({ enum: TASK_STATUSES }) status: TaskStatus;
  @ApiProperty({ format: 'uuid' }) leadDepartmentId: string;
  @ApiProperty({ type: [String] }) coDepartmentIds: string[];
  @ApiProperty() startAt: Date;
  @ApiProperty() dueAt: Date;
  @ApiProperty() originalDueAt: Date;
  @ApiProperty() progress: number;
  @ApiProperty({ description: '序时进度 (expected progress, 0–100)' }) expected: number;
  @ApiProperty({ enum: ['red', 'yellow', 'green'], nullable: true }) light: TrafficLight | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ nullable: true, description: '按期办结（未办结为 null）' }) onTime: boolean | null;
  @ApiProperty() version: number;
  @ApiProperty({ description: '截止时间的版本：每次改期加一' }) deadlineVersion: number;
  @ApiProperty() returnCount: number;
  @ApiProperty({ nullable: true }) assignedAt: Date | null;
  @ApiProperty({ nullable: true }) acceptedAt: Date | null;
  @ApiProperty({ nullable: true }) submittedAt: Date | null;
  @ApiProperty({ nullable: true }) completedAt: Date | null;
  @ApiProperty({ nullable: true }) source: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class TaskEventView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() type: string;
  @ApiProperty({ format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty() at: Date;
  @ApiProperty({ nullable: true }) fromStatus: TaskStatus | null;
  @ApiProperty({ nullable: true }) toStatus: TaskStatus | null;
  @ApiProperty({ nullable: true }) reason: string | null;
  @ApiProperty({ nullable: true }) data: Record<string, unknown> | null;
}

export class TaskDetailView extends TaskView {
  @ApiProperty({ type: [TaskEventView] }) events: TaskEventView[];
}
