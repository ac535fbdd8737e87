import { XLSX_TIME_FORMAT, XlsxColumn } from '../../../common/export/xlsx';
import { TaskView } from '../dto/task.dto';
import { LIGHT_LABELS, STATUS_LABELS } from '../task-status';

/** A local time: shown in the plan's zone (text in CSV, a wall-clock date in xlsx). */
export interface LocalTime {
  at: Date;
  timeZone: string;
}

export type ExportValue = string | number | LocalTime | null;

export interface ExportColumn extends XlsxColumn {
  /** How the value is written: percentages are 0–100 in the data. */
  kind: 'text' | 'time' | 'percent' | 'number';
}

export const TASK_EXPORT_COLUMNS: ExportColumn[] = [
  { header: '编号', width: 10, kind: 'text' },
  { header: '任务', width: 48, kind: 'text' },
  { header: '所属计划', width: 30, kind: 'text' },
  { header: '状态', width: 10, kind: 'text' },
  { header: '牵头单位', width: 18, kind: 'text' },
  { header: '配合单位', width: 30, kind: 'text' },
  { header: '开始时间', width: 17, kind: 'time', numFmt: XLSX_TIME_FORMAT },
  { header: '截止时间', width: 17, kind: 'time', numFmt: XLSX_TIME_FORMAT },
  { header: '原定截止', width: 17, kind: 'time', numFmt: XLSX_TIME_FORMAT },
  { header: '进度', width: 8, kind: 'percent', numFmt: '0%' },
  { header: '序时进度', width: 10, kind: 'percent', numFmt: '0%' },
  { header: '红黄绿灯', width: 10, kind: 'text' },
  { header: '是否逾期', width: 10, kind: 'text' },
  { header: '办结时间', width: 17, kind: 'time', numFmt: XLSX_TIME_FORMAT },
  { header: '是否按期办结', width: 14, kind: 'text' },
  { header: '退回次数', width: 10, kind: 'number' },
  { header: '时区', width: 16, kind: 'text' },
];

export interface ExportLookups {
  departmentName: (id: string) => string;
  plan: (id: string) => { title: string; timeZone: string };
}

const yesNo = (value: boolean | null): string | null => (value === null ? null : value ? '是' : '否');

/** A task as one row of TASK_EXPORT_COLUMNS. */
export function taskExportRow(task: TaskView, lookups: ExportLookups): ExportValue[] {
  const plan = lookups.plan(task.planId);
  const local = (at: Date | null): LocalTime | null => (at ? { at, timeZone: plan.timeZone } : null);
  return [
    task.code,
    task.title,
    plan.title,
    STATUS_LABELS[task.status],
    lookups.departmentName(task.leadDepartmentId),
    task.coDepartmentIds.map(lookups.departmentName).join('、') || null,
    local(task.startAt),
    local(task.dueAt),
    local(task.originalDueAt),
    task.progress,
    task.light === null ? null : task.expected,
    task.light ? LIGHT_LABELS[task.light] : null,
    yesNo(task.overdue),
    local(task.completedAt),
    yesNo(task.onTime),
    task.returnCount,
    plan.timeZone,
  ];
}
