import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { Page } from '../../common/http/pagination';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { AccountsService } from './accounts.service';
import { AccountView, CreateAccountDto, ListAccountsQuery, UpdateAccountDto } from './dto/account.dto';

@ApiTags('users 用户管理')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('users')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  list(@Query() query: ListAccountsQuery): Promise<Page<AccountView>> {
    return this.accounts.list(query);
  }

  @Get(':id')
  get(@Param('id', uuidPipe) id: string): Promise<AccountView> {
    return this.accounts.get(id);
  }

  @Post()
  create(@Body() dto: CreateAccountDto): Promise<AccountView> {
    return this.accounts.create(dto);
  }

  @Patch(':id')
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateAccountDto,
    @CurrentActor() actor: Actor,
  ): Promise<AccountView> {
    return this.accounts.update(id, dto, actor);
  }
}
