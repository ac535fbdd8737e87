import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Role } from '../../../common/auth/actor';

export class LoginDto {
  @ApiProperty({ example: 'office' })
  @IsString({ message: 'username 必须是字符串 (username must be a string)' })
  @Length(1, 64, { message: 'username 长度应为 1–64 (username: 1–64 characters)' })
  username: string;

  @ApiProperty({ example: 'changeme-demo' })
  @IsString({ message: 'password 必须是字符串 (password must be a string)' })
  @Length(1, 200, { message: 'password 长度应为 1–200 (password: 1–200 characters)' })
  password: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true }) departmentId: string | null;
}

export class LoginResult {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserView }) user: UserView;
}
