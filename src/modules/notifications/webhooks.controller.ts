import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role } from '../../common/auth/actor';
import { Roles } from '../../common/auth/auth.decorators';
import { Page, PageQuery } from '../../common/http/pagination';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { CreateWebhookDto, UpdateWebhookDto, WebhookView } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks 单位机器人与推送')
@ApiBearerAuth()
@Roles(Role.Office, Role.Admin)
@Controller()
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('departments/:id/webhooks')
  list(@Param('id', uuidPipe) departmentId: string, @Query() query: PageQuery): Promise<Page<WebhookView>> {
    return this.webhooks.list(departmentId, query);
  }

  @Post('departments/:id/webhooks')
  create(@Param('id', uuidPipe) departmentId: string, @Body() dto: CreateWebhookDto): Promise<WebhookView> {
    return this.webhooks.create(departmentId, dto);
  }

  @Patch('webhooks/:id')
  update(@Param('id', uuidPipe) id: string, @Body() dto: UpdateWebhookDto): Promise<WebhookView> {
    return this.webhooks.update(id, dto);
  }

  @Delete('webhooks/:id')
  @HttpCode(204)
  remove(@Param('id', uuidPipe) id: string): Promise<void> {
    return this.webhooks.remove(id);
  }
}
