import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { DashboardService } from './dashboard.service';
import { DepartmentRow, PlanQuery, ScoreItem, SummaryQuery } from './dto/dashboard.dto';

@ApiTags('dashboard 督查看板')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('summary')
  summary(@Query() query: SummaryQuery, @CurrentActor() actor: Actor) {
    return this.dashboard.summary(query.planId, query.top, actor);
  }

  @Get('departments')
  departments(
    @Query() query: PlanQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: DepartmentRow[]; total: number }> {
    return this.dashboard.departments(query.planId, actor);
  }

  @Get('departments/:id/score')
  score(
    @Param('id', uuidPipe) id: string,
    @Query() query: PlanQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ score: number; items: ScoreItem[] }> {
    return this.dashboard.explain(id, query.planId, actor);
  }
}
