import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
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
  ],
  exports: [Clock],
})
export class CommonModule {}
