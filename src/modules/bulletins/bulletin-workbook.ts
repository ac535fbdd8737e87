import { Workbook } from 'exceljs';
import { addRow, setUpSheet, XLSX_TIME_FORMAT, XlsxValue } from '../../common/export/xlsx';
import { wallClock } from '../../common/time/time-zone';
import { STATUS_LABELS, TASK_STATUSES } from '../tasks/task-status';
import { BulletinSnapshot } from './bulletin-snapshot';

export const BULLETIN_SHEETS = ['汇总', '单位排名', '逾期清单', '指标'] as const;

/**
 * The bulletin as a workbook: a summary, the departments' ranking, the overdue list and the indicators,
 * Chinese headers, times as wall-clock dates in the plan's zone. Built from the stored snapshot only.
 */
export function bulletinWorkbook(
  meta: { version: number; generatedAt: Date },
  s: BulletinSnapshot,
): Workbook {
  const local = (iso: string | null): Date | null => (iso ? wallClock(new Date(iso), s.timeZone) : null);
  const workbook = new Workbook();
  workbook.creator = '督查督办系统';
  workbook.created = meta.generatedAt;

  const summary = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  setUpSheet(summary, [
    { header: '项目', width: 24 },
    { header: '数值', width: 40 },
  ]);
  const a = s.activity;
  const facts: [string, XlsxValue, string?][] = [
    ['计划', s.plan.title],
    ['通报月份', s.month],
    ['版本', meta.version],
    ['时区', s.timeZone],
    ['统计起', local(s.window.from), XLSX_TIME_FORMAT],
    ['统计止（不含）', local(s.window.to), XLSX_TIME_FORMAT],
    ['数据截至', local(s.asOf), XLSX_TIME_FORMAT],
    ['任务总数', s.totals.total],
    ...TASK_STATUSES.map((st): [string, XlsxValue] => [`状态：${STATUS_LABELS[st]}`, s.totals.byStatus[st]]),
    ['红灯', s.totals.byLight.red],
    ['黄灯', s.totals.byLight.yellow],
    ['绿灯', s.totals.byLight.green],
    ['逾期未办结', s.totals.overdue],
    ['平均进度', s.totals.progress / 100, '0.0%'],
    ['按期办结率', s.totals.onTimeRate, '0.0%'],
    ['本月办结', a.completed],
    ['本月按期办结', a.completedOnTime],
    ['本月交办', a.assigned],
    ['本月退回', a.returns],
    ['本月进展报告', a.progressReports],
    ['本月发送提醒', a.remindersSent],
  ];
  for (const [label, value, numFmt] of facts) {
    const row = addRow(summary, [label, value]);
    if (numFmt) row.getCell(2).numFmt = numFmt;
  }

  const ranking = workbook.addWorksheet('单位排名', { views: [{ state: 'frozen', ySplit: 1 }] });
  setUpSheet(ranking, [
    { header: '排名', width: 8 },
    { header: '单位', width: 24 },
    { header: '得分', width: 10 },
    { header: '按期办结率', width: 12, numFmt: '0.0%' },
    { header: '牵头任务', width: 10 },
    { header: '配合任务', width: 10 },
    { header: '已办结', width: 10 },
    { header: '按期办结', width: 10 },
    { header: '逾期办结', width: 10 },
    { header: '逾期未办结', width: 12 },
    { header: '退回次数', width: 10 },
    { header: '督办次数', width: 10 },
    { header: '月报逾期', width: 10 },
  ]);
  for (const r of s.ranking) {
    addRow(ranking, [
      r.rank,
      r.name,
      r.score,
      r.onTimeRate ?? null,
      r.leadTasks ?? 0,
      r.coTasks ?? 0,
      r.completed ?? 0,
      r.onTime ?? 0,
      r.late ?? 0,
      r.overdue ?? 0,
      r.returns ?? 0,
      r.escalations ?? 0,
      r.reportsLate ?? 0,
    ]);
  }

  const overdue = workbook.addWorksheet('逾期清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  setUpSheet(overdue, [
    { header: '编号', width: 10 },
    { header: '任务', width: 48 },
    { header: '牵头单位', width: 20 },
    { header: '状态', width: 10 },
    { header: '截止时间', width: 17, numFmt: XLSX_TIME_FORMAT },
    { header: '原定截止', width: 17, numFmt: XLSX_TIME_FORMAT },
    { header: '逾期天数', width: 10 },
    { header: '进度', width: 8, numFmt: '0%' },
  ]);
  for (const t of s.overdue) {
    addRow(overdue, [
      t.code,
      t.title,
      t.leadDepartmentName,
      STATUS_LABELS[t.status],
      local(t.dueAt),
      local(t.originalDueAt),
      t.daysOverdue,
      t.progress / 100,
    ]);
  }

  const indicators = workbook.addWorksheet('指标', { views: [{ state: 'frozen', ySplit: 1 }] });
  setUpSheet(indicators, [
    { header: '目标任务', width: 36 },
    { header: '指标编号', width: 16 },
    { header: '指标', width: 30 },
    { header: '单位', width: 8 },
    { header: '方向', width: 6 },
    { header: '目标值', width: 10 },
    { header: '实际值', width: 10 },
    { header: '读数时间', width: 17, numFmt: XLSX_TIME_FORMAT },
    { header: '是否达标', width: 10 },
  ]);
  for (const i of s.indicators) {
    addRow(indicators, [
      `${i.targetCode} ${i.targetTitle}`.trim(),
      i.code,
      i.name,
      i.unit,
      i.direction === 'gte' ? '≥' : '≤',
      i.targetValue,
      i.actual,
      local(i.observedAt),
      i.met === null ? '—' : i.met ? '达标' : '未达标',
    ]);
  }
  return workbook;
}
