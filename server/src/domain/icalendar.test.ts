import { describe, expect, it } from 'vitest';
import { buildCalendar, calendarFileName, escapeText, foldLine, type CalendarEvent } from './icalendar';

/** A small reader: unfolds lines, splits name/parameters/value and undoes TEXT escaping. */
function parse(ics: string): Array<Record<string, string>> {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of unfolded.split('\r\n')) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0]!;
      current[name] = line.slice(colon + 1).replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    }
  }
  return events;
}

const base: CalendarEvent = {
  uid: '0b8f6a2e-1c1f-4c59-9d0b-7f3f3d7c1a11@partnera',
  title: 'Working meeting; roads, bridges, and water \\ part 1',
  description: 'Agenda:\n1. Welcome\n2. Budget, co-financing; next steps',
  startsAt: new Date('2026-12-01T08:00:00Z'),
  endsAt: new Date('2026-12-01T10:30:00Z'),
  updatedAt: new Date('2026-11-20T12:00:00Z'),
  sequence: 3,
  location: 'Община Габрово, зала 2, ул. „Възраждане“ 3',
  url: 'https://partnera.example/events/0b8f6a2e-1c1f-4c59-9d0b-7f3f3d7c1a11',
  cancelled: false,
  categories: ['working_meeting'],
};

describe('iCalendar', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `LOCATION:${'ж'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const [i, l] of folded.entries()) {
      expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(' ')).toBe(true);
      expect(l).not.toContain('\uFFFD');
    }
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });

  it('writes a valid calendar with CRLF endings that reads back to the same values', () => {
    const long = { ...base, description: `${base.description}\n${'Дълъг ред с кирилица, запетаи; и точки. '.repeat(10)}` };
    const ics = buildCalendar({ name: 'Partnera, events', events: [long, { ...base, uid: 'second@partnera', cancelled: true }], now: new Date('2026-11-21T09:15:00Z') });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // Every line break is CRLF, and no physical line is longer than 75 octets.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);

    const [first, second] = parse(ics);
    expect(first).toMatchObject({
      UID: base.uid,
      DTSTAMP: '20261121T091500Z',
      DTSTART: '20261201T080000Z',
      DTEND: '20261201T103000Z',
      SUMMARY: base.title,
      DESCRIPTION: long.description,
      LOCATION: base.location,
      URL: base.url,
      SEQUENCE: '3',
      STATUS: 'CONFIRMED',
    });
    expect(second).toMatchObject({ UID: 'second@partnera', STATUS: 'CANCELLED' });
    expect(ics).toContain('X-WR-CALNAME:Partnera\\, events\r\n');
  });

  it('makes ASCII file names from any title', () => {
    expect(calendarFileName('Кръгла маса: води')).toBe('event.ics');
    expect(calendarFileName('Round table: water & rivers 2026')).toBe('round-table-water-rivers-2026.ics');
  });
});
