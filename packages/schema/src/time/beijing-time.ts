/**
 * Times as people read them: Beijing time (UTC+8). Stored and sent times stay UTC; only what is
 * shown to a person goes through here.
 *
 * Plain +8 h arithmetic rather than `Intl.DateTimeFormat` with `timeZone: 'Asia/Shanghai'`:
 * China has kept UTC+8 without daylight saving since 1991 (long before any time this system
 * stores), so the offset is a constant; arithmetic gives the same text in every browser and in a
 * Node built without full ICU, needs no locale's separators or hour cycle taken apart, and is
 * cheap enough for lists of thousands of rows.
 */

/** The zone every time shown to a person is in. */
export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

/** Beijing's offset from UTC, in milliseconds. */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An instant: a Date, epoch milliseconds, or stored UTC text (ISO 8601, or DuckDB's `YYYY-MM-DD HH:MM:SS[.fff]`). */
export type Instant = Date | number | string;

// Date and time, `T` or a space between, any fraction, then Z, a ±hh[:mm] offset (DuckDB prints
// `+00` for TIMESTAMPTZ) or nothing: text without an offset is a stored time, which is UTC.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function offsetMs(offset: string | undefined): number {
  if (offset === undefined || offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
}

/**
 * Epoch milliseconds of an instant, or null when it is not one. Parsed by hand rather than by
 * `Date.parse`, which reads text without an offset in the machine's own zone and differs between
 * engines on the space-separated form.
 */
export function instantMs(value: Instant): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(utc);
  // Date.UTC rolls 2025-02-30 over into March; such text is not a time.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return null;
  return utc - offsetMs(m[8]);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The Beijing wall-clock fields of an instant (read with getUTC*), or null. */
function beijingClock(value: Instant): Date | null {
  const ms = instantMs(value);
  return ms === null ? null : new Date(ms + BEIJING_OFFSET_MS);
}

const dateOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * An instant as Beijing date and time, `2025-03-05 01:20` (with seconds, `2025-03-05 01:20:11`).
 * Text that is not a time comes back as given, so a screen never loses what it was sent.
 * @example formatBeijingDateTime('2025-12-31T16:30:00Z') // '2026-01-01 00:30'
 */
export function formatBeijingDateTime(value: Instant, options: { seconds?: boolean } = {}): string {
  const d = beijingClock(value);
  if (d === null) return String(value);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${dateOf(d)} ${options.seconds ? `${time}:${pad(d.getUTCSeconds())}` : time}`;
}

/**
 * The Beijing calendar date of an instant, `2025-03-05`. A calendar date given as text is a day,
 * not an instant, and comes back as it is; other text that is not a time comes back as given.
 */
export function formatBeijingDate(value: Instant): string {
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) return value;
  const d = beijingClock(value);
  return d === null ? String(value) : dateOf(d);
}

/**
 * Today's date in Beijing, `YYYY-MM-DD`: due dates are Beijing calendar days, whatever zone the
 * browser or server is set to.
 */
export function beijingToday(now: Instant = Date.now()): string {
  const d = beijingClock(now);
  if (d === null) throw new RangeError(`not a time: ${String(now)}`);
  return dateOf(d);
}

/**
 * The instant a Beijing calendar day begins: a day chosen by a person, as a range of stored UTC times.
 * @example beijingDayStart('2025-03-05') // 2025-03-04T16:00:00.000Z
 */
export function beijingDayStart(isoDate: string): Date {
  const ms = CALENDAR_DATE.test(isoDate) ? instantMs(`${isoDate}T00:00:00+08:00`) : null;
  if (ms === null) throw new RangeError(`not a calendar date: ${isoDate}`);
  return new Date(ms);
}

/** The current year in Beijing (the year that has begun there, though not yet in UTC). */
export function beijingYear(now: Instant = Date.now()): number {
  return Number(beijingToday(now).slice(0, 4));
}

/**
 * An instant as a stamp for a file name, in Beijing time with its offset so the name says which:
 * `2025-03-05T01-20-11-630+0800` (no colons, which some systems do not allow in names).
 */
export function formatBeijingFileStamp(value: Instant): string {
  const d = beijingClock(value);
  if (d === null) throw new RangeError(`not a time: ${String(value)}`);
  const time = [pad(d.getUTCHours()), pad(d.getUTCMinutes()), pad(d.getUTCSeconds()), pad(d.getUTCMilliseconds(), 3)];
  return `${dateOf(d)}T${time.join('-')}+0800`;
}
