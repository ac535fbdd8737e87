import { Client } from 'pg';
import { loadConfig } from '../../src/config/app-config';
import { preflight } from '../../src/database/preflight';
import { prepareDatabase, ServiceUnreachableError } from '../../src/database/prepare-database';
import { applyTestEnv, DEFAULT_SERVER_URL } from './test-env';

export function adminUrl(databaseUrl: string): { admin: string; name: string } {
  const url = new URL(databaseUrl);
  const name = url.pathname.replace(/^\//, '');
  url.pathname = '/postgres';
  return { admin: url.toString(), name };
}

/** Creates the run's database afresh and applies the migrations, once for the whole run. */
export default async function globalSetup(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) {
    process.env.TEST_DATABASE_URL = `${DEFAULT_SERVER_URL}/worktracker_test_${process.pid}`;
    process.env.DROP_TEST_DATABASE = '1';
  }
  applyTestEnv();
  const config = loadConfig();
  const { admin, name } = adminUrl(config.databaseUrl);
  try {
    await preflight({ ...config, databaseUrl: admin });
  } catch (error) {
    if (error instanceof ServiceUnreachableError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
  await prepareDatabase(config);
}
