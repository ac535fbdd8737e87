import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from '../../../common/auth/actor';
import { CurrentActor } from '../../../common/auth/auth.decorators';
import { sendFile } from '../../../common/export/download';
import { XLSX_CONTENT_TYPE } from '../../../common/export/xlsx';
import { ExportTasksQuery } from './task-export.dto';
import { TaskExportService } from './task-export.service';

/**
 * GET /tasks/export. Registered before TasksController (see TasksModule), so that Express matches
 * `/tasks/export` here and never as `/tasks/:id`.
 */
@ApiTags('tasks 工作任务')
@ApiBearerAuth()
@Controller('tasks')
export class TaskExportController {
  constructor(private readonly exports: TaskExportService) {}

  @Get('export')
  @ApiProduces(XLSX_CONTENT_TYPE, 'text/csv')
  async export(
    @Query() query: ExportTasksQuery,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    await sendFile(res, await this.exports.prepare(query, actor));
  }
}
