import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { PlanTree, PlanTreeService } from './plan-tree.service';

@ApiTags('plans 计划')
@ApiBearerAuth()
@Controller('plans')
export class PlanTreeController {
  constructor(private readonly trees: PlanTreeService) {}

  @Get(':id/tree')
  tree(@Param('id', uuidPipe) id: string, @CurrentActor() actor: Actor): Promise<PlanTree> {
    return this.trees.tree(id, actor);
  }
}
