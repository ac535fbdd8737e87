import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The one description of the database connection, used by the app, the TypeORM CLI (data-source.ts),
 * the seed and the tests. Entities are discovered by file name so that a new module needs no edit here.
 */
export function databaseOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'>,
): DataSourceOptions {
  const root = join(__dirname, '..', '..');
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url: config.databaseUrl,
    entities: [join(root, 'src', 'modules', '**', '*.entity.{ts,js}')],
    migrations: [join(root, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    extra: { max: config.databasePoolSize, connectionTimeoutMillis: 5000 },
  };
}
