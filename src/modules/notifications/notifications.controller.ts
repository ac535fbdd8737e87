import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '../../common/auth/actor';
import { AnyRole, CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { Page } from '../../common/http/pagination';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { InboxQuery, NotificationView, ReminderView, UrgeDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications 提醒与通知')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  inbox(
    @Query() query: InboxQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<NotificationView> & { unread: number }> {
    return this.notifications.inbox(actor, query);
  }

  @Post('notifications/read-all')
  @AnyRole()
  @HttpCode(200)
  readAll(@CurrentActor() actor: Actor): Promise<{ updated: number }> {
    return this.notifications.markAllRead(actor);
  }

  @Post('notifications/:id/read')
  @AnyRole()
  @HttpCode(200)
  read(@Param('id', uuidPipe) id: string, @CurrentActor() actor: Actor): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }

  @Get('tasks/:id/reminders')
  reminders(@Param('id', uuidPipe) taskId: string, @CurrentActor() actor: Actor): Promise<ReminderView[]> {
    return this.notifications.remindersOf(taskId, actor);
  }

  /** 催办 by the office, or an escalation by a leader or an observer. */
  @Post('tasks/:id/urge')
  @Roles(Role.Office, Role.Leader, Role.Observer)
  urge(
    @Param('id', uuidPipe) taskId: string,
    @Body() dto: UrgeDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReminderView> {
    return this.notifications.urge(taskId, dto.message, actor);
  }
}
