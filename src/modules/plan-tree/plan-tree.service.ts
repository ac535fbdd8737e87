import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/auth/actor';
import { IndicatorView } from '../indicators/dto/indicator.dto';
import { IndicatorsService } from '../indicators/indicators.service';
import { PlanItemView } from '../plans/dto/plan-item.dto';
import { PlanView } from '../plans/dto/plan.dto';
import { PlansService } from '../plans/plans.service';
import { TaskView } from '../tasks/dto/task.dto';
import { TasksService } from '../tasks/tasks.service';
import { Rollup, rollup } from './rollup';

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

/** The plan as one tree: responsibilities → targets → tasks, action items → tasks, with roll-ups. */
@Injectable()
export class PlanTreeService {
  constructor(
    private readonly plans: PlansService,
    private readonly tasks: TasksService,
    private readonly indicators: IndicatorsService,
  ) {}

  async tree(planId: string, actor: Actor): Promise<PlanTree> {
    const structure = await this.plans.structure(planId);
    const [tasks, indicators] = await Promise.all([
      this.tasks.allInPlan(planId, actor),
      this.indicators.forTargets(structure.targets.map((t) => t.id)),
    ]);
    const tasksOf = groupBy(tasks, (t) => t.targetId ?? t.actionItemId ?? '');
    const indicatorsOf = groupBy(indicators, (i) => i.targetId);

    const responsibilities = structure.responsibilities.map((r): ResponsibilityNode => {
      const targets = structure.targets
        .filter((t) => t.responsibilityId === r.id)
        .map((t): TargetNode => {
          const own = tasksOf.get(t.id) ?? [];
          return { ...item(t), rollup: rollup(own), indicators: indicatorsOf.get(t.id) ?? [], tasks: own };
        });
      return { ...item(r), rollup: rollup(targets.flatMap((t) => t.tasks)), targets };
    });
    const actionItems = structure.actionItems.map((a): ActionItemNode => {
      const own = tasksOf.get(a.id) ?? [];
      return { ...item(a), problemIds: (a.problems ?? []).map((p) => p.id), rollup: rollup(own), tasks: own };
    });
    const problems = structure.problems.map((p): ProblemNode => ({
      ...item(p),
      actionItemIds: actionItems.filter((a) => a.problemIds.includes(p.id)).map((a) => a.id),
    }));
    return {
      plan: PlanView.of(structure.plan),
      rollup: rollup(tasks),
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
