/** Wall-clock times in IANA time zones, with nothing but Intl (no zone database to ship or update). */

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Whether `zone` is an IANA time zone the runtime knows (e.g. Europe/Sofia, Asia/Baku). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock reading "YYYY-MM-DDTHH:MM" of an instant in a zone. */
export function toWallTime(instant: Date, zone: string): string {
  const parts = Object.fromEntries(formatter(zone).formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The zone's offset from UTC at an instant, in minutes (Sofia in summer: +180). */
function offsetMinutes(instant: Date, zone: string): number {
  const parts = Object.fromEntries(formatter(zone).formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which clocks in `zone` read `wall` ("YYYY-MM-DDTHH:MM"). Null when the text is not such a
 * time, or the time does not exist there (skipped by a clock change). An hour that repeats takes its first
 * occurrence.
 */
export function fromWallTime(wall: string, zone: string): Date | null {
  const m = WALL.exec(wall);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(naive).toISOString().slice(0, 16) !== wall) return null; // e.g. 2026-02-30
  // The offset one day either side brackets the answer; try the earlier offset first (first occurrence).
  const candidates = [offsetMinutes(new Date(naive - 86_400_000), zone), offsetMinutes(new Date(naive + 86_400_000), zone)]
    .sort((a, b) => b - a)
    .map((offset) => new Date(naive - offset * 60_000));
  return candidates.find((c) => toWallTime(c, zone) === wall) ?? null;
}
