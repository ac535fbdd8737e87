import { durationMs, isIsoDuration } from './duration';
import {
  formatInZone,
  isMonth,
  isTimeZone,
  monthIn,
  monthWindow,
  previousMonth,
  wallClock,
  zonedTimeToUtc,
} from './time-zone';

describe('ISO-8601 durations', () => {
  it.each([
    ['P7D', 7 * 86_400_000],
    ['PT2S', 2000],
    ['PT1H30M', 5_400_000],
    ['P1DT12H', 129_600_000],
  ])('%s is %d ms', (iso, ms) => {
    expect(isIsoDuration(iso)).toBe(true);
    expect(durationMs(iso)).toBe(ms);
  });

  it.each(['', 'P', 'PT', '7D', 'P-1D', 'P1.5D', 'pt2s', 'P1DT'])('rejects %p', (bad) => {
    expect(isIsoDuration(bad)).toBe(false);
  });
});

describe('time zones', () => {
  it('turns a wall-clock time in the zone into UTC', () => {
    expect(zonedTimeToUtc('2026-03-31', '18:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-31T10:00:00.000Z',
    );
    expect(zonedTimeToUtc('2026-01-01', '00:00', 'Asia/Shanghai').toISOString()).toBe(
      '2025-12-31T16:00:00.000Z',
    );
  });

  it('follows daylight saving where a zone has it', () => {
    expect(zonedTimeToUtc('2026-07-01', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(zonedTimeToUtc('2026-01-15', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
  });

  it('knows real zones from made-up ones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Base')).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});

describe('months in a time zone', () => {
  it('puts the last half hour of October (Shanghai) in October and the first minutes of November in November', () => {
    expect(monthIn(new Date('2026-10-31T23:30:00+08:00'), 'Asia/Shanghai')).toBe('2026-10');
    expect(monthIn(new Date('2026-11-01T00:10:00+08:00'), 'Asia/Shanghai')).toBe('2026-11');
    // The same instants in UTC both still fall in October.
    expect(monthIn(new Date('2026-11-01T00:10:00+08:00'), 'UTC')).toBe('2026-10');
  });

  it('gives a month as a half-open window of UTC instants', () => {
    const { from, to } = monthWindow('2026-10', 'Asia/Shanghai');
    expect(from.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(to.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    const december = monthWindow('2026-12', 'Asia/Shanghai');
    expect(december.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('follows daylight saving at the window edges', () => {
    // Berlin leaves summer time on 2026-10-25: October starts at +02:00 and ends at +01:00.
    const { from, to } = monthWindow('2026-10', 'Europe/Berlin');
    expect(from.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(to.toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });

  it('steps back a month across the year', () => {
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  it.each(['2026-10', '1999-01', '2026-12'])('knows %s is a month', (m) => expect(isMonth(m)).toBe(true));
  it.each(['2026-13', '2026-00', '2026-1', '202610', '2026-10-01', 10])('knows %p is not', (m) =>
    expect(isMonth(m)).toBe(false),
  );
});

describe('wall-clock times', () => {
  it('formats an instant in the zone', () => {
    expect(formatInZone(new Date('2026-10-31T15:30:00Z'), 'Asia/Shanghai')).toBe('2026-10-31 23:30');
    expect(formatInZone(new Date('2026-10-31T16:10:00Z'), 'Asia/Shanghai')).toBe('2026-11-01 00:10');
  });

  it('carries the local time in the UTC fields, for spreadsheets', () => {
    expect(wallClock(new Date('2026-03-31T10:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-31T18:00:00.000Z',
    );
  });
});
