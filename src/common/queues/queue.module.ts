import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { BULLETIN_QUEUE, DELIVERY_QUEUE, REMINDER_QUEUE } from './queues';

/** Bull on the configured Redis, under QUEUE_PREFIX (tests give each file its own prefix). */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ url: config.redisUrl, prefix: config.queuePrefix }),
    }),
    BullModule.registerQueue({ name: REMINDER_QUEUE }, { name: DELIVERY_QUEUE }, { name: BULLETIN_QUEUE }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
