import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role } from '../../common/auth/actor';
import { Roles } from '../../common/auth/auth.decorators';
import { Page } from '../../common/http/pagination';
import { AuditService } from './audit.service';
import { AuditEntryView, ListAuditLogQuery } from './dto/audit.dto';

@ApiTags('audit 审计日志')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(Role.Admin, Role.Office, Role.Observer)
  list(@Query() query: ListAuditLogQuery): Promise<Page<AuditEntryView>> {
    return this.audit.list(query);
  }
}
