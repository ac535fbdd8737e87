import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { isIsoDuration } from '../common/time/duration';

/**
 * The one place that reads process.env. Everything else receives an AppConfig.
 * Values are validated at boot so that a wrong setting stops the process with a clear message.
 */
class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/worktracker';

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET?: string;

  @IsString()
  JWT_EXPIRES_IN = '8h';

  @IsString()
  APP_TIME_ZONE = 'Asia/Shanghai';

  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(320)
  SMTP_FROM?: string;

  @IsString()
  @MinLength(8)
  DEMO_PASSWORD = 'changeme-demo';

  @IsString()
  REMINDER_SWEEP_INTERVAL = 'PT1M';

  @Matches(/^[A-Za-z0-9_:-]{1,64}$/, { message: 'QUEUE_PREFIX: letters, digits, _ : - (1–64)' })
  QUEUE_PREFIX = 'worktracker';

  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_ATTEMPTS = 5;

  @IsString()
  DELIVERY_BACKOFF = 'PT5S';

  @Transform(({ value }) => (value === undefined || value === '' ? 20 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  timeZone: string;
  smtpUrl?: string;
  /** The From of reminder mail; without it, the SMTP user when that is an address, else noreply@<SMTP host>. */
  smtpFrom?: string;
  demoPassword: string;
  reminderSweepInterval: string;
  queuePrefix: string;
  deliveryAttempts: number;
  deliveryBackoff: string;
  databasePoolSize: number;
}

export class ConfigError extends Error {}

const DEVELOPMENT_JWT_SECRET = 'development-only-secret-do-not-use-in-production';

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(vars, { skipMissingProperties: false });
  const problems = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`),
  );
  if (vars.NODE_ENV === 'production' && !vars.JWT_SECRET) {
    problems.push('JWT_SECRET: required when NODE_ENV=production');
  }
  if (!isValidTimeZone(vars.APP_TIME_ZONE)) {
    problems.push(`APP_TIME_ZONE: unknown time zone "${vars.APP_TIME_ZONE}"`);
  }
  for (const [name, value] of [
    ['REMINDER_SWEEP_INTERVAL', vars.REMINDER_SWEEP_INTERVAL],
    ['DELIVERY_BACKOFF', vars.DELIVERY_BACKOFF],
  ] as const) {
    if (!isIsoDuration(value)) {
      problems.push(`${name}: not an ISO-8601 duration such as PT1M: "${String(value)}"`);
    }
  }
  for (const [name, value] of [
    ['DATABASE_URL', vars.DATABASE_URL],
    ['REDIS_URL', vars.REDIS_URL],
  ] as const) {
    if (!URL.canParse(value)) problems.push(`${name}: not a URL: "${value}"`);
  }
  if (vars.SMTP_URL && !/^smtps?:$/.test(URL.parse(vars.SMTP_URL)?.protocol ?? '')) {
    problems.push(`SMTP_URL: not an smtp:// or smtps:// URL`);
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration (see .env.example):\n  - ${problems.join('\n  - ')}`);
  }
  return {
    env: vars.NODE_ENV,
    port: vars.PORT,
    databaseUrl: vars.DATABASE_URL,
    redisUrl: vars.REDIS_URL,
    jwtSecret: vars.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    jwtExpiresIn: vars.JWT_EXPIRES_IN,
    timeZone: vars.APP_TIME_ZONE,
    smtpUrl: vars.SMTP_URL,
    smtpFrom: vars.SMTP_FROM,
    demoPassword: vars.DEMO_PASSWORD,
    reminderSweepInterval: vars.REMINDER_SWEEP_INTERVAL,
    queuePrefix: vars.QUEUE_PREFIX,
    deliveryAttempts: vars.DELIVERY_ATTEMPTS,
    deliveryBackoff: vars.DELIVERY_BACKOFF,
    databasePoolSize: vars.DATABASE_POOL_SIZE,
  };
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
