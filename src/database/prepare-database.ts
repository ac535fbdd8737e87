import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

export class ServiceUnreachableError extends Error {}

const CONNECT_TIMEOUT_MS = 5000;

function describe(url: string): { host: string; port: string; database: string } {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port || '5432',
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  };
}

function unreachable(url: string, cause: unknown): ServiceUnreachableError {
  const { host, port } = describe(url);
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ServiceUnreachableError(
    `Cannot reach PostgreSQL at ${host}:${port} (${reason}).\n` +
      `  Start it with \`docker compose up -d postgres\`, or \`sudo service postgresql start\` ` +
      `(Debian: \`pg_ctlcluster 15 main start\`), or set DATABASE_URL.`,
  );
}

/** Creates the database named in the URL when it does not exist (connecting to `postgres` to do so). */
export async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const { database } = describe(databaseUrl);
  if (!/^[A-Za-z0-9_-]+$/.test(database)) {
    throw new Error(`DATABASE_URL names an unusable database "${database}"`);
  }
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const client = new Client({
    connectionString: adminUrl.toString(),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await client.connect();
  } catch (error) {
    throw unreachable(databaseUrl, error);
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}

/** Creates the database when needed and applies pending migrations. Safe to run from several processes. */
export async function prepareDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'>,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  await ensureDatabaseExists(config.databaseUrl);
  const dataSource = new DataSource({ ...databaseOptions(config), extra: { max: 2 } });
  await dataSource.initialize();
  try {
    // One process migrates at a time; the others wait and then find nothing pending.
    await dataSource.query('SELECT pg_advisory_lock(hashtext($1))', ['worktracker:migrations']);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) log(`applied migration ${migration.name}`);
  } finally {
    await dataSource.destroy();
  }
}
