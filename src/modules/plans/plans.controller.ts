import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role } from '../../common/auth/actor';
import { Roles } from '../../common/auth/auth.decorators';
import { Page } from '../../common/http/pagination';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { CreateActionItemDto, CreatePlanItemDto, PlanItemView } from './dto/plan-item.dto';
import { CreatePlanDto, ListPlansQuery, PlanView, UpdatePlanDto } from './dto/plan.dto';
import { PlansService } from './plans.service';

const itemView = (i: PlanItemView): PlanItemView => ({
  id: i.id,
  code: i.code,
  title: i.title,
  description: i.description,
  source: i.source,
});

@ApiTags('plans 计划')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get('plans')
  list(@Query() query: ListPlansQuery): Promise<Page<PlanView>> {
    return this.plans.list(query);
  }

  @Post('plans')
  @Roles(Role.Office)
  async create(@Body() dto: CreatePlanDto): Promise<PlanView> {
    return PlanView.of(await this.plans.create(dto));
  }

  @Get('plans/:id')
  async get(@Param('id', uuidPipe) id: string): Promise<PlanView> {
    return PlanView.of(await this.plans.get(id));
  }

  @Patch('plans/:id')
  @Roles(Role.Office)
  async update(@Param('id', uuidPipe) id: string, @Body() dto: UpdatePlanDto): Promise<PlanView> {
    return PlanView.of(await this.plans.update(id, dto));
  }

  @Post('plans/:id/responsibilities')
  @Roles(Role.Office)
  async addResponsibility(
    @Param('id', uuidPipe) id: string,
    @Body() dto: CreatePlanItemDto,
  ): Promise<PlanItemView> {
    return itemView(await this.plans.addResponsibility(id, dto));
  }

  @Post('responsibilities/:id/targets')
  @Roles(Role.Office)
  async addTarget(@Param('id', uuidPipe) id: string, @Body() dto: CreatePlanItemDto): Promise<PlanItemView> {
    return itemView(await this.plans.addTarget(id, dto));
  }

  @Post('plans/:id/problems')
  @Roles(Role.Office)
  async addProblem(@Param('id', uuidPipe) id: string, @Body() dto: CreatePlanItemDto): Promise<PlanItemView> {
    return itemView(await this.plans.addProblem(id, dto));
  }

  @Post('plans/:id/action-items')
  @Roles(Role.Office)
  async addActionItem(
    @Param('id', uuidPipe) id: string,
    @Body() dto: CreateActionItemDto,
  ): Promise<PlanItemView> {
    return itemView(await this.plans.addActionItem(id, dto));
  }
}
