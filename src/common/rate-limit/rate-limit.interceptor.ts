import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import Redis from 'ioredis';
import { Observable } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuthenticatedRequest } from '../auth/auth.decorators';
import { tooManyRequests } from '../errors/domain-error';
import { REDIS } from '../redis/redis.module';
import { RATE_LIMIT, RateLimitBucket } from './rate-limit.decorator';

const WINDOW_MS = 60_000;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Fixed one-minute windows counted in Redis, so that every API process shares them: logins per client
 * address and username (LOGIN_RATE_LIMIT), writes per user (WRITE_RATE_LIMIT). Runs after the guard
 * (the caller is known) and before validation. When Redis is unreachable the request goes through:
 * a write never depends on Redis.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  private readonly logger = new Logger('RateLimit');
  private lastWarning = 0;

  constructor(
    private readonly reflector: Reflector,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const bucket = this.reflector.get<RateLimitBucket | undefined>(RATE_LIMIT, context.getHandler());
    let key: string | null = null;
    let limit = 0;
    if (bucket === 'login') {
      const body = req.body as { username?: unknown } | undefined;
      const who =
        req.actor?.username ?? (typeof body?.username === 'string' ? body.username.slice(0, 64) : '');
      key = `login:${req.ip ?? '-'}:${who}`;
      limit = this.config.loginRateLimit;
    } else if (!READ_METHODS.has(req.method) && req.actor) {
      key = `write:${req.actor.id}`;
      limit = this.config.writeRateLimit;
    }
    if (key) await this.take(key, limit);
    return next.handle();
  }

  private async take(key: string, limit: number): Promise<void> {
    const redisKey = `${this.config.queuePrefix}:ratelimit:${key}`;
    let count: number;
    let ttl: number;
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') {
        await this.redis.connect().catch(() => undefined);
      }
      const result = await this.redis
        .multi()
        .incr(redisKey)
        .pexpire(redisKey, WINDOW_MS, 'NX')
        .pttl(redisKey)
        .exec();
      count = Number(result?.[0]?.[1]);
      ttl = Number(result?.[2]?.[1]);
    } catch (error) {
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn(`rate limits not enforced, Redis unreachable: ${(error as Error).message}`);
      }
      return;
    }
    if (count > limit) {
      throw tooManyRequests(
        `操作过于频繁，请 ${Math.ceil(ttl / 1000)} 秒后再试 (too many requests; limit ${limit} per minute)`,
        ttl / 1000,
      );
    }
  }
}
