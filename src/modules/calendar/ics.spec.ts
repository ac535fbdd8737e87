import { escapeText, foldLine, formatUtc, renderCalendar } from './ics';

/** Undoes folding (RFC 5545 §3.1): a CRLF followed by one space or tab joins the lines. */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('formats UTC times', () => {
    expect(formatUtc(new Date('2026-10-31T15:30:00.000Z'))).toBe('20261031T153000Z');
  });
});

describe('line folding', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('never splits a UTF-8 character, and keeps every line within 75 octets', () => {
    const line = `SUMMARY:${'督查督办事项'.repeat(10)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    // Chinese characters are 3 octets: the first line holds 8 ASCII + 22 × 3 = 74 octets, one more would be 77.
    expect(Buffer.byteLength(parts[0], 'utf8')).toBe(74);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

describe('a calendar', () => {
  const stamp = new Date('2026-11-01T00:00:00Z');
  const text = renderCalendar({
    prodId: '-//worktracker//督查督办//ZH',
    name: '区司法局 督办事项',
    stamp,
    refresh: 'PT1H',
    events: [
      {
        uid: 'task-1-due@worktracker',
        start: new Date('2026-10-31T09:30:00Z'),
        end: new Date('2026-10-31T10:00:00Z'),
        summary: '【截止】T001 完善制度; 建立台账, 定期通报',
        description: '牵头单位：区司法局\n进度：60%',
        sequence: 2,
      },
    ],
  });

  it('ends every line with CRLF and wraps events in a VCALENDAR', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(text);
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('writes the event’s properties, escaped', () => {
    const lines = unfold(text);
    expect(lines).toEqual(
      expect.arrayContaining([
        'UID:task-1-due@worktracker',
        'DTSTAMP:20261101T000000Z',
        'DTSTART:20261031T093000Z',
        'DTEND:20261031T100000Z',
        'SEQUENCE:2',
        'SUMMARY:【截止】T001 完善制度\\; 建立台账\\, 定期通报',
        'DESCRIPTION:牵头单位：区司法局\\n进度：60%',
        'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      ]),
    );
  });
});
