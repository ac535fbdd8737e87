import { Module } from '@nestjs/common';
import { BulletinsModule } from '../modules/bulletins/bulletins.module';
import { NotificationsModule } from '../modules/notifications/notifications.module';
import { BulletinProcessor } from './bulletin.processor';
import { BulletinScheduler } from './bulletin-scheduler';
import { DeliveryProcessor } from './delivery.processor';
import { ReminderProcessor } from './reminder.processor';
import { SweepScheduler } from './sweep-scheduler';

/** The worker role: Bull consumers, the sweep and the monthly bulletin. Loaded by `--role=worker` and `--role=all`. */
@Module({
  imports: [NotificationsModule, BulletinsModule],
  providers: [ReminderProcessor, DeliveryProcessor, SweepScheduler, BulletinProcessor, BulletinScheduler],
})
export class WorkerModule {}
