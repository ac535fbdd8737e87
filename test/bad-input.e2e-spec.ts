import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import { API, createTestApp, login, resetDatabase, TestApp } from './support/app';
import { departmentId, seedDemo } from './support/fixtures';

/**
 * "Bad input never yields a 500 and leaves the database as it was."
 *
 * The routes come from the OpenAPI document, so that a new route is covered without touching this file.
 * For every operation a battery of bad requests is generated from its parameters and its body schema
 * (malformed ids and path values, malformed JSON, unknown fields, wrong types, out-of-range numbers,
 * impossible dates, unknown references, huge strings, oversized bodies, wrong content types, bad query
 * strings on reads and on writes, missing or forged credentials, undocumented methods). Every answer
 * must be a 4xx error in the contract's shape ({statusCode, error, message}); a few probes that may
 * legitimately succeed (a valid but unusual query string) need only avoid a 5xx. Nothing may be written: every table is compared, row counts and
 * contents, before and after the whole battery — save the one trace a refused login must leave (its audit
 * row and the account's failure count, see FAILED_LOGIN_TRACES).
 */

// ------------------------------------------------------------------ OpenAPI types (what we use)

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  example?: unknown;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Kind = 'enum' | 'uuid' | 'date' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** One request of the battery. */
interface Probe {
  method: Method;
  url: string;
  label: string;
  who: string;
  token: string | null;
  authorization?: string;
  body?: string;
  contentType?: string;
  /** false: may succeed (a valid but odd request); it must still not be a 5xx. */
  mustFail: boolean;
  /** When set, the status must be one of these. */
  statuses?: number[];
}

const METHODS: Method[] = ['get', 'post', 'patch', 'put', 'delete'];
/** Names ending in "Id" that are not UUIDs: a request id may come from a proxy's X-Request-Id. */
const FREE_TEXT_IDS = new Set(['requestId']);
/**
 * What a refused login writes by design (the audit trail of failed logins, the lockout counter): rows and
 * columns left out of the "nothing changed" comparison. A successful login (operation 'login') is not.
 */
const FAILED_LOGIN_TRACES = {
  auditRows: `NOT (action = 'auth.login' AND operation IN ('login_failed', 'login_failed_locked', 'login_refused_locked'))`,
  userColumns: ['failed_login_count', 'locked_until'],
};
const CONCURRENCY = 10;
const KB = 1024;
const HUGE = 'x'.repeat(100 * KB);
const TEN_KB = 'a'.repeat(10 * KB);
/** Marks a value to be written into the JSON text as is (numbers JSON.stringify cannot express). */
const raw = (text: string): string => `@@raw:${text}@@`;
const DELETE = Symbol('delete');

describe('bad input', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const tokens: Record<string, string> = {};
  /** Real ids by the collection segment that precedes `{id}` in a path. */
  const realIds: Record<string, string> = {};
  /** Values a base body takes for properties of these names (real references, the current version). */
  const hints: Record<string, Json> = {};
  /** Optional properties the base body includes (so that a base body is valid as a whole). */
  const OPTIONAL_HINTS = ['targetId', 'coDepartmentIds'];

  beforeAll(async () => {
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    const { currentPlanId } = await seedDemo(t);
    for (const user of ['office', 'justice-manager', 'justice-staff', 'admin']) {
      tokens[user] = await login(t, user);
    }
    const justice = await departmentId(t.dataSource, 'justice');
    const approval = await departmentId(t.dataSource, 'approval');

    // Open tasks of the justice bureau, latest deadline first: the first is the task the battery aims at
    // (department routes then reach their deeper checks); a pending extension request goes on another one,
    // so that a request for an extension of the first would be valid but for the one thing made bad.
    const DAY = 86_400_000;
    const open = await t.dataSource.query<{ id: string; version: number; due_at: Date }[]>(
      `SELECT id, version, due_at FROM tasks
        WHERE lead_department_id = $1 AND plan_id = $2 AND status IN ('accepted', 'in_progress', 'returned')
        ORDER BY due_at DESC`,
      [justice, currentPlanId],
    );
    const task = open[0];
    if (!task) throw new Error('the seed has no open task of the justice bureau');
    const extended = open.find((x, i) => i > 0 && x.due_at.getTime() > Date.now() + DAY) ?? task;
    if (extended.due_at.getTime() > Date.now() + DAY) {
      const ext = await t
        .http()
        .post(`${API}/tasks/${extended.id}/extensions`)
        .set('Authorization', `Bearer ${tokens['justice-manager']}`)
        .send({
          requestedDueAt: new Date(extended.due_at.getTime() + 60 * DAY).toISOString(),
          reason: '需等待上级文件',
        })
        .expect(201);
      realIds.extensions = ext.body.id;
    }
    const tree = await t
      .http()
      .get(`${API}/plans/${currentPlanId}/tree`)
      .set('Authorization', `Bearer ${tokens.office}`)
      .expect(200);
    const responsibility = tree.body.responsibilities[0];
    const target = responsibility.targets.find((x: { indicators: unknown[] }) => x.indicators.length > 0);
    const [report] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM progress_reports WHERE review_status = 'pending' ORDER BY created_at LIMIT 1`,
    );

    Object.assign(realIds, {
      plans: currentPlanId,
      tasks: task.id,
      responsibilities: responsibility.id,
      targets: target.id,
      indicators: target.indicators[0].id,
      departments: justice,
      ...(report ? { 'progress-reports': report.id } : {}),
    });
    Object.assign(hints, {
      targetId: target.id,
      leadDepartmentId: justice,
      coDepartmentIds: [approval],
      indicatorId: target.indicators[0].id,
      version: task.version,
      requestedDueAt: new Date(task.due_at.getTime() + 30 * DAY).toISOString(),
      password: 'test-password-123',
    });

    const res = await t.http().get('/api/docs-json').expect(200);
    doc = res.body as OpenApiDocument;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  // ------------------------------------------------------------------ schema helpers

  function resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop() as string]);
    if (schema.allOf?.length === 1) {
      const { allOf, ...rest } = schema;
      const inner = resolve(allOf[0]);
      // `page` and `pageSize` come out as allOf(Object) with bounds: the bounds are what describes them.
      return inner.properties && Object.keys(inner.properties).length === 0 ? rest : { ...inner, ...rest };
    }
    return schema;
  }

  function kindOf(name: string, schema: Schema): Kind {
    if (schema.enum) return 'enum';
    if (schema.type === 'array') return 'array';
    if (
      schema.format === 'uuid' ||
      (schema.type === 'string' && /Id$/.test(name) && !FREE_TEXT_IDS.has(name))
    )
      return 'uuid';
    if (schema.format === 'date-time' || schema.format === 'date') return 'date';
    if (schema.type === 'boolean') return 'boolean';
    if (
      schema.type === 'number' ||
      schema.type === 'integer' ||
      schema.minimum !== undefined ||
      schema.maximum !== undefined
    )
      return 'number';
    if (schema.type === 'string') return 'string';
    return 'object';
  }

  const singular = (name: string): string => name.replace(/s$/, '');

  /** Names whose values must be unique: the examples are taken already, by the seed. */
  const UNIQUE_NAMES = ['code', 'title', 'name'];

  function baseValue(name: string, schema: Schema): Json {
    if (hints[name] !== undefined) return hints[name];
    if (typeof schema.example === 'string' && UNIQUE_NAMES.includes(name)) return `${schema.example}-zz`;
    if (schema.example !== undefined) return schema.example as Json;
    const kind = kindOf(name, schema);
    switch (kind) {
      case 'enum':
        return schema.enum?.[0] as Json;
      case 'uuid':
        return randomUUID();
      case 'date':
        return '2026-03-01T09:00:00+08:00';
      case 'boolean':
        return true;
      case 'number':
        return schema.minimum ?? 1;
      case 'string':
        return 'x';
      case 'array':
        return [];
      case 'object':
        return baseObject(schema);
    }
  }

  /** The required properties with plausible values; at the top level, with real references too. */
  function baseObject(schema: Schema, top = false): JsonObject {
    const s = resolve(schema);
    const out: JsonObject = {};
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const required = (s.required ?? []).includes(name);
      if (required || (top && OPTIONAL_HINTS.includes(name))) out[name] = baseValue(name, resolve(prop));
    }
    return out;
  }

  interface Field {
    path: (string | number)[];
    name: string;
    schema: Schema;
    kind: Kind;
    required: boolean;
    /** An element of an array (path ends in 0). */
    item: boolean;
  }

  function fieldsOf(schema: Schema, prefix: (string | number)[] = []): Field[] {
    const s = resolve(schema);
    const out: Field[] = [];
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const p = resolve(prop);
      const kind = kindOf(name, p);
      const path = [...prefix, name];
      out.push({ path, name, schema: p, kind, required: (s.required ?? []).includes(name), item: false });
      if (kind === 'object' && p.properties) out.push(...fieldsOf(p, path));
      if (kind === 'array' && p.items) {
        const item = resolve(p.items);
        const itemKind = kindOf(singular(name), item);
        const itemPath = [...path, 0];
        out.push({
          path: itemPath,
          name: singular(name),
          schema: item,
          kind: itemKind,
          required: false,
          item: true,
        });
        if (itemKind === 'object' && item.properties) out.push(...fieldsOf(item, itemPath));
      }
    }
    return out;
  }

  /** The base body with the value at `path` replaced (or deleted), creating what lies on the way. */
  function withValue(
    base: JsonObject,
    root: Schema,
    path: (string | number)[],
    value: Json | typeof DELETE,
  ): Json {
    const body = structuredClone(base);
    let node: Json = body;
    let schema = resolve(root);
    for (let i = 0; i < path.length - 1; i += 1) {
      const key = path[i];
      const container = node as Record<string | number, Json>;
      const child = resolve(typeof key === 'number' ? schema.items : schema.properties?.[key]);
      if (container[key] === undefined || container[key] === null) {
        container[key] =
          child.type === 'array'
            ? [baseValue(singular(String(key)), resolve(child.items))]
            : baseObject(child);
      }
      const existing = container[key];
      if (Array.isArray(existing) && existing.length === 0) {
        existing.push(baseValue(singular(String(key)), resolve(child.items)));
      }
      node = container[key];
      schema = child;
    }
    const last = path[path.length - 1];
    const container = node as Record<string | number, Json>;
    if (value === DELETE) delete container[last];
    else container[last] = value;
    return body;
  }

  /** JSON text, with raw markers replaced by their text. */
  const jsonText = (value: Json): string =>
    JSON.stringify(value).replace(/"@@raw:(.*?)@@"/g, (_m, text: string) => text);

  // ------------------------------------------------------------------ generators

  interface Case {
    label: string;
    value: Json | typeof DELETE;
    /** The one status that fits, when the contract leaves no choice (a malformed value is a 400). */
    status?: number;
  }

  const malformed = (cases: Case[]): Case[] => cases.map((c) => ({ ...c, status: 400 }));

  function wrongTypes(field: Field): Case[] {
    return malformed(wrongTypesOf(field));
  }

  function wrongTypesOf(field: Field): Case[] {
    const nullCase: Case[] = field.required || field.item ? [{ label: 'null', value: null }] : [];
    const missing: Case[] = field.required ? [{ label: 'missing', value: DELETE }] : [];
    const common = [...nullCase, ...missing];
    switch (field.kind) {
      case 'string':
      case 'enum':
      case 'uuid':
      case 'date':
        return [
          ...common,
          { label: 'number', value: 12345 },
          { label: 'boolean', value: true },
          { label: 'object', value: { a: 'x' } },
          { label: 'array', value: ['x'] },
        ];
      case 'number':
        return [
          ...common,
          { label: 'numeric string', value: '12' },
          { label: 'string', value: 'abc' },
          { label: 'boolean', value: true },
          { label: 'object', value: { a: 1 } },
          { label: 'array', value: [1] },
        ];
      case 'boolean':
        return [
          ...common,
          { label: 'string', value: 'true' },
          { label: 'number', value: 1 },
          { label: 'object', value: {} },
        ];
      case 'array':
        return [
          ...common,
          { label: 'string', value: 'x' },
          { label: 'number', value: 1 },
          { label: 'object', value: {} },
          { label: 'boolean', value: true },
        ];
      case 'object':
        return [
          ...common,
          { label: 'string', value: 'x' },
          { label: 'array', value: [] },
          { label: 'array of objects', value: [{}] },
          { label: 'boolean', value: true },
          // A number is a plausible value for an untyped property (a nullable number comes out as object).
          ...(field.schema.properties ? [{ label: 'number', value: 1 }] : []),
        ];
    }
  }

  function badValues(field: Field, siblings: Record<string, Schema>): Case[] {
    const s = field.schema;
    switch (field.kind) {
      case 'string':
        return [
          ...malformed([
            { label: '100 kB string', value: HUGE },
            ...(field.required ? [{ label: 'empty string', value: '' }] : []),
          ]),
          // Refused by the validation or by PostgreSQL; a step that is not allowed may answer first.
          { label: 'NUL byte', value: 'a\u0000b' },
        ];
      case 'enum':
        return malformed([
          { label: 'unknown enum value', value: 'nonsense' },
          { label: 'enum value in upper case', value: String(s.enum?.[0]).toUpperCase() },
          { label: 'empty string', value: '' },
          { label: '100 kB string', value: HUGE },
        ]);
      case 'uuid':
        return [
          ...malformed([
            { label: 'malformed uuid', value: 'abc' },
            { label: 'SQL in uuid', value: "' OR 1=1 --" },
            { label: 'uuid with trailing text', value: `${randomUUID()}x` },
            { label: '100 kB string', value: HUGE },
          ]),
          // Well-formed references to nothing: 404 or 422.
          { label: 'unknown uuid', value: randomUUID() },
          { label: 'nil uuid', value: '00000000-0000-0000-0000-000000000000' },
        ];
      case 'date': {
        const cases: Case[] = malformed([
          { label: 'month 13', value: '2026-13-45' },
          { label: 'word', value: 'yesterday' },
          { label: 'Feb 30 at 25:00', value: '2026-02-30T25:00:00+08:00' },
          { label: 'Feb 30', value: '2026-02-30T10:00:00+08:00' },
          { label: 'April 31 (date only)', value: '2026-04-31' },
          { label: 'no offset', value: '2026-01-01T00:00:00' },
          { label: 'offset +25:00', value: '2026-01-01T00:00:00+25:00' },
          { label: 'year 1999', value: '1999-12-31T23:59:59Z' },
          { label: 'year 2100+', value: '2100-01-01T00:00:01Z' },
          { label: 'year 275760', value: '+275760-09-13T00:00:00Z' },
          { label: 'empty string', value: '' },
          { label: '100 kB string', value: HUGE },
        ]);
        // A deadline far in the past, where nothing starts it (an extension's new deadline).
        if (/dueAt$/i.test(field.name) && !siblings.startAt) {
          cases.push({ label: 'deadline in the past', value: '2001-01-01T00:00:00Z' });
        }
        return cases;
      }
      case 'number': {
        const cases: Case[] = [
          { label: '1e15', value: 1e15 },
          { label: '-1e15', value: -1e15 },
          { label: '1e309 as JSON text', value: raw('1e309') },
          { label: '-1e309 as JSON text', value: raw('-1e309') },
          { label: '"NaN"', value: 'NaN' },
          { label: '"Infinity"', value: 'Infinity' },
          { label: '"1e309"', value: '1e309' },
          { label: 'NaN as JSON text', value: raw('NaN') },
        ];
        if (s.minimum !== undefined)
          cases.push({ label: `below minimum ${s.minimum}`, value: s.minimum - 1 });
        if (s.maximum !== undefined)
          cases.push({ label: `above maximum ${s.maximum}`, value: s.maximum + 1 });
        return cases;
      }
      case 'array': {
        const item = resolve(s.items);
        const one = baseValue(singular(field.name), item);
        const cases: Case[] = malformed([
          { label: '1000 elements', value: Array.from({ length: 1000 }, () => one) },
        ]);
        if (kindOf(singular(field.name), item) === 'object') {
          cases.push({ label: 'the same element twice', value: [one, one] });
        }
        return cases;
      }
      case 'boolean':
      case 'object':
        return [];
    }
  }

  /** Cases that concern two properties together. */
  function pairCases(schema: Schema): { label: string; patch: JsonObject }[] {
    const props = resolve(schema).properties ?? {};
    const cases: { label: string; patch: JsonObject }[] = [];
    if (props.startAt && props.dueAt) {
      cases.push(
        {
          label: 'dueAt before startAt',
          patch: { startAt: '2026-06-30T00:00:00+08:00', dueAt: '2026-01-01T00:00:00+08:00' },
        },
        {
          label: 'dueAt equal to startAt',
          patch: { startAt: '2026-06-30T00:00:00+08:00', dueAt: '2026-06-30T00:00:00+08:00' },
        },
      );
    }
    if (props.leadDepartmentId && props.coDepartmentIds) {
      cases.push(
        {
          label: 'lead department also a co-organizer',
          patch: { leadDepartmentId: hints.leadDepartmentId, coDepartmentIds: [hints.leadDepartmentId] },
        },
        {
          label: 'unknown lead and co departments',
          patch: { leadDepartmentId: randomUUID(), coDepartmentIds: [randomUUID(), randomUUID()] },
        },
      );
    }
    return cases;
  }

  // ------------------------------------------------------------------ the battery

  interface Op {
    method: Method;
    path: string;
    op: Operation;
  }

  const operations = (): Op[] =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => (METHODS as string[]).includes(method))
        .map(([method, op]) => ({ method: method as Method, path, op })),
    );

  const collectionOf = (path: string): string | undefined => /\/([^/]+)\/\{id\}/.exec(path)?.[1];
  const urlWithId = (path: string, id: string): string => path.replace('{id}', id);
  /** Required query parameters (e.g. planId) with real values, so that a path probe reaches the id check. */
  const requiredQuery = (o: Op): string => {
    const pairs = (o.op.parameters ?? [])
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => `${p.name}=${p.name === 'planId' ? realIds.plans : randomUUID()}`);
    return pairs.length ? `?${pairs.join('&')}` : '';
  };

  function bodySchemaOf(op: Operation): Schema | undefined {
    return op.requestBody?.content?.['application/json']?.schema;
  }

  /** Sends a request; resolves to the response or to the transport error. */
  async function send(p: Probe): Promise<Response | Error> {
    const agent = t.http();
    let req = agent[p.method](p.url);
    if (p.authorization !== undefined) req = req.set('Authorization', p.authorization);
    else if (p.token) req = req.set('Authorization', `Bearer ${p.token}`);
    if (p.body !== undefined) {
      req = req.set('Content-Type', p.contentType ?? 'application/json').send(p.body);
    }
    try {
      return await req;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  function problemWith(p: Probe, res: Response | Error): string | null {
    if (res instanceof Error) return `no answer: ${res.message}`;
    const { status } = res;
    if (status >= 500) return 'server error';
    if (p.statuses && !p.statuses.includes(status)) return `expected ${p.statuses.join('/')}`;
    if (p.mustFail && (status < 400 || status >= 500)) return 'expected a 4xx';
    if (status >= 400) {
      const body = res.body as { statusCode?: unknown; error?: unknown; message?: unknown };
      if (typeof body !== 'object' || body === null) return 'error body is not JSON';
      if (body.statusCode !== status) return 'statusCode differs from the HTTP status';
      if (typeof body.error !== 'string' || body.error === '') return 'error is not a non-empty string';
      if (typeof body.message !== 'string' || body.message.trim() === '')
        return 'message is not a non-empty string';
    }
    return null;
  }

  const short = (text: string, max = 160): string =>
    text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

  /** Every request sent, checked; what went wrong is collected in `failures`. */
  let sent = 0;
  const failures: string[] = [];

  async function check(p: Probe): Promise<Response | Error> {
    const res = await send(p);
    sent += 1;
    const problem = problemWith(p, res);
    if (problem) {
      const status = res instanceof Error ? 'no status' : String(res.status);
      const body = res instanceof Error ? '' : short(JSON.stringify(res.body ?? res.text), 400);
      failures.push(
        `${p.method.toUpperCase()} ${short(p.url, 120)} [${p.label}] as ${p.who}: ${problem}; got ${status} ${body}`,
      );
    }
    return res;
  }

  async function run(probes: Probe[]): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < probes.length) {
        const p = probes[next];
        next += 1;
        await check(p);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  /** Every table's rows, as text (failed-login traces left out). */
  async function snapshot(): Promise<Record<string, string[]>> {
    const tables = await t.dataSource.query<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
    );
    const out: Record<string, string[]> = {};
    for (const { tablename } of tables) {
      const where = tablename === 'audit_log' ? `WHERE ${FAILED_LOGIN_TRACES.auditRows}` : '';
      const row =
        tablename === 'users'
          ? `to_jsonb(x) ${FAILED_LOGIN_TRACES.userColumns.map((c) => `- '${c}'`).join(' ')}`
          : 'to_jsonb(x)';
      const rows = await t.dataSource.query<{ r: string }[]>(
        `SELECT (${row})::text AS r FROM "${tablename}" x ${where} ORDER BY 1`,
      );
      out[tablename] = rows.map((x) => x.r);
    }
    return out;
  }

  /** What differs in a table between two snapshots: a count and a few rows, for the failure message. */
  function difference(table: string, before: string[], after: string[]): string | null {
    const was = new Set(before);
    const is = new Set(after);
    const added = after.filter((r) => !was.has(r));
    const removed = before.filter((r) => !is.has(r));
    if (added.length === 0 && removed.length === 0 && before.length === after.length) return null;
    const sample = (rows: string[]) => rows.slice(0, 3).map((r) => short(r, 400));
    return (
      `table ${table}: ${before.length} rows before, ${after.length} after; ` +
      `new or changed: ${JSON.stringify(sample(added))}; gone or changed: ${JSON.stringify(sample(removed))}`
    );
  }

  /** The first of the candidate users that the route does not turn away with 403. */
  async function whoMayCall(o: Op, url: string): Promise<string> {
    if (!o.op.security?.length) return 'office';
    // A write that reads neither a body nor an id (read-all) would simply succeed: nothing to probe with.
    if (o.method !== 'get' && !o.op.requestBody && !collectionOf(o.path)) return 'office';
    for (const who of ['office', 'justice-manager', 'justice-staff', 'admin']) {
      const res = await check({
        method: o.method,
        url: o.method === 'get' ? `${url}${requiredQuery(o)}` : url,
        label: 'role probe',
        who,
        token: tokens[who],
        ...(o.method === 'get' ? {} : { body: JSON.stringify({ roleProbeUnknownField: 1 }) }),
        // A route that reads no body (e.g. read-all) has nothing to refuse the unknown field with.
        mustFail: o.method !== 'get' && Boolean(o.op.requestBody),
      });
      if (res instanceof Error || res.status !== 403) return who;
    }
    return 'office';
  }

  /** Path parameters other than `{id}` (e.g. the calendar feed's `{file}`): any 4xx, never a 5xx. */
  function otherParamProbes(o: Op, who: string): Probe[] {
    const param = /\{(?!id\})([^}]+)\}/.exec(o.path)?.[0];
    if (!param) return [];
    return [
      ['x', 'short value'],
      [`${randomUUID()}.ics`, 'unknown value'],
      ['%00', 'NUL'],
      ['%2e%2e%2f%2e%2e%2fhealth', 'path traversal'],
      [encodeURIComponent("' OR 1=1 --"), 'SQL'],
      [TEN_KB, '10 kB'],
      ['%E2%80%AE.ics', 'right-to-left override'],
      ['%', 'lone percent sign'],
    ].map(([value, label]) => ({
      method: o.method,
      url: o.path.replace(param, value),
      label: `${param} ${label}`,
      who,
      token: o.op.security?.length ? tokens[who] : null,
      mustFail: true,
    }));
  }

  function pathProbes(o: Op, who: string, base: JsonObject | undefined): Probe[] {
    const collection = collectionOf(o.path);
    if (!collection) return otherParamProbes(o, who);
    const otherKind = collection === 'plans' ? realIds.tasks : realIds.plans;
    const ids: [string, string, number][] = [
      ['abc', 'id abc', 400],
      ['1', 'id 1', 400],
      [encodeURIComponent("' OR 1=1 --"), 'SQL in id', 400],
      [TEN_KB, '10 kB id', 400],
      ['%00', 'NUL id', 400],
      ['%2e%2e%2f%2e%2e%2fhealth', 'path traversal id', 400],
      [`${randomUUID()}x`, 'uuid with trailing text', 400],
      [randomUUID(), 'unknown uuid', 404],
      [otherKind, 'id of another kind', 404],
    ];
    return ids.map(([id, label, status]) => ({
      method: o.method,
      url: `${urlWithId(o.path, id)}${requiredQuery(o)}`,
      label,
      who,
      token: tokens[who],
      ...(base ? { body: jsonText(base) } : {}),
      mustFail: true,
      statuses: [status],
    }));
  }

  function authProbes(o: Op, url: string, base: JsonObject | undefined): Probe[] {
    if (!o.op.security?.length) return [];
    const jwt = t.app.get(JwtService);
    const forged = [
      ['no token', undefined],
      ['garbage token', 'Bearer garbage'],
      ['basic auth', 'Basic b2ZmaWNlOnRlc3QtcGFzc3dvcmQtMTIz'],
      ['10 kB token', `Bearer ${TEN_KB}`],
      ['alg none token', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6Im9mZmljZSJ9.'],
      ['token of an unknown user', `Bearer ${jwt.sign({ sub: randomUUID(), role: 'office' })}`],
    ] as const;
    return forged.map(([label, authorization]) => ({
      method: o.method,
      url,
      label,
      who: 'nobody',
      token: null,
      authorization: authorization ?? '',
      ...(base ? { body: jsonText(base) } : {}),
      mustFail: true,
      statuses: [401],
    }));
  }

  function bodyProbes(o: Op, url: string, who: string, schema: Schema, base: JsonObject): Probe[] {
    const probes: Probe[] = [];
    const add = (label: string, body: string, extra: Partial<Probe> = {}): void => {
      probes.push({ method: o.method, url, label, who, token: tokens[who], body, mustFail: true, ...extra });
    };
    const baseText = jsonText(base);
    const rest = baseText === '{}' ? '}' : `,${baseText.slice(1)}`;

    for (const [label, text] of [
      ['truncated JSON', baseText.slice(0, Math.max(1, baseText.length - 3))],
      ['unterminated object', '{"a":'],
      ['empty array', '[]'],
      ['array of the body', `[${baseText}]`],
      ['string', '"x"'],
      ['null', 'null'],
      ['number', '42'],
      ['true', 'true'],
      ['trailing comma', '{"a":1,}'],
      ['single quotes', "{'a':1}"],
      ['NUL byte', '\u0000'],
      ['nested 50 000 levels deep', `{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`],
      ['__proto__ key', `{"__proto__":{"isAdmin":true}${rest}`],
      ['constructor.prototype key', `{"constructor":{"prototype":{"isAdmin":true}}${rest}`],
    ] as const) {
      add(`malformed body: ${label}`, text, { statuses: [400] });
    }

    const props = resolve(schema).properties ?? {};
    for (const name of ['unknownField', 'id', 'createdAt', 'status', 'version', 'role', 'planId']) {
      if (props[name]) continue;
      add(`unknown field ${name}`, jsonText({ ...base, [name]: name === 'id' ? randomUUID() : 'x' }), {
        statuses: [400],
      });
    }

    for (const field of fieldsOf(schema)) {
      const where = field.path.join('.');
      for (const c of [...wrongTypes(field), ...badValues(field, props)]) {
        add(
          `${where}: ${c.label}`,
          jsonText(withValue(base, schema, field.path, c.value)),
          c.status ? { statuses: [c.status] } : {},
        );
      }
    }
    for (const c of pairCases(schema)) add(c.label, jsonText({ ...base, ...c.patch }));

    const firstString =
      Object.entries(props).find(([n, p]) => kindOf(n, resolve(p)) === 'string')?.[0] ?? 'x';
    add('1 MB JSON body', jsonText({ ...base, [firstString]: 'x'.repeat(KB * KB) }), { statuses: [413] });
    add('just over the limit', jsonText({ ...base, [firstString]: 'x'.repeat(257 * KB) }), {
      statuses: [413],
    });
    add('1 MB form body', `${firstString}=${'x'.repeat(KB * KB)}`, {
      contentType: 'application/x-www-form-urlencoded',
      statuses: [413],
    });
    add('form body with an unknown field', 'unknownField=1', {
      contentType: 'application/x-www-form-urlencoded',
      statuses: [400],
    });
    for (const [contentType, body] of [
      ['text/plain', baseText],
      ['application/xml', '<?xml version="1.0"?><body/>'],
      ['application/octet-stream', baseText],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
      ],
      ['application/json; charset=latin1', baseText],
    ] as const) {
      add(`content type ${contentType}`, body, { contentType, statuses: [415] });
    }
    // Declared as UTF-16 but sent as UTF-8: unreadable, hence malformed.
    add('JSON labelled UTF-16', baseText, {
      contentType: 'application/json; charset=utf-16',
      statuses: [400],
    });
    return probes;
  }

  function queryProbes(o: Op, url: string, who: string): Probe[] {
    const params = (o.op.parameters ?? []).filter((p) => p.in === 'query');
    const probes: Probe[] = [];
    const add = (label: string, query: string, mustFail: boolean): void => {
      probes.push({ method: o.method, url: `${url}?${query}`, label, who, token: tokens[who], mustFail });
    };
    if (params.length === 0) {
      add('query on a route without one', `pageSize=abc&unknown=%00&q=${TEN_KB}`, false);
      return probes;
    }
    const enc = encodeURIComponent;
    for (const param of params) {
      const s = resolve(param.schema);
      const kind = kindOf(param.name, s);
      const n = param.name;
      const bad: [string, boolean][] = [[TEN_KB, kind !== 'string']];
      let good = 'a';
      switch (kind) {
        case 'number': {
          good = String(s.minimum ?? 1);
          bad.push(
            ['abc', true],
            ['NaN', true],
            ['Infinity', true],
            ['1e309', true],
            ['9'.repeat(400), true],
            ['1.5', false],
            ['0x10', false],
            ['', (s.minimum ?? 0) > 0],
            ['0', (s.minimum ?? 0) > 0],
            ['-1', (s.minimum ?? -1) > -1],
          );
          if (s.maximum !== undefined) bad.push([String(s.maximum + 1), true]);
          break;
        }
        case 'enum':
          good = String(s.enum?.[0]);
          bad.push(
            ['nonsense', true],
            ['purple', true],
            ['', true],
            [good.toUpperCase(), true],
            ['%00', true],
          );
          break;
        case 'boolean':
          good = 'true';
          bad.push(['maybe', true], ['', true], ['1', false], ['yes', false], ['TRUE', false]);
          break;
        case 'uuid':
          good = randomUUID();
          bad.push(
            ['notauuid', true],
            [enc("' OR 1=1 --"), true],
            ['%00', true],
            [`${randomUUID()}x`, true],
            [randomUUID(), false],
          );
          break;
        case 'date':
          good = '2026-01-01T00:00:00Z';
          bad.push(
            ['notadate', true],
            ['2026-13-45', true],
            ['yesterday', true],
            [enc('2026-02-30T25:00:00+08:00'), true],
            [enc('2026-02-30T10:00:00+08:00'), true],
            ['2026-04-31', true],
            ['', true],
          );
          break;
        case 'string':
        case 'array':
        case 'object':
          bad.push(
            ['%00', false],
            ['%25', false],
            ['_', false],
            ['%5C', false],
            [enc("' OR 1=1 --"), false],
            ['%', false],
            ['%ZZ', false],
            ['%C0%AF', false],
            ['%E2%80%AE', false],
            ['%F0%9F%92%A9', false],
          );
          break;
      }
      for (const [value, mustFail] of bad) add(`${n}=${short(value, 24)}`, `${n}=${value}`, mustFail);
      const second = bad.find(([, mustFail]) => mustFail)?.[0];
      if (second !== undefined && kind !== 'string') {
        add(`${n} repeated with bad values`, `${n}=${second}&${n}=a`, true);
      }
      add(`${n} repeated with good values`, `${n}=${good}&${n}=${good}`, false);
    }
    add('unknown query parameter', 'unknownParam=1', true);
    add('bracketed parameter', `${params[0].name}[]=1`, true);
    add('nested bracketed parameter', `${params[0].name}[a][b]=1`, true);
    add('__proto__ parameter', '__proto__=x', true);
    add('constructor parameter', 'constructor=x', true);
    add('hasOwnProperty parameter', 'hasOwnProperty=x', true);
    return probes;
  }

  function methodProbes(path: string, documented: string[]): Probe[] {
    const url = collectionOf(path)
      ? urlWithId(path, realIds[collectionOf(path) as string] ?? randomUUID())
      : path;
    return METHODS.filter((m) => !documented.includes(m)).map((method) => ({
      method,
      url,
      label: 'undocumented method',
      who: 'office',
      token: tokens.office,
      ...(method === 'get' ? {} : { body: '{}' }),
      mustFail: true,
    }));
  }

  it('answers every bad request with a 4xx in the contract’s shape and writes nothing', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(20);
    const before = await snapshot();
    const probes: Probe[] = [];
    const started = Date.now();

    for (const o of ops) {
      const collection = collectionOf(o.path);
      const realId = collection ? (realIds[collection] ?? randomUUID()) : undefined;
      const url = realId ? urlWithId(o.path, realId) : o.path;
      const who = await whoMayCall(o, url);
      const schema = bodySchemaOf(o.op);
      const base = schema ? baseObject(schema, true) : undefined;

      probes.push(...pathProbes(o, who, base), ...authProbes(o, url, base));
      if (schema && base) probes.push(...bodyProbes(o, url, who, schema, base));
      if (o.method === 'get') {
        probes.push(...queryProbes(o, url, who));
        // Department users see a narrower world; their queries take another path through the code.
        if (o.op.security?.length) probes.push(...queryProbes(o, url, 'justice-staff'));
      } else {
        // A write's query string is read by nothing; odd keys must not reach the handler or break the
        // parser. The body is cut short, so that nothing could be written either way.
        for (const [label, query] of [
          ['prototype keys', '__proto__[x]=1&constructor[prototype][x]=1'],
          ['nested brackets and junk', `a[b][c][d]=1&pageSize=abc&q=%00&x=${TEN_KB}`],
        ] as const) {
          probes.push({
            method: o.method,
            url: `${url}?${query}`,
            label: `query on a write: ${label}`,
            who,
            token: o.op.security?.length ? tokens[who] : null,
            body: '{"a":',
            mustFail: true,
          });
        }
      }
    }
    for (const [path, ops2] of Object.entries(doc.paths))
      probes.push(...methodProbes(path, Object.keys(ops2)));

    await run(probes);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);

    const after = await snapshot();
    for (const table of Object.keys(before)) {
      const changed = difference(table, before[table], after[table] ?? []);
      if (changed) failures.push(changed);
    }

    console.log(
      `fuzz: ${sent} requests over ${ops.length} operations (${Object.keys(before).length} tables compared) ` +
        `in ${seconds} s, ${failures.length ? `${failures.length} failures` : 'no 5xx, no changed row'}`,
    );
    expect(failures.sort().join('\n')).toBe('');
  }, 180_000);
});
