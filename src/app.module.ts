import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommonModule } from './common/common.module';
import { RedisModule } from './common/redis/redis.module';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { databaseOptions } from './database/database-options';
import { AuthModule } from './modules/auth/auth.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { ExtensionsModule } from './modules/extensions/extensions.module';
import { HealthModule } from './modules/health/health.module';
import { IndicatorsModule } from './modules/indicators/indicators.module';
import { PlanTreeModule } from './modules/plan-tree/plan-tree.module';
import { PlansModule } from './modules/plans/plans.module';
import { ProgressReportsModule } from './modules/progress-reports/progress-reports.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { UsersModule } from './modules/users/users.module';

@Module({
  imports: [
    AppConfigModule,
    CommonModule,
    RedisModule,
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...databaseOptions(config), autoLoadEntities: false }),
    }),
    AuthModule,
    UsersModule,
    DepartmentsModule,
    PlansModule,
    IndicatorsModule,
    TasksModule,
    ProgressReportsModule,
    ExtensionsModule,
    PlanTreeModule,
    HealthModule,
  ],
})
export class AppModule {}
