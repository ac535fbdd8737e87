import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { Page } from '../../common/http/pagination';
import {
  DecideExtensionDto,
  ExtensionView,
  ListExtensionsQuery,
  RequestExtensionDto,
} from './dto/extension.dto';
import { ExtensionsService } from './extensions.service';

@ApiTags('extensions 延期申请')
@ApiBearerAuth()
@Controller()
export class ExtensionsController {
  constructor(private readonly extensions: ExtensionsService) {}

  /** 延期申请 across tasks, e.g. the office's queue: `?planId&status=pending`. */
  @Get('extensions')
  listAll(@Query() query: ListExtensionsQuery, @CurrentActor() actor: Actor): Promise<Page<ExtensionView>> {
    return this.extensions.list(query, actor);
  }

  @Get('tasks/:id/extensions')
  list(@Param('id', uuidPipe) taskId: string, @CurrentActor() actor: Actor): Promise<ExtensionView[]> {
    return this.extensions.listForTask(taskId, actor);
  }

  @Post('tasks/:id/extensions')
  @Roles(Role.DeptManager)
  request(
    @Param('id', uuidPipe) taskId: string,
    @Body() dto: RequestExtensionDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExtensionView> {
    return this.extensions.request(taskId, dto, actor);
  }

  @Post('extensions/:id/decide')
  @HttpCode(200)
  @Roles(Role.Office)
  decide(
    @Param('id', uuidPipe) id: string,
    @Body() dto: DecideExtensionDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExtensionView> {
    return this.extensions.decide(id, dto, actor);
  }
}
