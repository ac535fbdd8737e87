import { CronExpressionParser } from 'cron-parser';
import { ValidationOptions, registerDecorator, ValidationArguments } from 'class-validator';
import { isIsoDuration } from '../time/duration';
import { isTimeZone } from '../time/time-zone';

function rule(
  name: string,
  test: (value: unknown, args: ValidationArguments) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate: test },
    });
}

/** An ISO-8601 duration such as P7D or PT2S. */
export const IsIsoDuration = (options?: ValidationOptions): PropertyDecorator =>
  rule(
    'isIsoDuration',
    (v) => isIsoDuration(v),
    '$property 必须是 ISO-8601 时长，如 P7D、PT2S ($property must be an ISO-8601 duration)',
    options,
  );

export const IsTimeZone = (options?: ValidationOptions): PropertyDecorator =>
  rule(
    'isTimeZone',
    (v) => isTimeZone(v),
    '$property 必须是 IANA 时区，如 Asia/Shanghai ($property must be an IANA time zone)',
    options,
  );

export const IsCron = (options?: ValidationOptions): PropertyDecorator =>
  rule(
    'isCron',
    (v) => {
      if (typeof v !== 'string' || v.length > 100 || v.trim().split(/\s+/).length !== 5) return false;
      try {
        CronExpressionParser.parse(v);
        return true;
      } catch {
        return false;
      }
    },
    '$property 必须是 5 段 cron 表达式，如 "0 9 25 * *" ($property must be a 5-field cron expression)',
    options,
  );

/** A date-time that must come after the one in `property` of the same object. */
export const IsAfter = (property: string, options?: ValidationOptions): PropertyDecorator =>
  rule(
    'isAfter',
    (v, args) => {
      const other = (args.object as Record<string, unknown>)[property];
      if (!(v instanceof Date) || !(other instanceof Date)) return true; // type rules report those
      return v.getTime() > other.getTime();
    },
    `$property 必须晚于 ${property} ($property must be after ${property})`,
    options,
  );

/** An absolute http:// or https:// URL with a host, no spaces or control characters, at most 2000 characters. */
export const IsHttpUrl = (options?: ValidationOptions): PropertyDecorator =>
  rule(
    'isHttpUrl',
    (v) => {
      // eslint-disable-next-line no-control-regex
      if (typeof v !== 'string' || v.length > 2000 || /[\s\u0000-\u001f\u007f]/.test(v)) return false;
      const url = URL.parse(v);
      return !!url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    },
    '$property 必须是 http:// 或 https:// 开头的网址，不超过 2000 个字符 ($property must be an http(s) URL of at most 2000 characters)',
    options,
  );

/** A query-string boolean: "true" and "false" become booleans; anything else stays and fails IsBoolean. */
export const booleanQuery = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
