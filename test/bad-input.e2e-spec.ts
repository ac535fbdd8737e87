import { writeFileSync } from 'node:fs';
import { createTestApp, resetDatabase, TestApp } from './support/app';
import { seedDemo } from './support/fixtures';

describe('dump', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await resetDatabase(t.dataSource);
    await seedDemo(t);
  });
  afterAll(async () => t.close());
  it('dumps', async () => {
    const res = await t.http().get('/api/docs-json');
    writeFileSync('/tmp/bi/openapi.json', JSON.stringify(res.body, null, 2));
    const c = await t.dataSource.query(`select status, count(*) from tasks group by 1`);
    writeFileSync('/tmp/bi/tasks.json', JSON.stringify(c));
  });
});
