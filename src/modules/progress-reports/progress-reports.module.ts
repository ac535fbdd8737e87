import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndicatorsModule } from '../indicators/indicators.module';
import { TasksModule } from '../tasks/tasks.module';
import { ProgressReport } from './entities/progress-report.entity';
import { ProgressReportsController } from './progress-reports.controller';
import { ProgressReportsService } from './progress-reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProgressReport]), TasksModule, IndicatorsModule],
  controllers: [ProgressReportsController],
  providers: [ProgressReportsService],
  exports: [ProgressReportsService],
})
export class ProgressReportsModule {}
