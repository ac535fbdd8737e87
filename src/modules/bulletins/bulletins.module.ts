import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DashboardModule } from '../dashboard/dashboard.module';
import { DepartmentsModule } from '../departments/departments.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { PlansModule } from '../plans/plans.module';
import { TasksModule } from '../tasks/tasks.module';
import { BulletinExportService } from './bulletin-export.service';
import { BulletinsController } from './bulletins.controller';
import { BulletinsService } from './bulletins.service';
import { Bulletin } from './entities/bulletin.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Bulletin]),
    PlansModule,
    TasksModule,
    DashboardModule,
    IndicatorsModule,
    DepartmentsModule,
  ],
  controllers: [BulletinsController],
  providers: [BulletinsService, BulletinExportService],
  exports: [BulletinsService],
})
export class BulletinsModule {}
