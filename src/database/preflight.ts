import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { ensureDatabaseExists, ServiceUnreachableError } from './prepare-database';

/** Fails within seconds, naming the address, when Redis does not answer. */
export async function checkRedis(redisUrl: string): Promise<void> {
  const url = new URL(redisUrl);
  const address = `${url.hostname || '127.0.0.1'}:${url.port || '6379'}`;
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServiceUnreachableError(
      `Cannot reach Redis at ${address} (${reason}).\n` +
        '  Start it with `docker compose up -d redis`, or `sudo service redis-server start`, or set REDIS_URL.',
    );
  } finally {
    client.disconnect();
  }
}

/** Both backing services answer; the database exists. */
export async function preflight(config: Pick<AppConfig, 'databaseUrl' | 'redisUrl'>): Promise<void> {
  await ensureDatabaseExists(config.databaseUrl);
  await checkRedis(config.redisUrl);
}
