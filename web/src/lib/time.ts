import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A time from the API (ISO with offset) shown in the plan's zone. */
export function formatTime(iso: string | null | undefined, tz: string, pattern = 'YYYY-MM-DD HH:mm'): string {
  if (!iso) return '—';
  return dayjs(iso).tz(tz).format(pattern);
}

export function formatDate(iso: string | null | undefined, tz: string): string {
  return formatTime(iso, tz, 'YYYY-MM-DD');
}

/**
 * Date pickers work in the browser's zone; the plan's deadlines are wall-clock times in the plan's zone.
 * These two carry the wall-clock reading across, so 2026-12-31 18:00 means 18:00 in Shanghai wherever
 * the browser is.
 */
export function pickerValue(iso: string | null | undefined, tz: string): Dayjs | undefined {
  if (!iso) return undefined;
  return dayjs(dayjs(iso).tz(tz).format('YYYY-MM-DDTHH:mm:ss'));
}

export function fromPicker(value: Dayjs, tz: string): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), tz).format();
}

/** Days until (positive) or since (negative) a deadline, counted in the plan's zone. */
export function daysLeft(iso: string, tz: string, now = dayjs()): number {
  return dayjs(iso).tz(tz).startOf('day').diff(now.tz(tz).startOf('day'), 'day');
}

export { dayjs };
