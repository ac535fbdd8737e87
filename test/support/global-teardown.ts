import { Client } from 'pg';
import { adminUrl } from './global-setup';
import { testDatabaseUrl } from './test-env';

/** Drops the run's own database; a fixed TEST_DATABASE_URL is kept so that a failure can be inspected. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.DROP_TEST_DATABASE !== '1') return;
  const { admin, name } = adminUrl(testDatabaseUrl());
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}
