import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { PlansModule } from '../plans/plans.module';
import { TasksModule } from '../tasks/tasks.module';
import { PlanTreeController } from './plan-tree.controller';
import { PlanTreeService } from './plan-tree.service';

@Module({
  imports: [PlansModule, TasksModule, IndicatorsModule],
  controllers: [PlanTreeController],
  providers: [PlanTreeService],
})
export class PlanTreeModule {}
