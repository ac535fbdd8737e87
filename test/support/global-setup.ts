import { Client } from 'pg';
import { loadConfig } from '../../src/config/app-config';
import { preflight } from '../../src/database/preflight';
import { prepareDatabase, ServiceUnreachableError } from '../../src/database/prepare-database';
import { applyTestEnv, TEST_DATABASE_URL } from './test-env';

/** Creates the run's database afresh and applies the migrations, once for the whole run. */
export default async function globalSetup(): Promise<void> {
  applyTestEnv();
  const config = loadConfig();
  const admin = new URL(TEST_DATABASE_URL);
  const name = admin.pathname.replace(/^\//, '');
  admin.pathname = '/postgres';
  try {
    await preflight({ ...config, databaseUrl: admin.toString() });
  } catch (error) {
    if (error instanceof ServiceUnreachableError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
  await prepareDatabase(config);
}
