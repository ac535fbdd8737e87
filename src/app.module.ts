import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommonModule } from './common/common.module';
import { LoggingModule } from './common/logging/logging.module';
import { QueueModule } from './common/queues/queue.module';
import { RedisModule } from './common/redis/redis.module';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { databaseOptions } from './database/database-options';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BulletinsModule } from './modules/bulletins/bulletins.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { ExtensionsModule } from './modules/extensions/extensions.module';
import { HealthModule } from './modules/health/health.module';
import { IndicatorsModule } from './modules/indicators/indicators.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PlanTreeModule } from './modules/plan-tree/plan-tree.module';
import { PlansModule } from './modules/plans/plans.module';
import { ProgressReportsModule } from './modules/progress-reports/progress-reports.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { UsersModule } from './modules/users/users.module';
import { WorkerModule } from './worker/worker.module';

@Module({
  imports: [
    AppConfigModule,
    CommonModule,
    LoggingModule,
    RedisModule,
    QueueModule,
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...databaseOptions(config), autoLoadEntities: false }),
    }),
    AuditModule,
    AuthModule,
    UsersModule,
    DepartmentsModule,
    PlansModule,
    IndicatorsModule,
    TasksModule,
    ProgressReportsModule,
    ExtensionsModule,
    PlanTreeModule,
    NotificationsModule,
    DashboardModule,
    BulletinsModule,
    CalendarModule,
    HealthModule,
  ],
})
export class AppModule {}

export type ProcessRole = 'all' | 'api' | 'worker';

/** The app for a process role: the API alone, the worker alone (no HTTP), or both. */
export function rootModule(role: ProcessRole): DynamicModule {
  return {
    module: class RootModule {},
    imports: role === 'api' ? [AppModule] : [AppModule, WorkerModule],
  };
}
