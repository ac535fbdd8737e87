import { Injectable } from '@nestjs/common';

/** The only source of "now" for domain code, so that tests can set the time. */
@Injectable()
export class Clock {
  private fixed?: Date;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Test hook: freeze time at `at`, or pass undefined to follow the system clock again. */
  set(at: Date | undefined): void {
    this.fixed = at ? new Date(at) : undefined;
  }
}
