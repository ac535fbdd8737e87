import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsHttpUrl } from '../../../common/http/validators';
import {
  DepartmentWebhook,
  WEBHOOK_FORMATS,
  WEBHOOK_MSG_TYPES,
  WebhookFormat,
  WebhookMsgType,
} from '../entities/department-webhook.entity';

const FORMAT_MESSAGE = `format 必须是 ${WEBHOOK_FORMATS.join(', ')} 之一 (format: ${WEBHOOK_FORMATS.join(' | ')})`;
const MSG_TYPE_MESSAGE = `msgType 必须是 ${WEBHOOK_MSG_TYPES.join(', ')} 之一 (msgType: ${WEBHOOK_MSG_TYPES.join(' | ')})`;
const SECRET_MESSAGE =
  'secret 长度应为 1–200，且不含控制字符 (secret: 1–200 characters, no control characters)';
// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://oapi.dingtalk.com/robot/send?access_token=abc123',
    maxLength: 2000,
    description: '接收地址（http/https）；钉钉、企业微信机器人的 Webhook 地址',
  })
  @IsHttpUrl()
  url: string;

  @ApiProperty({
    enum: WEBHOOK_FORMATS,
    description: 'json：通知原文（HMAC 签名）；dingtalk：钉钉自定义机器人；wecom：企业微信群机器人',
  })
  @IsIn(WEBHOOK_FORMATS, { message: FORMAT_MESSAGE })
  format: WebhookFormat;

  @ApiPropertyOptional({ enum: WEBHOOK_MSG_TYPES, default: 'text', description: '机器人消息类型' })
  @IsOptional()
  @IsIn(WEBHOOK_MSG_TYPES, { message: MSG_TYPE_MESSAGE })
  msgType?: WebhookMsgType;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'json：签名密钥（X-Worktracker-Signature）；dingtalk：加签密钥（SEC…）。只写不读',
  })
  @IsOptional()
  @IsString({ message: SECRET_MESSAGE })
  @Length(1, 200, { message: SECRET_MESSAGE })
  @Matches(NO_CONTROL_CHARACTERS, { message: SECRET_MESSAGE })
  secret?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'enabled 必须是 true 或 false (enabled must be a boolean)' })
  enabled?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc123',
    maxLength: 2000,
  })
  @IsOptional()
  @IsHttpUrl()
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_FORMATS })
  @IsOptional()
  @IsIn(WEBHOOK_FORMATS, { message: FORMAT_MESSAGE })
  format?: WebhookFormat;

  @ApiPropertyOptional({ enum: WEBHOOK_MSG_TYPES })
  @IsOptional()
  @IsIn(WEBHOOK_MSG_TYPES, { message: MSG_TYPE_MESSAGE })
  msgType?: WebhookMsgType;

  @ApiPropertyOptional({
    type: String,
    maxLength: 200,
    nullable: true,
    description: '新的密钥；null 表示清除',
  })
  @IsOptional()
  @IsString({ message: SECRET_MESSAGE })
  @Length(1, 200, { message: SECRET_MESSAGE })
  @Matches(NO_CONTROL_CHARACTERS, { message: SECRET_MESSAGE })
  secret?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'enabled 必须是 true 或 false (enabled must be a boolean)' })
  enabled?: boolean;
}

/** A webhook as the API shows it: the secret never leaves the server, only whether there is one. */
export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_FORMATS }) format: WebhookFormat;
  @ApiProperty({ enum: WEBHOOK_MSG_TYPES }) msgType: WebhookMsgType;
  @ApiProperty() hasSecret: boolean;
  @ApiProperty() enabled: boolean;
  @ApiProperty() createdAt: Date;

  static of(hook: DepartmentWebhook, hasSecret: boolean): WebhookView {
    return {
      id: hook.id,
      departmentId: hook.departmentId,
      url: hook.url,
      format: hook.format,
      msgType: hook.msgType,
      hasSecret,
      enabled: hook.enabled,
      createdAt: hook.createdAt,
    };
  }
}
