import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RemindersModule } from '../reminders/reminders.module';
import { TasksModule } from '../tasks/tasks.module';
import { UsersModule } from '../users/users.module';
import { EmailChannel } from './channels/email.channel';
import { WebhookChannel } from './channels/webhook.channel';
import { DeliveryScheduler } from './delivery-scheduler';
import { Delivery } from './entities/delivery.entity';
import { DepartmentWebhook } from './entities/department-webhook.entity';
import { Notification } from './entities/notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboundService } from './outbound.service';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderSweepService } from './reminder-sweep.service';

/** Delivering reminders: the inbox, outside channels, the sweep; and their HTTP routes. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification, Delivery, DepartmentWebhook]),
    RemindersModule,
    TasksModule,
    UsersModule,
  ],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    ReminderDeliveryService,
    ReminderSweepService,
    DeliveryScheduler,
    OutboundService,
    EmailChannel,
    WebhookChannel,
  ],
  exports: [ReminderDeliveryService, ReminderSweepService, DeliveryScheduler, OutboundService],
})
export class NotificationsModule {}
