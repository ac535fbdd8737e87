import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../../../common/auth/actor';
import { unprocessable } from '../../../common/errors/domain-error';
import { FileToSend } from '../../../common/export/download';
import { XLSX_CONTENT_TYPE } from '../../../common/export/xlsx';
import { Clock } from '../../../common/time/clock';
import { formatInZone } from '../../../common/time/time-zone';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { DepartmentsService } from '../../departments/departments.service';
import { PlansService } from '../../plans/plans.service';
import { TaskView } from '../dto/task.dto';
import { TaskFilters } from '../task-query';
import { TasksService } from '../tasks.service';
import { ExportTasksQuery } from './task-export.dto';
import { ExportValue, TASK_EXPORT_COLUMNS, taskExportRow } from './task-export.columns';
import { writeCsv, writeXlsx } from './task-export.writers';

/** More rows than anyone reads in a spreadsheet; past it the caller is asked to narrow the filters. */
export const EXPORT_MAX_ROWS = 50_000;

/** The task list as a file: the list's filters and scoping, every matching row, times in the plan's zone. */
@Injectable()
export class TaskExportService {
  constructor(
    private readonly tasks: TasksService,
    private readonly departments: DepartmentsService,
    private readonly plans: PlansService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks everything that can fail before a byte is sent, so that failures still answer as JSON. */
  async prepare(query: ExportTasksQuery, actor: Actor): Promise<FileToSend> {
    const { format, ...filters } = query;
    const now = this.clock.now();
    const zone = query.planId ? (await this.plans.get(query.planId)).timeZone : this.config.timeZone;
    const total = await this.tasks.count(filters, actor, now);
    if (total > EXPORT_MAX_ROWS) {
      throw unprocessable(
        `符合条件的任务有 ${total} 条，超过导出上限 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围 (too many rows to export)`,
        { total, max: EXPORT_MAX_ROWS },
      );
    }
    const stamp = formatInZone(now, zone)
      .replace(/[-: ]/g, '')
      .replace(/^(\d{8})/, '$1-');
    const rows = this.rows(filters, actor, now);
    return format === 'csv'
      ? {
          filename: `任务清单-${stamp}.csv`,
          contentType: 'text/csv; charset=utf-8',
          write: (out) => writeCsv(out, TASK_EXPORT_COLUMNS, rows),
        }
      : {
          filename: `任务清单-${stamp}.xlsx`,
          contentType: XLSX_CONTENT_TYPE,
          write: (out) => writeXlsx(out, '任务清单', TASK_EXPORT_COLUMNS, rows),
        };
  }

  /** Batches of rows, looking up department names and plans as they first appear. */
  private async *rows(filters: TaskFilters, actor: Actor, now: Date): AsyncGenerator<ExportValue[][]> {
    const names = new Map<string, string>();
    const plans = new Map<string, { title: string; timeZone: string }>();
    let left = EXPORT_MAX_ROWS; // rows added after the count are not let past the cap either
    for await (const all of this.tasks.stream(filters, actor, now)) {
      const batch = all.slice(0, left);
      left -= batch.length;
      await this.lookUp(batch, names, plans);
      yield batch.map((task) =>
        taskExportRow(task, {
          departmentName: (id) => names.get(id) ?? id,
          plan: (id) => plans.get(id) ?? { title: '', timeZone: this.config.timeZone },
        }),
      );
      if (left === 0) return;
    }
  }

  private async lookUp(
    batch: TaskView[],
    names: Map<string, string>,
    plans: Map<string, { title: string; timeZone: string }>,
  ): Promise<void> {
    const departmentIds = new Set(batch.flatMap((t) => [t.leadDepartmentId, ...t.coDepartmentIds]));
    const missing = [...departmentIds].filter((id) => !names.has(id));
    for (const d of await this.departments.requireAll(missing)) names.set(d.id, d.name);
    for (const planId of new Set(batch.map((t) => t.planId))) {
      if (plans.has(planId)) continue;
      const plan = await this.plans.get(planId);
      plans.set(planId, { title: plan.title, timeZone: plan.timeZone });
    }
  }
}
