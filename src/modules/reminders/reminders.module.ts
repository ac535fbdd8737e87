import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Reminder } from './entities/reminder.entity';
import { ReminderPlanner } from './reminder-planner';
import { ReminderScheduler } from './reminder-scheduler';

/** Planning reminders (inside the callers' transactions) and putting them on Bull. */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder])],
  providers: [ReminderPlanner, ReminderScheduler],
  exports: [ReminderPlanner, ReminderScheduler],
})
export class RemindersModule {}
