/**
 * Where the end-to-end tests run: a database created for the run, whose name must contain "test".
 * The global setup picks `worktracker_test_<pid>` (so that two runs on one machine never meet) and drops it
 * afterwards; set TEST_DATABASE_URL to use a fixed one instead (kept after the run, for inspection).
 */
export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432';

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (npm test)');
  return url;
}

export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name.includes('test')) {
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);
  }
}

/** The environment every test process runs with (set before the app's configuration is loaded). */
export function applyTestEnv(): void {
  const url = testDatabaseUrl();
  assertTestDatabase(url);
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = url;
  process.env.DATABASE_POOL_SIZE = '5';
  process.env.DEMO_PASSWORD = 'test-password-123';
  process.env.JWT_SECRET = 'test-secret-for-the-e2e-suite-only';
  // The suites send thousands of requests as one user; the limits themselves are tested on their own.
  process.env.LOGIN_RATE_LIMIT = '1000000';
  process.env.WRITE_RATE_LIMIT = '1000000';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  // Each test file (each process, each module registry) gets its own Bull queues.
  process.env.QUEUE_PREFIX = `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
