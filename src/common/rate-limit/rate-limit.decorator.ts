import { SetMetadata } from '@nestjs/common';

export const RATE_LIMIT = 'rateLimit:bucket';

/** `login`: counted per client address and username, at LOGIN_RATE_LIMIT a minute (login, refresh, password). */
export type RateLimitBucket = 'login';

export const RateLimit = (bucket: RateLimitBucket): MethodDecorator => SetMetadata(RATE_LIMIT, bucket);
