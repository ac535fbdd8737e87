import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsModule } from '../departments/departments.module';
import { PlansModule } from '../plans/plans.module';
import { TasksModule } from '../tasks/tasks.module';
import { CalendarFeedController, CalendarTokenController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { DepartmentCalendarToken } from './entities/department-calendar-token.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DepartmentCalendarToken]), DepartmentsModule, PlansModule, TasksModule],
  controllers: [CalendarTokenController, CalendarFeedController],
  providers: [CalendarService],
})
export class CalendarModule {}
