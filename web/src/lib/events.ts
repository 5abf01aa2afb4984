import { i18n } from './i18n/index.svelte';

/** The browser's IANA time zone (the form's default and the "your time" line). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every zone the browser knows, for the picker; a short list when the browser cannot tell. */
export function timeZones(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const list = supported ? supported('timeZone') : ['Europe/Sofia', 'Europe/Tirane', 'Asia/Baku', 'UTC'];
  return list.includes('UTC') ? list : [...list, 'UTC'];
}

function fmt(zone: string, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(i18n.intlTag, { timeZone: zone, ...options });
}

/** "1 Dec 2026, 10:00 – 12:30" in the zone (the end's date only when it differs). */
export function formatRange(startIso: string, endIso: string, zone: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const day = fmt(zone, { dateStyle: 'medium' });
  const sameDay = day.format(start) === day.format(end);
  const full = fmt(zone, { dateStyle: 'medium', timeStyle: 'short' });
  const time = fmt(zone, { timeStyle: 'short' });
  return `${full.format(start)} – ${sameDay ? time.format(end) : full.format(end)}`;
}

/** Whether the viewer's clock shows different times than the event's zone at the event's start. */
export function differsFromViewer(startIso: string, zone: string): boolean {
  const viewer = browserTimeZone();
  if (viewer === zone) return false;
  const opts: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', day: '2-digit', hourCycle: 'h23' };
  const at = new Date(startIso);
  return new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: zone }).format(at) !== new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: viewer }).format(at);
}

/** "1 Dec 2026, 10:00 (Europe/Sofia)"; an unknown zone falls back to the viewer's. */
export function formatInZone(iso: string, zone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  try {
    return `${fmt(zone, { dateStyle: 'medium', timeStyle: 'short' }).format(at)} (${zone})`;
  } catch {
    return new Intl.DateTimeFormat(i18n.intlTag, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  }
}
