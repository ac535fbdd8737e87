import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { loadEnvFile } from '../config/env-file';
import { databaseOptions } from './database-options';

// Used by the TypeORM CLI (npm run migration:*). The app builds its own from the same options.
loadEnvFile();
export default new DataSource(databaseOptions(loadConfig()));
