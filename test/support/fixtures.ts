import { DataSource } from 'typeorm';
import { currentPlan } from '../../src/seed/data/current-plan.data';
import { plan2021 } from '../../src/seed/data/report-2021.data';
import { seedDepartments, seedPlan2021 } from '../../src/seed/seed-2021';
import { seedCurrentPlan, seedDemoUsers } from '../../src/seed/seed-demo';
import { TestApp } from './app';

/** The seed as `npm run seed -- --demo` runs it, on the test app. Returns the two plans' ids. */
export async function seedDemo(t: TestApp): Promise<{ plan2021Id: string; currentPlanId: string }> {
  const { planId } = await t.dataSource.transaction(async (em) =>
    seedPlan2021(em, plan2021, await seedDepartments(em, plan2021.departments)),
  );
  await seedDemoUsers(t.dataSource, 'test-password-123');
  const current = await seedCurrentPlan(t.app, currentPlan, plan2021, 'Asia/Shanghai');
  return { plan2021Id: planId, currentPlanId: current.planId };
}

export async function departmentId(dataSource: DataSource, code: string): Promise<string> {
  const [row] = await dataSource.query<{ id: string }[]>('SELECT id FROM departments WHERE code = $1', [
    code,
  ]);
  if (!row) throw new Error(`no department ${code}`);
  return row.id;
}
