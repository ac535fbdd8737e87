import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/time/clock';
import { IndicatorView } from '../indicators/dto/indicator.dto';
import { IndicatorsService } from '../indicators/indicators.service';
import { PlanItemView } from '../plans/dto/plan-item.dto';
import { PlanView } from '../plans/dto/plan.dto';
import { PlansService } from '../plans/plans.service';
import { TaskView } from '../tasks/dto/task.dto';
import { TasksService } from '../tasks/tasks.service';
import { Rollup } from './rollup';
import { emptyRollup, planRollups } from './rollup.sql';

export interface TargetNode extends PlanItemView {
  rollup: Rollup;
  indicators: IndicatorView[];
  tasks: TaskView[];
}
export interface ResponsibilityNode extends PlanItemView {
  rollup: Rollup;
  targets: TargetNode[];
}
export interface ActionItemNode extends PlanItemView {
  problemIds: string[];
  rollup: Rollup;
  tasks: TaskView[];
}
export interface ProblemNode extends PlanItemView {
  actionItemIds: string[];
}
export interface PlanTree {
  plan: PlanView;
  rollup: Rollup;
  responsibilities: ResponsibilityNode[];
  actionItems: ActionItemNode[];
  problems: ProblemNode[];
}

const item = (i: PlanItemView): PlanItemView => ({
  id: i.id,
  code: i.code,
  title: i.title,
  description: i.description,
  source: i.source,
});

/**
 * The plan as one tree: responsibilities → targets → tasks, action items → tasks, with roll-ups counted by
 * PostgreSQL (rollup.sql.ts) over the tasks the caller may see.
 */
@Injectable()
export class PlanTreeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly tasks: TasksService,
    private readonly indicators: IndicatorsService,
    private readonly clock: Clock,
  ) {}

  async tree(planId: string, actor: Actor): Promise<PlanTree> {
    const structure = await this.plans.structure(planId);
    const now = this.clock.now();
    const [tasks, rollups, indicators] = await Promise.all([
      this.tasks.allInPlan(planId, actor, now),
      planRollups(this.dataSource.manager, actor, planId, now),
      this.indicators.forTargets(structure.targets.map((t) => t.id)),
    ]);
    const tasksOf = groupBy(tasks, (t) => t.targetId ?? t.actionItemId ?? '');
    const indicatorsOf = groupBy(indicators, (i) => i.targetId);

    const responsibilities = structure.responsibilities.map((r): ResponsibilityNode => {
      const targets = structure.targets
        .filter((t) => t.responsibilityId === r.id)
        .map((t): TargetNode => {
          const own = tasksOf.get(t.id) ?? [];
          return {
            ...item(t),
            rollup: rollups.targets.get(t.id) ?? emptyRollup(),
            indicators: indicatorsOf.get(t.id) ?? [],
            tasks: own,
          };
        });
      return { ...item(r), rollup: rollups.responsibilities.get(r.id) ?? emptyRollup(), targets };
    });
    const actionItems = structure.actionItems.map((a): ActionItemNode => {
      const own = tasksOf.get(a.id) ?? [];
      return {
        ...item(a),
        problemIds: (a.problems ?? []).map((p) => p.id),
        rollup: rollups.actionItems.get(a.id) ?? emptyRollup(),
        tasks: own,
      };
    });
    const problems = structure.problems.map((p): ProblemNode => ({
      ...item(p),
      actionItemIds: actionItems.filter((a) => a.problemIds.includes(p.id)).map((a) => a.id),
    }));
    return {
      plan: PlanView.of(structure.plan),
      rollup: rollups.plan,
      responsibilities,
      actionItems,
      problems,
    };
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of items) {
    const k = key(entry);
    const list = groups.get(k);
    if (list) list.push(entry);
    else groups.set(k, [entry]);
  }
  return groups;
}
