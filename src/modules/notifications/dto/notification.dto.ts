import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { REMINDER_KINDS, REMINDER_STATUSES } from '../../reminders/reminder-kind';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ type: Boolean, description: '只看未读' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread 必须是 true 或 false' })
  unread?: boolean;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REMINDER_KINDS }) kind: string;
  @ApiProperty({ format: 'uuid', nullable: true }) taskId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true }) readAt: Date | null;
}

export class UrgeDto {
  @ApiPropertyOptional({ example: '请于本周五前报送整改进展' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  message?: string;
}

export class DeliveryView {
  @ApiProperty() channel: string;
  @ApiProperty() target: string;
  @ApiProperty() status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true }) lastError: string | null;
  @ApiProperty({ nullable: true }) sentAt: Date | null;
}

export class ReminderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REMINDER_KINDS }) kind: string;
  @ApiProperty() dueAt: Date;
  @ApiProperty({ enum: REMINDER_STATUSES }) status: string;
  @ApiProperty({ nullable: true }) sentAt: Date | null;
  @ApiProperty({ nullable: true, description: '{userIds, departmentIds}' })
  recipients: { userIds: string[]; departmentIds: string[] } | null;
  @ApiProperty({ nullable: true }) offset: string | null;
  @ApiProperty() level: number;
  @ApiProperty({ nullable: true }) deadlineVersion: number | null;
  @ApiProperty({ nullable: true }) message: string | null;
  @ApiProperty({ type: [DeliveryView] }) deliveries: DeliveryView[];
}
