import { createHash } from 'node:crypto';
import { Role } from '../src/common/auth/actor';
import { TasksService } from '../src/modules/tasks/tasks.service';
import { API, createTestApp, resetDatabase, TestApp } from './support/app';
import { seedDemo } from './support/fixtures';
import {
  binary,
  buildSupervisionPlan,
  parseCsv,
  parseIcs,
  readWorkbook,
  SupervisionPlan,
  TRICKY_TITLE,
} from './support/supervision-fixtures';

const HEADERS = [
  '编号',
  '任务',
  '所属计划',
  '状态',
  '牵头单位',
  '配合单位',
  '开始时间',
  '截止时间',
  '原定截止',
  '进度',
  '序时进度',
  '红黄绿灯',
  '是否逾期',
  '办结时间',
  '是否按期办结',
  '退回次数',
  '时区',
];

describe('exports: task lists as xlsx and CSV, department calendar feeds', () => {
  let t: TestApp;
  let s: SupervisionPlan;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const download = (query: string, token = s.tokens.office) =>
    t.http().get(`${API}/tasks/export?${query}`).set(auth(token)).buffer(true).parse(binary);
  const codesIn = async (query: string, token = s.tokens.office) => {
    const res = await download(`format=csv&planId=${s.planId}&${query}`, token).expect(200);
    return parseCsv((res.body as Buffer).toString('utf8').slice(1))
      .slice(1)
      .map((row) => row[0])
      .sort();
  };

  beforeAll(async () => {
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    await seedDemo(t);
    s = await buildSupervisionPlan(t); // the clock now stands at 2026-11-10 12:00 in Shanghai
  });

  afterAll(async () => {
    t.clock.set(undefined);
    await t.close();
  });

  it('routes GET /tasks/export to the export, never to GET /tasks/:id', async () => {
    const res = await download('').expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    // The export's own validation answers, not the id route's "id must be a UUID".
    const bad = await t.http().get(`${API}/tasks/export?format=pdf`).set(auth(s.tokens.office)).expect(400);
    expect(bad.body.message).toContain('format');
    const id = await t.http().get(`${API}/tasks/exports`).set(auth(s.tokens.office)).expect(400);
    expect(id.body.message).toContain('UUID');
    await t.http().get(`${API}/tasks/export`).expect(401);
  });

  it('writes the filtered list as .xlsx, times in the plan’s zone, checked cell by cell', async () => {
    const res = await download(`format=xlsx&planId=${s.planId}`).expect(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="____-20261110-1200.xlsx"; filename*=UTF-8''%E4%BB%BB%E5%8A%A1%E6%B8%85%E5%8D%95-20261110-1200.xlsx`,
    );
    const wb = await readWorkbook(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['任务清单']);
    const sheet = wb.getWorksheet('任务清单');
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet?.actualRowCount).toBe(6);
    const rows = new Map<string, unknown[]>();
    sheet?.eachRow((row, n) => {
      if (n > 1) rows.set(row.getCell(1).text, (row.values as unknown[]).slice(1));
    });
    // Times are wall-clock dates: 2026-10-20 18:00 in Shanghai reads as 18:00.
    expect(rows.get(s.tasks.C.code)).toEqual([
      s.tasks.C.code,
      `'${TRICKY_TITLE}`,
      '导出测试计划',
      '办理中',
      '区司法局',
      '区行审局',
      new Date('2026-10-01T09:00:00Z'),
      new Date('2026-10-20T18:00:00Z'),
      new Date('2026-10-20T18:00:00Z'),
      0.2,
      1,
      '红灯',
      '是',
      undefined,
      undefined,
      1,
      'Asia/Shanghai',
    ]);
    expect(rows.get(s.tasks.A.code)?.slice(9, 17)).toEqual([
      1,
      undefined,
      undefined,
      '否',
      new Date('2026-10-31T23:30:00Z'),
      '是',
      0,
      'Asia/Shanghai',
    ]);
    expect(sheet?.getRow(2).getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('writes CSV as UTF-8 with a BOM, RFC 4180 quoting and formulas neutralised', async () => {
    const res = await download(`format=csv&planId=${s.planId}&status=in_progress`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''%E4%BB%BB%E5%8A%A1%E6%B8%85%E5%8D%95-20261110-1200.csv`,
    );
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我""); 含逗号, 分号\\反斜杠"`);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toEqual([
      HEADERS,
      [
        s.tasks.C.code,
        `'${TRICKY_TITLE}`,
        '导出测试计划',
        '办理中',
        '区司法局',
        '区行审局',
        '2026-10-01 09:00',
        '2026-10-20 18:00',
        '2026-10-20 18:00',
        '20%',
        '100%',
        '红灯',
        '是',
        '',
        '',
        '1',
        'Asia/Shanghai',
      ],
    ]);
  });

  it('applies the list’s filters and each caller’s scope', async () => {
    const { A, B, C, D, E } = s.tasks;
    expect(await codesIn('')).toEqual([A, B, C, D, E].map((x) => x.code).sort());
    // C is overdue; D and E, untouched six weeks into their three months, lag more than redLag behind.
    expect(await codesIn('light=red')).toEqual([C, D, E].map((x) => x.code).sort());
    expect(await codesIn('light=green')).toEqual([]);
    expect(await codesIn('overdue=true')).toEqual([C.code]);
    expect(await codesIn('q=待签收')).toEqual([D.code]);
    expect(await codesIn(`departmentId=${s.approval}`)).toEqual([A, C, E].map((x) => x.code).sort());
    expect(await codesIn('dueBefore=2026-11-01T00:00:00%2B08:00')).toEqual([C.code]);
    expect(await codesIn('status=completed,assigned')).toEqual([A, B, D].map((x) => x.code).sort());
    // A department user gets only the tasks its department takes part in, as in GET /tasks.
    expect(await codesIn('', s.tokens.approvalManager)).toEqual([A, C, E].map((x) => x.code).sort());
    expect(await codesIn('', s.tokens.staff)).toEqual([A, B, C, D].map((x) => x.code).sort());
    await download('format=csv&status=bogus').expect(400);
    await download('format=csv&pageSize=5').expect(400);
  });

  it('pages through the rows by key, every row once, in the list’s order', async () => {
    const office = { id: 'x', username: 'office', role: Role.Office, departmentId: null };
    const batches: string[][] = [];
    for await (const batch of t.app
      .get(TasksService)
      .stream({ planId: s.planId }, office, t.clock.now(), 2)) {
      batches.push(batch.map((task) => task.code));
    }
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    const list = await t
      .http()
      .get(`${API}/tasks?planId=${s.planId}&pageSize=200`)
      .set(auth(s.tokens.office))
      .expect(200);
    expect(batches.flat()).toEqual(list.body.items.map((task: { code: string }) => task.code));
  });

  describe('calendar feed', () => {
    let url: string;
    const issue = (token: string, department = s.justice) =>
      t.http().post(`${API}/departments/${department}/calendar-token`).set(auth(token));
    const feedPath = (u: string) => new URL(u).pathname;

    it('gives the department’s manager a secret URL and keeps only its hash', async () => {
      const res = await issue(s.tokens.manager).expect(201);
      url = res.body.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const token = feedPath(url).slice('/calendar/'.length, -'.ics'.length);
      const rows = await t.dataSource.query<{ token_hash: string }[]>(
        'SELECT token_hash FROM department_calendar_tokens WHERE department_id = $1 AND revoked_at IS NULL',
        [s.justice],
      );
      expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    });

    it('serves the open tasks’ deadlines and sign-for deadlines without a login, as iCalendar', async () => {
      // D's deadline moves: its entry keeps its UID and carries the new deadline version.
      const d = await t.http().get(`${API}/tasks/${s.tasks.D.id}`).set(auth(s.tokens.office)).expect(200);
      await t
        .http()
        .patch(`${API}/tasks/${s.tasks.D.id}`)
        .set(auth(s.tokens.office))
        .send({ version: d.body.version, dueAt: '2027-01-15T18:00:00+08:00' })
        .expect(200);

      const res = await t.http().get(feedPath(url)).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const text = res.text;
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
      expect(text).toContain('\\;'); // the title's semicolon, escaped
      const { calendar, events } = parseIcs(text);
      expect(calendar.find((p) => p.name === 'X-WR-CALNAME')?.value).toBe('区司法局·督查督办');
      const ours = new Map(
        events
          .filter((e) => Object.values(s.tasks).some((x) => e.get('UID')?.startsWith(x.id)))
          .map((e) => [e.get('UID'), e]),
      );
      // A and B are completed; E is the 审批局's alone.
      expect([...ours.keys()].sort()).toEqual(
        [
          `${s.tasks.C.id}-due@worktracker`,
          `${s.tasks.D.id}-accept@worktracker`,
          `${s.tasks.D.id}-due@worktracker`,
        ].sort(),
      );
      const c = ours.get(`${s.tasks.C.id}-due@worktracker`);
      expect(Object.fromEntries(c ?? [])).toMatchObject({
        SUMMARY: `【截止】${s.tasks.C.code} ${TRICKY_TITLE}`,
        DTSTART: '20261020T093000Z',
        DTEND: '20261020T100000Z',
        DTSTAMP: '20261110T040000Z',
        SEQUENCE: '1',
      });
      expect(c?.get('DESCRIPTION')?.split('\n')).toEqual(
        expect.arrayContaining([
          '牵头单位：区司法局',
          '配合单位：区行审局',
          '截止时间：2026-10-20 18:00（Asia/Shanghai）',
        ]),
      );
      expect(Object.fromEntries(ours.get(`${s.tasks.D.id}-due@worktracker`) ?? [])).toMatchObject({
        DTEND: '20270115T100000Z',
        SEQUENCE: '2',
      });
      // Signed for within P3D of the hand-over on 2 November, 10:00 Shanghai.
      expect(Object.fromEntries(ours.get(`${s.tasks.D.id}-accept@worktracker`) ?? [])).toMatchObject({
        SUMMARY: `【签收】${s.tasks.D.code} 待签收任务`,
        DTEND: '20261105T020000Z',
      });
    });

    it('lets only the office, admins and the department’s own manager issue one', async () => {
      await issue(s.tokens.staff).expect(403);
      await issue(s.tokens.leader).expect(403);
      await issue(s.tokens.approvalManager).expect(403);
      await issue(s.tokens.office, '00000000-0000-4000-8000-000000000000').expect(404);
      await t.http().post(`${API}/departments/${s.justice}/calendar-token`).expect(401);
      await issue(s.tokens.admin, s.approval).expect(201);
      // It takes no input: anything sent is refused, not ignored.
      await issue(s.tokens.office).send({ departmentId: s.approval }).expect(400);
      await issue(s.tokens.office).send([]).expect(400);
    });

    it('stops the old URL when a new one is issued; unknown tokens are 404', async () => {
      const fresh = (await issue(s.tokens.office).expect(201)).body.url as string;
      expect(fresh).not.toBe(url);
      const old = await t.http().get(feedPath(url)).expect(404);
      expect(old.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      await t.http().get(feedPath(fresh)).expect(200);
      await t
        .http()
        .get(`/calendar/${'x'.repeat(43)}.ics`)
        .expect(404);
      await t.http().get('/calendar/nope').expect(404);
      await t
        .http()
        .get(`${API}${feedPath(fresh)}`)
        .expect(404); // not under the API prefix
    });
  });
});
