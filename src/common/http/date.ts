import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate, MaxDate, MinDate } from 'class-validator';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/;
const EARLIEST = new Date('2000-01-01T00:00:00Z');
const LATEST = new Date('2100-01-01T00:00:00Z');

/** The date part names a day that exists: 2026-02-30 is not rolled over into March. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An ISO-8601 date-time with its offset (or a bare date, read as UTC midnight), turned into a Date. Anything else stays as it was and
 * fails IsDate with a clear message, rather than becoming an Invalid Date.
 */
export function IsIsoDateTime(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || !isCalendarDate(value)) return value;
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? value : parsed;
    }),
    IsDate({
      message:
        '$property 必须是 ISO-8601 日期时间，如 2026-03-31T18:00:00+08:00 ($property must be a date-time)',
    }),
    MinDate(EARLIEST, { message: '$property 不能早于 2000 年 ($property is too early)' }),
    MaxDate(LATEST, { message: '$property 不能晚于 2100 年 ($property is too late)' }),
  );
}
