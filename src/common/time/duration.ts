import { parse, toSeconds } from 'iso8601-duration';

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

export function isIsoDuration(value: unknown): value is string {
  return typeof value === 'string' && ISO_DURATION.test(value);
}

/** Milliseconds of an ISO-8601 duration ("P7D", "PT2S"); months and years count as 30 and 365 days. */
export function durationMs(iso: string): number {
  if (!isIsoDuration(iso)) throw new Error(`not an ISO-8601 duration: ${String(iso)}`);
  return Math.round(toSeconds(parse(iso)) * 1000);
}
