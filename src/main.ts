import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ProcessRole, rootModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError, loadConfig } from './config/app-config';
import { loadEnvFile } from './config/env-file';
import { preflight } from './database/preflight';
import { prepareDatabase, ServiceUnreachableError } from './database/prepare-database';

function roleFromArgs(argv: string[]): ProcessRole {
  const arg = argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) ?? 'all';
  if (arg !== 'all' && arg !== 'api' && arg !== 'worker') {
    throw new ConfigError(`--role must be all, api or worker (got "${arg}")`);
  }
  return arg;
}

async function bootstrap(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const role = roleFromArgs(process.argv.slice(2));
  const logger = new Logger('Bootstrap');

  await preflight(config);
  await prepareDatabase(config, (line) => logger.log(line));

  if (role === 'worker') {
    // The worker serves no HTTP; it runs the background jobs registered by the modules.
    const context = await NestFactory.createApplicationContext(rootModule('worker'), { bufferLogs: true });
    context.useLogger(context.get(PinoLogger));
    context.enableShutdownHooks();
    logger.log('worker started');
    return;
  }
  const app = await NestFactory.create<NestExpressApplication>(rootModule(role), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  configureApp(app);
  await app.listen(config.port);
  logger.log(`API listening on http://localhost:${config.port} (docs: /api/docs, role: ${role})`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ServiceUnreachableError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
