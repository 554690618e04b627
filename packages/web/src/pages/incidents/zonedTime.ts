/**
 * Times in the organisation's time zone. The server stores and computes every instant in UTC; the
 * screen shows and takes them as wall-clock times of the organisation's IANA zone (not the
 * browser's), and says which zone that is. A wall-clock time is turned into UTC by the zone's
 * offset at that moment, so daylight-saving changes are honoured; a time that does not exist (the
 * hour skipped when clocks go forward) is reported instead of being shifted silently.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** True when the browser knows the zone. */
export function isKnownZone(zone: string): boolean {
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallOf(ms: number, zone: string): Wall {
  const parts = partsFormatter(zone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at the instant, in milliseconds (wall clock − UTC). */
export function zoneOffsetMs(ms: number, zone: string): number {
  const w = wallOf(ms, zone);
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSecond;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The instant as a `datetime-local` value ("2026-06-10T11:00") on the zone's wall clock. */
export function toZonedInput(ms: number | string | Date, zone: string): string {
  const t = typeof ms === 'number' ? ms : new Date(ms).getTime();
  const w = wallOf(t, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

export type ZonedParse = { ok: true; iso: string; ms: number } | { ok: false; reason: 'invalid' | 'nonexistent' };

/** A `datetime-local` value read on the zone's wall clock, as a UTC ISO instant. */
export function fromZonedInput(value: string, zone: string): ZonedParse {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return { ok: false, reason: 'invalid' };
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(guess)) return { ok: false, reason: 'invalid' };
  // The offset at the guess can differ from the offset at the answer near a change: try both.
  const first = guess - zoneOffsetMs(guess, zone);
  const second2 = guess - zoneOffsetMs(first, zone);
  const wanted = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
  for (const candidate of [Math.min(first, second2), Math.max(first, second2)]) {
    if (toZonedInput(candidate, zone) === wanted) return { ok: true, iso: new Date(candidate).toISOString(), ms: candidate };
  }
  return { ok: false, reason: 'nonexistent' };
}

/** "UTC+03:00" for the zone at the instant. */
export function offsetLabel(ms: number, zone: string): string {
  const minutes = Math.round(zoneOffsetMs(ms, zone) / 60_000);
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Date and time on the zone's wall clock with the zone's short name ("10 Jun 2026, 11:00 EEST"). */
export function formatInZone(iso: string | number | null | undefined, zone: string, locale: string): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const key = `${locale}|${zone}`;
  let f = displayFormatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, {
        timeZone: zone,
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      });
    } catch {
      f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    }
    displayFormatters.set(key, f);
  }
  return f.format(d);
}

const shortFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A compact date and time on the zone's clock for tables ("Nov 25, 09:18"; the year only when it
 * is not this year); the zone is named once beside the table.
 */
export function formatShortInZone(iso: string, zone: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const withYear = wallOf(d.getTime(), zone).year !== wallOf(Date.now(), zone).year;
  const key = `${locale}|${zone}|${withYear}`;
  let f = shortFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      ...(withYear ? { year: 'numeric' } : {}),
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    shortFormatters.set(key, f);
  }
  return f.format(d);
}

/** Whole days, hours, minutes and seconds of a duration (its absolute value). */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number; seconds: number } {
  const total = Math.floor(Math.abs(ms) / 1000);
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/** The zone when the browser knows it, else UTC (times are then still right, only labelled in UTC). */
export const safeZone = (zone: string): string => (isKnownZone(zone) ? zone : 'UTC');
