import { durationMs, isIsoDuration } from './duration';
import { isTimeZone, zonedTimeToUtc } from './time-zone';

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
