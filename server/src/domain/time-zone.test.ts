import { describe, expect, it } from 'vitest';
import { fromWallTime, isValidTimeZone, toWallTime } from './time-zone';

describe('time zones', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isValidTimeZone('Europe/Sofia')).toBe(true);
    expect(isValidTimeZone('Asia/Baku')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('turns wall-clock times into instants, summer and winter', () => {
    expect(fromWallTime('2026-07-01T10:00', 'Europe/Sofia')?.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(fromWallTime('2026-12-01T10:00', 'Europe/Sofia')?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(fromWallTime('2026-12-01T10:00', 'Europe/Tirane')?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(fromWallTime('2026-12-01T10:00', 'Asia/Baku')?.toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(toWallTime(new Date('2026-07-01T07:00:00Z'), 'Europe/Sofia')).toBe('2026-07-01T10:00');
  });

  it('refuses times skipped by the spring clock change and impossible dates; a repeated hour takes its first occurrence', () => {
    expect(fromWallTime('2026-03-29T03:30', 'Europe/Sofia')).toBeNull();
    expect(fromWallTime('2026-02-30T10:00', 'Europe/Sofia')).toBeNull();
    expect(fromWallTime('tomorrow', 'Europe/Sofia')).toBeNull();
    expect(fromWallTime('2026-10-25T03:30', 'Europe/Sofia')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
