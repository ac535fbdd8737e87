import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { loadEnvFile } from '../src/config/env-file';
import { databaseOptions } from '../src/database/database-options';
import { ensureDatabaseExists } from '../src/database/prepare-database';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * Applies every migration to a fresh scratch database and asks TypeORM what the entities still need.
 * An empty diff means the entities and the migrations agree.
 */
export async function schemaDiff(): Promise<SchemaDiff> {
  loadEnvFile();
  const config = loadConfig();
  const scratch = new URL(config.databaseUrl);
  const name = `worktracker_schema_check_${process.pid}`;
  scratch.pathname = `/${name}`;
  await ensureDatabaseExists(scratch.toString());
  const dataSource = new DataSource({ ...databaseOptions({ ...config, databaseUrl: scratch.toString() }) });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((q) => q.query),
      down: sql.downQueries.map((q) => q.query),
    };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    const admin = new URL(config.databaseUrl);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
}
