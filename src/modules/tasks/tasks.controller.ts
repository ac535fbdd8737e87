import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { Page } from '../../common/http/pagination';
import { uuidPipe } from '../../common/http/uuid.pipe';
import {
  CommentDto,
  CreateTaskDto,
  ListTasksQuery,
  ReasonDto,
  TaskDetailView,
  TaskEventView,
  TaskView,
  TransitionDto,
  UpdateTaskDto,
} from './dto/task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks 工作任务')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  list(@Query() query: ListTasksQuery, @CurrentActor() actor: Actor): Promise<Page<TaskView>> {
    return this.tasks.list(query, actor);
  }

  @Post()
  @Roles(Role.Office)
  create(@Body() dto: CreateTaskDto, @CurrentActor() actor: Actor): Promise<TaskView> {
    return this.tasks.create(dto, actor);
  }

  @Get(':id')
  get(@Param('id', uuidPipe) id: string, @CurrentActor() actor: Actor): Promise<TaskDetailView> {
    return this.tasks.getDetail(id, actor);
  }

  @Get(':id/comments')
  comments(@Param('id', uuidPipe) id: string, @CurrentActor() actor: Actor): Promise<TaskEventView[]> {
    return this.tasks.comments(id, actor);
  }

  /** 意见、批示: the office, leaders, observers and the task's departments (not admin: it does not run the plan). */
  @Post(':id/comments')
  @Roles(Role.Office, Role.Leader, Role.Observer, Role.DeptManager, Role.DeptStaff)
  comment(
    @Param('id', uuidPipe) id: string,
    @Body() dto: CommentDto,
    @CurrentActor() actor: Actor,
  ): Promise<TaskEventView> {
    return this.tasks.comment(id, dto.text, actor);
  }

  @Patch(':id')
  @Roles(Role.Office)
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateTaskDto,
    @CurrentActor() actor: Actor,
  ): Promise<TaskView> {
    return this.tasks.update(id, dto, actor);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(Role.Office)
  assign(@Param('id', uuidPipe) id: string, @Body() dto: TransitionDto, @CurrentActor() actor: Actor) {
    return this.tasks.transition(id, 'assign', dto, actor);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(Role.DeptManager)
  accept(@Param('id', uuidPipe) id: string, @Body() dto: TransitionDto, @CurrentActor() actor: Actor) {
    return this.tasks.transition(id, 'accept', dto, actor);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(Role.DeptManager)
  submit(@Param('id', uuidPipe) id: string, @Body() dto: TransitionDto, @CurrentActor() actor: Actor) {
    return this.tasks.transition(id, 'submit', dto, actor);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(Role.Office)
  complete(@Param('id', uuidPipe) id: string, @Body() dto: TransitionDto, @CurrentActor() actor: Actor) {
    return this.tasks.transition(id, 'complete', dto, actor);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles(Role.Office)
  return(@Param('id', uuidPipe) id: string, @Body() dto: ReasonDto, @CurrentActor() actor: Actor) {
    return this.tasks.transition(id, 'return', dto, actor);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(Role.Office)
  cancel(@Param('id', uuidPipe) id: string, @Body() dto: ReasonDto, @CurrentActor() actor: Actor) {
    return this.tasks.transition(id, 'cancel', dto, actor);
  }
}
