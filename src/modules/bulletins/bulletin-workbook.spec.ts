import { Workbook } from 'exceljs';
import { BulletinSnapshot } from './bulletin-snapshot';
import { BULLETIN_SHEETS, bulletinWorkbook } from './bulletin-workbook';

const snapshot: BulletinSnapshot = {
  schema: 1,
  plan: { id: 'p1', title: '城关区2026年法治政府建设工作要点', year: 2026 },
  timeZone: 'Asia/Shanghai',
  month: '2026-10',
  window: { from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z' },
  asOf: '2026-11-01T00:30:00.000Z',
  totals: {
    total: 3,
    byStatus: {
      draft: 0,
      assigned: 0,
      accepted: 0,
      in_progress: 1,
      submitted: 0,
      returned: 0,
      completed: 2,
      cancelled: 0,
    },
    byLight: { red: 1, yellow: 0, green: 0 },
    overdue: 1,
    progress: 73.3,
    onTimeRate: 0.5,
  },
  ranking: [
    {
      departmentId: 'd1',
      code: 'justice',
      name: '区司法局',
      score: -0.5,
      rank: 1,
      onTimeRate: 0.5,
      leadTasks: 3,
      coTasks: 0,
      completed: 2,
      onTime: 1,
      late: 1,
      overdue: 1,
      returns: 0,
      escalations: 0,
      reportsLate: 1,
    },
  ],
  overdue: [
    {
      id: 't3',
      code: 'T003',
      title: '=HYPERLINK("http://evil","点我")',
      status: 'in_progress',
      leadDepartmentId: 'd1',
      leadDepartmentName: '区司法局',
      dueAt: '2026-10-20T10:00:00.000Z',
      originalDueAt: '2026-10-10T10:00:00.000Z',
      daysOverdue: 11,
      progress: 20,
    },
  ],
  indicators: [
    {
      id: 'i1',
      targetCode: 'T11',
      targetTitle: '依法有效化解社会矛盾纠纷',
      code: 'T11-mediation-rate',
      name: '调解成功率',
      unit: '%',
      direction: 'gte',
      targetValue: 95,
      actual: 98,
      observedAt: '2026-10-15T02:00:00.000Z',
      met: true,
    },
  ],
  activity: {
    completed: 2,
    completedOnTime: 1,
    completedTasks: [],
    returns: 1,
    assigned: 0,
    progressReports: 4,
    remindersSent: 5,
    remindersByKind: { before_due: 5 },
  },
};

async function readBack(): Promise<Workbook> {
  const buffer = await bulletinWorkbook(
    { version: 2, generatedAt: new Date(snapshot.asOf) },
    snapshot,
  ).xlsx.writeBuffer();
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer);
  return workbook;
}

describe('bulletin workbook', () => {
  it('has the four sheets with Chinese headers', async () => {
    const wb = await readBack();
    expect(wb.worksheets.map((s) => s.name)).toEqual([...BULLETIN_SHEETS]);
    expect(wb.getWorksheet('单位排名')?.getRow(1).values).toEqual([
      undefined,
      '排名',
      '单位',
      '得分',
      '按期办结率',
      '牵头任务',
      '配合任务',
      '已办结',
      '按期办结',
      '逾期办结',
      '逾期未办结',
      '退回次数',
      '督办次数',
      '月报逾期',
    ]);
  });

  it('writes the summary, times in the plan’s zone', async () => {
    const sheet = (await readBack()).getWorksheet('汇总');
    const facts = new Map<string, unknown>();
    sheet?.eachRow((row, n) => {
      if (n > 1) facts.set(row.getCell(1).text, row.getCell(2).value);
    });
    expect(facts.get('计划')).toBe('城关区2026年法治政府建设工作要点');
    expect(facts.get('通报月份')).toBe('2026-10');
    expect(facts.get('版本')).toBe(2);
    // 2026-10-01 00:00 in Shanghai, written as a wall-clock date.
    expect(facts.get('统计起')).toEqual(new Date('2026-10-01T00:00:00.000Z'));
    expect(facts.get('任务总数')).toBe(3);
    expect(facts.get('状态：已办结')).toBe(2);
    expect(facts.get('红灯')).toBe(1);
    expect(facts.get('按期办结率')).toBe(0.5);
    expect(facts.get('本月退回')).toBe(1);
    expect(facts.get('本月发送提醒')).toBe(5);
  });

  it('lists the ranking, the overdue tasks (formula neutralised) and the indicators', async () => {
    const wb = await readBack();
    expect(wb.getWorksheet('单位排名')?.getRow(2).values).toEqual([
      undefined,
      1,
      '区司法局',
      -0.5,
      0.5,
      3,
      0,
      2,
      1,
      1,
      1,
      0,
      0,
      1,
    ]);
    const overdue = wb.getWorksheet('逾期清单')?.getRow(2);
    expect(overdue?.getCell(1).value).toBe('T003');
    expect(overdue?.getCell(2).value).toBe(`'=HYPERLINK("http://evil","点我")`);
    expect(overdue?.getCell(3).value).toBe('区司法局');
    expect(overdue?.getCell(4).value).toBe('办理中');
    expect(overdue?.getCell(5).value).toEqual(new Date('2026-10-20T18:00:00.000Z'));
    expect(overdue?.getCell(7).value).toBe(11);
    expect(overdue?.getCell(8).value).toBe(0.2);
    const indicator = wb.getWorksheet('指标')?.getRow(2);
    expect(indicator?.values).toEqual([
      undefined,
      'T11 依法有效化解社会矛盾纠纷',
      'T11-mediation-rate',
      '调解成功率',
      '%',
      '≥',
      95,
      98,
      new Date('2026-10-15T10:00:00.000Z'),
      '达标',
    ]);
  });
});
