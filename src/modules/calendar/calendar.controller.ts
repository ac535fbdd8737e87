import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, Role } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/auth.decorators';
import { noBody } from '../../common/http/no-body.pipe';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { CalendarService } from './calendar.service';

/** Mounted outside the /api/v1 prefix (see app.setup.ts), like /health: calendar apps get a short URL. */
export const CALENDAR_PATH = 'calendar';

@ApiTags('calendar 日历订阅')
@ApiBearerAuth()
@Controller('departments')
export class CalendarTokenController {
  constructor(private readonly calendar: CalendarService) {}

  /** A new secret feed URL for the department; the previous one stops working. */
  @Post(':id/calendar-token')
  @Roles(Role.Office, Role.Admin, Role.DeptManager)
  @ApiCreatedResponse({ schema: { example: { url: 'https://host/calendar/<token>.ics' } } })
  async issue(
    @Param('id', uuidPipe) id: string,
    @Body(noBody) _body: undefined,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<{ url: string }> {
    const token = await this.calendar.issue(id, actor);
    return { url: `${req.protocol}://${req.get('host')}/${CALENDAR_PATH}/${token}.ics` };
  }
}

@ApiTags('calendar 日历订阅')
@Controller(CALENDAR_PATH)
export class CalendarFeedController {
  constructor(private readonly calendar: CalendarService) {}

  /** The feed: no login, the secret in the URL is the key. */
  @Public()
  @Get(':file')
  @ApiProduces('text/calendar')
  async feed(@Param('file') file: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const text = await this.calendar.feed(file.endsWith('.ics') ? file.slice(0, -4) : '');
    // Set only on success: an error answers as JSON.
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-cache');
    return text;
  }
}
