import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { RequestContextInterceptor } from './context/request-context.interceptor';
import { RateLimitInterceptor } from './rate-limit/rate-limit.interceptor';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { createValidationPipe } from './http/validation.pipe';
import { Clock } from './time/clock';

/** Cross-cutting pieces registered as providers, so that test apps built from AppModule get them too. */
@Global()
@Module({
  providers: [
    Clock,
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    // In this order: limits are checked first, then the handler runs inside its request context.
    { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
  ],
  exports: [Clock],
})
export class CommonModule {}
