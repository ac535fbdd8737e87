import { Workbook } from 'exceljs';
import type { Response } from 'superagent';
import { API, login, TestApp } from './app';
import { departmentId } from './fixtures';

/** A task title with everything that needs care in a CSV, a spreadsheet and an iCalendar file. */
export const TRICKY_TITLE = '=HYPERLINK("http://evil.example","点我"); 含逗号, 分号\\反斜杠';

export interface SupervisionPlan {
  planId: string;
  targetId: string;
  indicatorId: string;
  justice: string;
  approval: string;
  tokens: Record<
    'office' | 'leader' | 'observer' | 'admin' | 'manager' | 'staff' | 'approvalManager',
    string
  >;
  /** A: completed 2026-10-31 23:30 (Shanghai); B: completed 2026-11-01 00:10; C: overdue, returned once in
   *  October, tricky title; D: assigned 2026-11-02, not signed for; E: the 审批局's own task. */
  tasks: Record<'A' | 'B' | 'C' | 'D' | 'E', { id: string; code: string }>;
}

/**
 * A 2026 plan in Asia/Shanghai, on top of the demo seed, with five tasks driven through their life cycle
 * with the clock set to the moments that matter. Leaves the clock at 2026-11-10 12:00 (Shanghai).
 */
export async function buildSupervisionPlan(t: TestApp): Promise<SupervisionPlan> {
  const at = (iso: string) => t.clock.set(new Date(iso));
  const names = [
    'office',
    'leader',
    'observer',
    'admin',
    'justice-manager',
    'justice-staff',
    'approval-manager',
  ];
  const [office, leader, observer, admin, manager, staff, approvalManager] = await Promise.all(
    names.map((u) => login(t, u)),
  );
  const post = async (token: string, url: string, body: object = {}, status = 200) =>
    (
      await t
        .http()
        .post(`${API}${url}`)
        .set({ Authorization: `Bearer ${token}` })
        .send(body)
        .expect(status)
    ).body;
  const justice = await departmentId(t.dataSource, 'justice');
  const approval = await departmentId(t.dataSource, 'approval');

  at('2026-09-20T09:00:00+08:00');
  const plan = await post(
    office,
    '/plans',
    { title: '导出测试计划', year: 2026, status: 'active', timeZone: 'Asia/Shanghai' },
    201,
  );
  const r = await post(office, `/plans/${plan.id}/responsibilities`, { code: 'R1', title: '责任' }, 201);
  const target = await post(
    office,
    `/responsibilities/${r.id}/targets`,
    { code: 'T1', title: '目标任务一' },
    201,
  );
  const indicator = await post(
    office,
    `/targets/${target.id}/indicators`,
    { code: 'T1-rate', name: '按期办结率', unit: '%', direction: 'gte', targetValue: 90 },
    201,
  );

  const create = async (title: string, lead: string, co: string[], startAt: string, dueAt: string) => {
    const task = await post(
      office,
      '/tasks',
      { targetId: target.id, title, leadDepartmentId: lead, coDepartmentIds: co, startAt, dueAt },
      201,
    );
    return { id: task.id as string, code: task.code as string };
  };
  const start = '2026-10-01T09:00:00+08:00';
  const tasks = {
    A: await create('十月办结任务', justice, [approval], start, '2026-11-30T18:00:00+08:00'),
    B: await create('十一月办结任务', justice, [], start, '2026-11-30T18:00:00+08:00'),
    C: await create(TRICKY_TITLE, justice, [approval], start, '2026-10-20T18:00:00+08:00'),
    D: await create('待签收任务', justice, [], start, '2026-12-31T18:00:00+08:00'),
    E: await create('审批局任务', approval, [], start, '2026-12-31T18:00:00+08:00'),
  };

  at('2026-10-01T10:00:00+08:00');
  for (const key of ['A', 'B', 'C', 'E'] as const) {
    await post(office, `/tasks/${tasks[key].id}/assign`);
    await post(key === 'E' ? approvalManager : manager, `/tasks/${tasks[key].id}/accept`);
  }
  at('2026-10-10T10:00:00+08:00');
  await post(
    staff,
    `/tasks/${tasks.A.id}/progress-reports`,
    { percent: 100, summary: '已完成', indicatorValues: [{ indicatorId: indicator.id, value: 95 }] },
    201,
  );
  await post(staff, `/tasks/${tasks.B.id}/progress-reports`, { percent: 100, summary: '已完成' }, 201);
  await post(staff, `/tasks/${tasks.C.id}/progress-reports`, { percent: 40, summary: '推进中' }, 201);
  for (const key of ['A', 'B', 'C'] as const) await post(manager, `/tasks/${tasks[key].id}/submit`);
  at('2026-10-15T10:00:00+08:00');
  await post(office, `/tasks/${tasks.C.id}/return`, { reason: '材料不全' });
  await post(staff, `/tasks/${tasks.C.id}/progress-reports`, { percent: 20, summary: '补充材料' }, 201);

  at('2026-10-31T23:30:00+08:00');
  await post(office, `/tasks/${tasks.A.id}/complete`);
  at('2026-11-01T00:10:00+08:00');
  await post(office, `/tasks/${tasks.B.id}/complete`);
  at('2026-11-02T10:00:00+08:00');
  await post(office, `/tasks/${tasks.D.id}/assign`);
  at('2026-11-10T12:00:00+08:00');

  return {
    planId: plan.id,
    targetId: target.id,
    indicatorId: indicator.id,
    justice,
    approval,
    tokens: { office, leader, observer, admin, manager, staff, approvalManager },
    tasks,
  };
}

/** Supertest: keep the body as bytes (xlsx, and CSV whose BOM must be seen). */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** An .xlsx body read back with exceljs. */
export async function readWorkbook(body: unknown): Promise<Workbook> {
  const bytes = body as Buffer;
  const workbook = new Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

/** RFC 4180, as a reader would apply it: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += c;
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

export interface IcsProperty {
  name: string;
  params: string;
  value: string;
}

/** Unfolds (RFC 5545 §3.1) and splits a calendar into its events' properties, values unescaped. */
export function parseIcs(text: string): { calendar: IcsProperty[]; events: Map<string, string>[] } {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const calendar: IcsProperty[] = [];
  const events: Map<string, string>[] = [];
  let event: Map<string, string> | null = null;
  for (const line of lines) {
    const match = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const [, name, params, raw] = match;
    const value = raw.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    if (name === 'BEGIN' && value === 'VEVENT') event = new Map();
    else if (name === 'END' && value === 'VEVENT' && event) {
      events.push(event);
      event = null;
    } else if (event) event.set(name, value);
    else calendar.push({ name, params, value });
  }
  return { calendar, events };
}
