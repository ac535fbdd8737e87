import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { Clock } from '../../src/common/time/clock';
import { WorkerModule } from '../../src/worker/worker.module';
import { applyTestEnv } from './test-env';

// The app reads its configuration when its modules are instantiated, after this has run.
applyTestEnv();

export const API = '/api/v1';

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  clock: Clock;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/**
 * Audit completeness: every write answered with a 2xx in any suite must have left at least one audit row
 * with its request id. Checked as each response finishes (before a suite can empty the tables) and
 * reported when the app closes.
 */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const pendingAuditChecks = new Set<Promise<void>>();

function watchAudit(app: INestApplication, dataSource: () => DataSource, missing: string[]): void {
  (app as NestExpressApplication).use((req: Request, res: Response, next: NextFunction) => {
    res.on('finish', () => {
      if (READS.has(req.method) || res.statusCode >= 300 || req.originalUrl.startsWith('/admin/queues'))
        return;
      const id = res.getHeader('x-request-id');
      const check = dataSource()
        .query<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1', [id])
        .then(([{ n }]) => {
          if (n === 0)
            missing.push(`${req.method} ${req.originalUrl} → ${res.statusCode} (request ${String(id)})`);
        })
        .catch(() => undefined)
        .finally(() => pendingAuditChecks.delete(check));
      pendingAuditChecks.add(check);
    });
    next();
  });
}

export interface TestAppOptions {
  /** Also run the worker role (the Bull consumers and the sweep) in this process, as `--role=all` does. */
  worker?: boolean;
  /** Skip the audit-completeness check (only for suites that stop PostgreSQL under the app). */
  skipAuditCheck?: boolean;
  /** Environment for this app only (e.g. SMTP_URL, DELIVERY_BACKOFF), set while its configuration is read. */
  env?: Record<string, string>;
}

/** The real AppModule over the run's database, configured as main.ts configures it. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const saved = Object.fromEntries(Object.keys(options.env ?? {}).map((k) => [k, process.env[k]]));
  Object.assign(process.env, options.env);
  let app: INestApplication;
  const db: { dataSource?: DataSource } = {};
  const unaudited: string[] = [];
  try {
    const moduleRef = await Test.createTestingModule({
      imports: options.worker ? [AppModule, WorkerModule] : [AppModule],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: ['error'],
    });
    if (!options.skipAuditCheck) watchAudit(app, () => db.dataSource as DataSource, unaudited);
    configureApp(app);
    await app.init();
  } finally {
    // The configuration was read when the modules were instantiated; later apps get the file's own.
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  const dataSource = app.get<DataSource>(getDataSourceToken());
  db.dataSource = dataSource;
  return {
    app,
    dataSource,
    clock: app.get(Clock),
    http: () => request(app.getHttpServer()),
    close: async () => {
      await Promise.all([...pendingAuditChecks]);
      await app.close();
      if (unaudited.length > 0) {
        throw new Error(`writes that left no audit row:\n  ${unaudited.join('\n  ')}`);
      }
    },
  };
}

/** Empties every table but the migrations' record, so that each suite starts from nothing. */
export async function resetDatabase(dataSource: DataSource): Promise<void> {
  await Promise.all([...pendingAuditChecks]);
  const tables = await dataSource.query<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
  );
  await dataSource.query(
    `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`,
  );
}

/** Row counts of every table: a write that failed must leave these as they were. */
export async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables = await dataSource.query<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [{ n }] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${tablename}"`);
    counts[tablename] = n;
  }
  return counts;
}

export async function login(t: TestApp, username: string, password = 'test-password-123'): Promise<string> {
  const res = await t.http().post(`${API}/auth/login`).send({ username, password });
  if (res.status !== 200)
    throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { accessToken: string }).accessToken;
}
