/**
 * Where the end-to-end tests run: a database created for the run, whose name must contain "test".
 * TEST_DATABASE_URL overrides it; the default sits beside the development database.
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/worktracker_e2e_test';

export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name.includes('test')) {
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);
  }
}

/** The environment every test process runs with (set before the app's config is loaded). */
export function applyTestEnv(): void {
  assertTestDatabase(TEST_DATABASE_URL);
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = TEST_DATABASE_URL;
  process.env.DATABASE_POOL_SIZE = '5';
  process.env.DEMO_PASSWORD = 'test-password-123';
  process.env.JWT_SECRET = 'test-secret-for-the-e2e-suite-only';
}
