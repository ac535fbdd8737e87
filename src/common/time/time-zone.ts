export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The UTC instant of wall-clock `YYYY-MM-DD hh:mm` in `zone`. */
export function zonedTimeToUtc(date: string, time: string, zone: string): Date {
  const naive = new Date(`${date}T${time}:00Z`);
  // Offset of the zone at (about) that moment; a second pass settles DST edges.
  let guess = naive.getTime();
  for (let i = 0; i < 2; i++) {
    guess = naive.getTime() - offsetMs(new Date(guess), zone);
  }
  return new Date(guess);
}

function offsetMs(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

// Building an Intl.DateTimeFormat costs far more than using one: one per zone, kept.
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM" of a moment in a time zone. */
export function monthIn(at: Date, timeZone: string): string {
  let format = monthFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
    monthFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}

/** The first instant of the month (in the zone) that `at` falls in. */
export function monthStart(at: Date, timeZone: string): Date {
  return zonedTimeToUtc(`${monthIn(at, timeZone)}-01`, '00:00', timeZone);
}

/** The first instant of the month after `month` ("YYYY-MM") in the zone. */
export function nextMonthStart(month: string, timeZone: string): Date {
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return zonedTimeToUtc(`${next}-01`, '00:00', timeZone);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "YYYY-MM" with a real month. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** The month before "YYYY-MM". */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** The month "YYYY-MM" in the zone as a half-open window [from, to) of UTC instants. */
export function monthWindow(month: string, timeZone: string): { from: Date; to: Date } {
  return { from: zonedTimeToUtc(`${month}-01`, '00:00', timeZone), to: nextMonthStart(month, timeZone) };
}

/**
 * The wall-clock time of `at` in the zone, as a Date whose UTC fields carry it. For spreadsheets, which
 * know no time zones: the cell then shows the local time.
 */
export function wallClock(at: Date, timeZone: string): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000 + offsetMs(at, timeZone));
}

/** "YYYY-MM-DD HH:mm" of `at` in the zone. */
export function formatInZone(at: Date, timeZone: string): string {
  return wallClock(at, timeZone).toISOString().slice(0, 16).replace('T', ' ');
}
