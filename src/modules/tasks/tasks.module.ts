import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsModule } from '../departments/departments.module';
import { PlansModule } from '../plans/plans.module';
import { RemindersModule } from '../reminders/reminders.module';
import { TaskEvent } from './entities/task-event.entity';
import { TaskExportController } from './export/task-export.controller';
import { TaskExportService } from './export/task-export.service';
import { Task } from './entities/task.entity';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [TypeOrmModule.forFeature([Task, TaskEvent]), PlansModule, DepartmentsModule, RemindersModule],
  // The export's controller comes first: its `tasks/export` must be matched before `tasks/:id`.
  controllers: [TaskExportController, TasksController],
  providers: [TasksService, TaskExportService],
  exports: [TasksService],
})
export class TasksModule {}
