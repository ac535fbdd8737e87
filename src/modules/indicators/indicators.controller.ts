import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role } from '../../common/auth/actor';
import { Roles } from '../../common/auth/auth.decorators';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { CreateIndicatorDto, IndicatorView, ReadingView } from './dto/indicator.dto';
import { IndicatorsService } from './indicators.service';

@ApiTags('indicators 指标')
@ApiBearerAuth()
@Controller()
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get('targets/:id/indicators')
  list(@Param('id', uuidPipe) targetId: string): Promise<IndicatorView[]> {
    return this.indicators.forTarget(targetId);
  }

  @Post('targets/:id/indicators')
  @Roles(Role.Office)
  create(@Param('id', uuidPipe) targetId: string, @Body() dto: CreateIndicatorDto): Promise<IndicatorView> {
    return this.indicators.create(targetId, dto);
  }

  @Get('indicators/:id/readings')
  history(@Param('id', uuidPipe) id: string): Promise<{ indicator: IndicatorView; readings: ReadingView[] }> {
    return this.indicators.history(id);
  }
}
