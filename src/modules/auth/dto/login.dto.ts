import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Role } from '../../../common/auth/actor';
import { PASSWORD_MAX_LENGTH } from '../../users/password-policy';

export class LoginDto {
  @ApiProperty({ example: 'office' })
  @IsString({ message: 'username 必须是字符串 (username must be a string)' })
  @Length(1, 64, { message: 'username 长度应为 1–64 (username: 1–64 characters)' })
  username: string;

  @ApiProperty({ example: 'changeme-demo' })
  @IsString({ message: 'password 必须是字符串 (password must be a string)' })
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'password 长度应为 1–200 (password: 1–200 characters)' })
  password: string;
}

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;
const TOKEN_MESSAGE = 'refreshToken 格式不正确 (refreshToken is malformed)';

export class RefreshDto {
  @ApiProperty()
  @IsString({ message: 'refreshToken 必须是字符串 (refreshToken must be a string)' })
  @Matches(TOKEN, { message: TOKEN_MESSAGE })
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: '要结束的会话；不填则结束本人的全部会话' })
  @IsOptional()
  @IsString({ message: 'refreshToken 必须是字符串 (refreshToken must be a string)' })
  @Matches(TOKEN, { message: TOKEN_MESSAGE })
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: 'currentPassword 必须是字符串 (currentPassword must be a string)' })
  @Length(1, PASSWORD_MAX_LENGTH, {
    message: 'currentPassword 长度应为 1–200 (currentPassword: 1–200 characters)',
  })
  currentPassword: string;

  @ApiProperty({ minLength: 10, description: '至少 10 个字符，不含用户名' })
  @IsString({ message: 'newPassword 必须是字符串 (newPassword must be a string)' })
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'newPassword 长度应为 1–200 (newPassword: 1–200 characters)' })
  newPassword: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true }) departmentId: string | null;

  static of(user: Pick<UserView, keyof UserView>): UserView {
    return Object.assign(new UserView(), {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      departmentId: user.departmentId,
    });
  }
}

export class LoginResult {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: '用于 POST /auth/refresh，每次使用后换新' }) refreshToken: string;
  @ApiProperty() refreshTokenExpiresAt: Date;
  @ApiProperty({ type: UserView }) user: UserView;
}
