import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Loads `.env` from the working directory when there is one; real environment variables win. */
export function loadEnvFile(path = resolve(process.cwd(), '.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
