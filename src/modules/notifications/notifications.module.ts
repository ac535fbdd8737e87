import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsModule } from '../departments/departments.module';
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
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Delivering reminders: the inbox, outside channels (email, department webhooks), the sweep; and their HTTP routes. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification, Delivery, DepartmentWebhook]),
    DepartmentsModule,
    RemindersModule,
    TasksModule,
    UsersModule,
  ],
  controllers: [NotificationsController, WebhooksController],
  providers: [
    NotificationsService,
    ReminderDeliveryService,
    ReminderSweepService,
    DeliveryScheduler,
    OutboundService,
    EmailChannel,
    WebhookChannel,
    WebhooksService,
  ],
  exports: [ReminderDeliveryService, ReminderSweepService, DeliveryScheduler, OutboundService],
})
export class NotificationsModule {}
