import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, Role } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { sendFile } from '../../common/export/download';
import { XLSX_CONTENT_TYPE } from '../../common/export/xlsx';
import { Page } from '../../common/http/pagination';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { BulletinExportService } from './bulletin-export.service';
import { BulletinsService } from './bulletins.service';
import {
  BulletinExportQuery,
  BulletinListItem,
  BulletinView,
  CreateBulletinDto,
  ListBulletinsQuery,
} from './dto/bulletin.dto';

/** 月通报: the office generates; everyone signed in reads (a bulletin is published within the district). */
@ApiTags('bulletins 月通报')
@ApiBearerAuth()
@Controller('bulletins')
export class BulletinsController {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly exports: BulletinExportService,
  ) {}

  @Post()
  @Roles(Role.Office)
  create(@Body() dto: CreateBulletinDto, @CurrentActor() actor: Actor): Promise<BulletinView> {
    return this.bulletins.generate(dto.planId, dto.month, actor);
  }

  @Get()
  list(@Query() query: ListBulletinsQuery): Promise<Page<BulletinListItem>> {
    return this.bulletins.list(query);
  }

  @Get(':id')
  get(@Param('id', uuidPipe) id: string): Promise<BulletinView> {
    return this.bulletins.get(id);
  }

  @Get(':id/export')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async export(
    @Param('id', uuidPipe) id: string,
    @Query() _query: BulletinExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    await sendFile(res, await this.exports.xlsx(id));
  }
}
