import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { ALL_ROLES, Role } from '../../../common/auth/actor';
import { booleanQuery } from '../../../common/http/validators';
import { PageQuery } from '../../../common/http/pagination';
import { uuidMessage } from '../../../common/http/uuid.pipe';
import { User } from '../../users/entities/user.entity';
import { PASSWORD_MAX_LENGTH } from '../../users/password-policy';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const ROLE_MESSAGE = `role 必须是 ${ALL_ROLES.join(', ')} 之一 (unknown role)`;

export class AccountView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true }) departmentId: string | null;
  @ApiProperty({ nullable: true }) email: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ nullable: true, description: '登录失败过多时锁定至' }) lockedUntil: Date | null;
  @ApiProperty({ nullable: true }) lastLoginAt: Date | null;
  @ApiProperty({ nullable: true }) passwordChangedAt: Date | null;
  @ApiProperty() createdAt: Date;

  static of(u: User): AccountView {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      departmentId: u.departmentId,
      email: u.email,
      disabled: u.disabled,
      lockedUntil: u.lockedUntil,
      lastLoginAt: u.lastLoginAt,
      passwordChangedAt: u.passwordChangedAt,
      createdAt: u.createdAt,
    };
  }
}

export class ListAccountsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsIn(ALL_ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('departmentId') })
  departmentId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean({ message: 'disabled 必须是 true 或 false' })
  disabled?: boolean;

  @ApiPropertyOptional({ description: '按用户名或姓名搜索' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class CreateAccountDto {
  @ApiProperty({ example: 'justice-staff2' })
  @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
    message:
      'username 只能含小写字母、数字和 . _ -，2–64 位 (username: lowercase letters, digits, . _ -; 2–64)',
  })
  username: string;

  @ApiProperty({ example: '张三' })
  @Transform(trim)
  @IsString({ message: 'displayName 必须是字符串' })
  @Length(1, 100, { message: 'displayName 长度应为 1–100 (displayName: 1–100 characters)' })
  displayName: string;

  @ApiProperty({ minLength: 10, description: '初始密码，至少 10 个字符，不含用户名' })
  @IsString({ message: 'password 必须是字符串 (password must be a string)' })
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'password 长度应为 1–200 (password: 1–200 characters)' })
  password: string;

  @ApiProperty({ enum: Role })
  @IsIn(ALL_ROLES, { message: ROLE_MESSAGE })
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: '单位角色（dept_manager、dept_staff）必填' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage('departmentId') })
  departmentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'email 格式不正确 (invalid email)' })
  @Length(3, 320)
  email?: string;
}

export class UpdateAccountDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'displayName 必须是字符串' })
  @Length(1, 100, { message: 'displayName 长度应为 1–100 (displayName: 1–100 characters)' })
  displayName?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsIn(ALL_ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: uuidMessage('departmentId') })
  departmentId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsEmail({}, { message: 'email 格式不正确 (invalid email)' })
  @Length(3, 320)
  email?: string | null;

  @ApiPropertyOptional({ description: '停用后其登录立即失效' })
  @IsOptional()
  @IsBoolean({ message: 'disabled 必须是 true 或 false' })
  disabled?: boolean;

  @ApiPropertyOptional({ description: '重设密码（至少 10 个字符）；其全部登录随之失效' })
  @IsOptional()
  @IsString({ message: 'password 必须是字符串 (password must be a string)' })
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'password 长度应为 1–200 (password: 1–200 characters)' })
  password?: string;

  @ApiPropertyOptional({ description: '解除登录失败锁定' })
  @IsOptional()
  @IsBoolean({ message: 'unlock 必须是 true 或 false' })
  unlock?: boolean;
}
