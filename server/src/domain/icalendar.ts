/**
 * iCalendar (RFC 5545) for events: one event or a feed. Pure: no I/O, the caller passes the clock.
 *
 * Times are written in UTC ("…Z"). A TZID form would need a VTIMEZONE with the zone's full daylight-saving
 * rules, which Intl does not expose; UTC instants are exact, every calendar shows them in its owner's zone,
 * and the zone the organisers used is named in the description.
 */

export interface CalendarEvent {
  uid: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** Last change: LAST-MODIFIED. */
  updatedAt: Date;
  /** Bumped on every edit, so calendars replace their copy. */
  sequence: number;
  location: string | null;
  url: string | null;
  cancelled: boolean;
  categories: string[];
}

export interface Calendar {
  name: string;
  events: CalendarEvent[];
  /** When the file is made: DTSTAMP. */
  now: Date;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as \n. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** UTC DATE-TIME form: 20261201T080000Z. */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Folds a content line so no line exceeds 75 octets (§3.1): continuation lines start with one space, and a
 * UTF-8 character is never split across lines.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function eventLines(e: CalendarEvent, now: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${formatUtc(now)}`,
    `DTSTART:${formatUtc(e.startsAt)}`,
    `DTEND:${formatUtc(e.endsAt)}`,
    `LAST-MODIFIED:${formatUtc(e.updatedAt)}`,
    `SEQUENCE:${e.sequence}`,
    `SUMMARY:${escapeText(e.title)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.categories.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  return lines;
}

/** The whole file, CRLF line endings included. */
export function buildCalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Partnera//Events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap((e) => eventLines(e, calendar.now)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A safe ASCII file name for Content-Disposition: letters, digits and hyphens from the title. */
export function calendarFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'event'}.ics`;
}
