import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { Page, PageQuery } from '../../common/http/pagination';
import { uuidPipe } from '../../common/http/uuid.pipe';
import {
  CreateProgressReportDto,
  ListProgressReportsQuery,
  ProgressReportView,
  ReviewDto,
} from './dto/progress-report.dto';
import { ProgressReportsService } from './progress-reports.service';

@ApiTags('progress reports 进展报告')
@ApiBearerAuth()
@Controller()
export class ProgressReportsController {
  constructor(private readonly reports: ProgressReportsService) {}

  @Get('tasks/:id/progress-reports')
  listForTask(
    @Param('id', uuidPipe) taskId: string,
    @Query() query: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ProgressReportView>> {
    return this.reports.listForTask(taskId, query, actor);
  }

  @Post('tasks/:id/progress-reports')
  @Roles(Role.DeptManager, Role.DeptStaff)
  create(
    @Param('id', uuidPipe) taskId: string,
    @Body() dto: CreateProgressReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProgressReportView> {
    return this.reports.create(taskId, dto, actor);
  }

  @Get('progress-reports')
  list(
    @Query() query: ListProgressReportsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ProgressReportView>> {
    return this.reports.list(query, actor);
  }

  @Get('progress-reports/:id')
  get(@Param('id', uuidPipe) id: string, @CurrentActor() actor: Actor): Promise<ProgressReportView> {
    return this.reports.get(id, actor);
  }

  @Post('progress-reports/:id/review')
  @HttpCode(200)
  @Roles(Role.Office)
  review(
    @Param('id', uuidPipe) id: string,
    @Body() dto: ReviewDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProgressReportView> {
    return this.reports.review(id, dto, actor);
  }
}
