import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { Role } from '../common/auth/actor';
import { ConfigError, loadConfig } from '../config/app-config';
import { loadEnvFile } from '../config/env-file';
import { preflight } from '../database/preflight';
import { prepareDatabase, ServiceUnreachableError } from '../database/prepare-database';
import { passwordProblem } from '../modules/users/password-policy';
import { UsersService } from '../modules/users/users.service';
import { currentPlan } from './data/current-plan.data';
import { plan2021 } from './data/report-2021.data';
import { seedCurrentPlan, seedDemoUsers } from './seed-demo';
import { seedDepartments, seedPlan2021 } from './seed-2021';

/**
 * npm run seed            — the departments and the 2021 plan from the report (reference data)
 * npm run seed -- --demo  — also the demo accounts and the current year's active plan
 * npm run seed -- --admin <username>
 *                         — also the first administrator, with the password in ADMIN_PASSWORD (no
 *                           account with a default password exists outside --demo)
 * Running it again changes nothing: every item is looked up by its code before it is written.
 */
async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const demo = process.argv.includes('--demo');
  const adminIndex = process.argv.indexOf('--admin');
  const adminName = adminIndex >= 0 ? process.argv[adminIndex + 1] : undefined;
  if (adminIndex >= 0) {
    const problem = !adminName
      ? 'usage: npm run seed -- --admin <username>   (password in ADMIN_PASSWORD)'
      : !config.adminPassword
        ? "ADMIN_PASSWORD is not set: give the first administrator's password in it"
        : passwordProblem(config.adminPassword, adminName);
    if (problem) {
      console.error(problem);
      process.exit(1);
    }
  }
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
    if (adminName) {
      const users = app.get(UsersService);
      if (await users.findByUsername(adminName)) {
        console.log(`seed: account ${adminName} already exists, left as it is`);
      } else {
        await users.create({
          username: adminName,
          displayName: '系统管理员',
          password: config.adminPassword as string,
          role: Role.Admin,
          departmentId: null,
        });
        console.log(`seed: administrator ${adminName} created (password from ADMIN_PASSWORD)`);
      }
    }
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
