import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionItem } from './entities/action-item.entity';
import { Plan } from './entities/plan.entity';
import { Problem } from './entities/problem.entity';
import { Responsibility } from './entities/responsibility.entity';
import { Target } from './entities/target.entity';
import { RemindersModule } from '../reminders/reminders.module';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({
  imports: [TypeOrmModule.forFeature([Plan, Responsibility, Target, Problem, ActionItem]), RemindersModule],
  controllers: [PlansController],
  providers: [PlansService],
  exports: [PlansService],
})
export class PlansModule {}
