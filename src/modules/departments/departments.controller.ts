import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role } from '../../common/auth/actor';
import { Roles } from '../../common/auth/auth.decorators';
import { Page } from '../../common/http/pagination';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { DepartmentsService } from './departments.service';
import {
  CreateDepartmentDto,
  DepartmentView,
  ListDepartmentsQuery,
  UpdateDepartmentDto,
} from './dto/department.dto';

@ApiTags('departments 单位')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  list(@Query() query: ListDepartmentsQuery): Promise<Page<DepartmentView>> {
    return this.departments.list(query);
  }

  @Get(':id')
  async get(@Param('id', uuidPipe) id: string): Promise<DepartmentView> {
    return DepartmentView.of(await this.departments.get(id));
  }

  @Post()
  @Roles(Role.Admin)
  async create(@Body() dto: CreateDepartmentDto): Promise<DepartmentView> {
    return DepartmentView.of(await this.departments.create(dto));
  }

  @Patch(':id')
  @Roles(Role.Admin)
  async update(@Param('id', uuidPipe) id: string, @Body() dto: UpdateDepartmentDto): Promise<DepartmentView> {
    return DepartmentView.of(await this.departments.update(id, dto));
  }
}
