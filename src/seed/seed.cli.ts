import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/app-config';
import { loadEnvFile } from '../config/env-file';
import { preflight } from '../database/preflight';
import { prepareDatabase, ServiceUnreachableError } from '../database/prepare-database';
import { currentPlan } from './data/current-plan.data';
import { plan2021 } from './data/report-2021.data';
import { seedCurrentPlan, seedDemoUsers } from './seed-demo';
import { seedDepartments, seedPlan2021 } from './seed-2021';

/**
 * npm run seed            — the departments and the 2021 plan from the report (reference data)
 * npm run seed -- --demo  — also the demo accounts and the current year's active plan
 * Running it again changes nothing: every item is looked up by its code before it is written.
 */
async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const demo = process.argv.includes('--demo');
  await preflight(config);
  await prepareDatabase(config, (line) => console.log(line));

  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const result = await dataSource.transaction(async (em) => {
      const departments = await seedDepartments(em, plan2021.departments);
      return seedPlan2021(em, plan2021, departments);
    });
    console.log(
      `seed: ${plan2021.departments.length} departments, 2021 plan ${result.created ? 'created' : 'already present'}`,
    );
    if (demo) {
      const users = await seedDemoUsers(dataSource, config.demoPassword);
      console.log(`seed: ${users} demo accounts created (password from DEMO_PASSWORD)`);
      const current = await seedCurrentPlan(app, currentPlan, plan2021, config.timeZone);
      console.log(`seed: current plan ${current.planId}, ${current.tasksCreated} tasks created`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ServiceUnreachableError)
    console.error(`\n${error.message}\n`);
  else console.error(error);
  process.exit(1);
});
