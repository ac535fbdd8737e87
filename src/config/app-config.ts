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

  @Matches(/^\d+[smhd]$/, { message: 'JWT_EXPIRES_IN: a number and a unit s, m, h or d, such as 30m' })
  JWT_EXPIRES_IN = '30m';

  @IsString()
  REFRESH_TOKEN_TTL = 'P14D';

  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_LOCKOUT_THRESHOLD = 5;

  @IsString()
  LOGIN_LOCKOUT_DURATION = 'PT15M';

  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(({ value }) => (value === undefined || value === '' ? 600 : Number(value)))
  @IsInt()
  @Min(1)
  WRITE_RATE_LIMIT = 600;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

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

  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;

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
  /** How long a refresh token lives (ISO-8601 duration). */
  refreshTokenTtl: string;
  /** Failed logins in a row that lock an account, and for how long (ISO-8601 duration). */
  loginLockoutThreshold: number;
  loginLockoutDuration: string;
  /** Login attempts per minute per client address and username. */
  loginRateLimit: number;
  /** Writes per minute per user. */
  writeRateLimit: number;
  /** Origins allowed to call the API from a browser; empty: same origin only. */
  corsOrigins: string[];
  logLevel: string;
  timeZone: string;
  smtpUrl?: string;
  /** The From of reminder mail; without it, the SMTP user when that is an address, else noreply@<SMTP host>. */
  smtpFrom?: string;
  demoPassword: string;
  /** The first administrator's password, for `seed -- --admin <username>` only. */
  adminPassword?: string;
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
    ['REFRESH_TOKEN_TTL', vars.REFRESH_TOKEN_TTL],
    ['LOGIN_LOCKOUT_DURATION', vars.LOGIN_LOCKOUT_DURATION],
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
  const corsOrigins = (vars.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS: "${origin}" is not an origin such as https://duban.example.gov.cn`);
    }
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
    refreshTokenTtl: vars.REFRESH_TOKEN_TTL,
    loginLockoutThreshold: vars.LOGIN_LOCKOUT_THRESHOLD,
    loginLockoutDuration: vars.LOGIN_LOCKOUT_DURATION,
    loginRateLimit: vars.LOGIN_RATE_LIMIT,
    writeRateLimit: vars.WRITE_RATE_LIMIT,
    corsOrigins,
    logLevel: vars.LOG_LEVEL,
    timeZone: vars.APP_TIME_ZONE,
    smtpUrl: vars.SMTP_URL,
    smtpFrom: vars.SMTP_FROM,
    demoPassword: vars.DEMO_PASSWORD,
    adminPassword: vars.ADMIN_PASSWORD,
    reminderSweepInterval: vars.REMINDER_SWEEP_INTERVAL,
    queuePrefix: vars.QUEUE_PREFIX,
    deliveryAttempts: vars.DELIVERY_ATTEMPTS,
    deliveryBackoff: vars.DELIVERY_BACKOFF,
    databasePoolSize: vars.DATABASE_POOL_SIZE,
  };
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
