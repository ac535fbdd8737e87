import { Module } from '@nestjs/common';
import { NotificationsModule } from '../modules/notifications/notifications.module';
import { DeliveryProcessor } from './delivery.processor';
import { ReminderProcessor } from './reminder.processor';
import { SweepScheduler } from './sweep-scheduler';

/** The worker role: Bull consumers and the sweep. Loaded by `--role=worker` and `--role=all`. */
@Module({
  imports: [NotificationsModule],
  providers: [ReminderProcessor, DeliveryProcessor, SweepScheduler],
})
export class WorkerModule {}
