import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beijingDayStart,
  beijingToday,
  beijingYear,
  formatBeijingDate,
  formatBeijingDateTime,
  formatBeijingFileStamp,
  instantMs,
} from './beijing-time.js';

// Zones far from Beijing on both sides, and UTC: the machine's zone must not change what is shown.
const ZONES = ['America/New_York', 'UTC', 'Pacific/Kiritimati'];

describe.each(ZONES)('Beijing time with the machine in %s', (zone) => {
  const before = process.env['TZ'];
  beforeAll(() => {
    process.env['TZ'] = zone;
  });
  afterAll(() => {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  });

  it('really runs in that zone', () => {
    const hours = { 'America/New_York': 11, UTC: 16, 'Pacific/Kiritimati': 6 }[zone];
    expect(new Date('2025-12-31T16:30:00Z').getHours()).toBe(hours);
  });

  it('shows a UTC instant as Beijing date and time, across the year end', () => {
    expect(formatBeijingDateTime('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30');
    expect(formatBeijingDateTime('2025-12-31T16:30:00.000Z')).toBe('2026-01-01 00:30');
    expect(formatBeijingDateTime(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01 00:30');
    expect(formatBeijingDateTime(Date.UTC(2025, 11, 31, 16, 30))).toBe('2026-01-01 00:30');
    expect(formatBeijingDateTime('2025-12-31T15:59:59.999Z')).toBe('2025-12-31 23:59');
  });

  it('reads DuckDB’s text as UTC, with any fraction or none', () => {
    expect(formatBeijingDateTime('2025-12-31 16:30:00.5')).toBe('2026-01-01 00:30');
    expect(formatBeijingDateTime('2025-03-04 17:20:11.630')).toBe('2025-03-05 01:20');
    expect(formatBeijingDateTime('2025-03-04 17:20:11.630', { seconds: true })).toBe('2025-03-05 01:20:11');
    expect(formatBeijingDateTime('2025-03-04 17:20:11.630123', { seconds: true })).toBe('2025-03-05 01:20:11');
    expect(formatBeijingDateTime('2025-03-04 17:20', { seconds: true })).toBe('2025-03-05 01:20:00');
    expect(formatBeijingDateTime('2025-03-04T17:20:11')).toBe('2025-03-05 01:20');
  });

  it('honours an offset written in the text', () => {
    expect(formatBeijingDateTime('2025-03-05T01:20:00+08:00')).toBe('2025-03-05 01:20');
    expect(formatBeijingDateTime('2025-03-04 17:20:11.63+00')).toBe('2025-03-05 01:20');
    expect(formatBeijingDateTime('2025-03-04T12:20:00-0500')).toBe('2025-03-05 01:20');
  });

  it('gives the Beijing calendar date', () => {
    expect(formatBeijingDate('2025-12-31T16:30:00Z')).toBe('2026-01-01');
    expect(formatBeijingDate('2025-12-31 15:59:59.999')).toBe('2025-12-31');
    expect(formatBeijingDate('2024-02-28 16:00:00')).toBe('2024-02-29');
    // A calendar date is a day already, not midnight UTC to be moved.
    expect(formatBeijingDate('2025-03-05')).toBe('2025-03-05');
  });

  it('takes today and this year from Beijing’s calendar', () => {
    expect(beijingToday(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31');
    expect(beijingToday(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(beijingToday(Date.UTC(2024, 6, 9, 20))).toBe('2024-07-10');
    expect(beijingYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(beijingYear(new Date('2025-12-31T15:00:00Z'))).toBe(2025);
    expect(beijingToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('starts a Beijing day at 16:00 UTC the day before, across month and year ends', () => {
    expect(beijingDayStart('2025-03-05').toISOString()).toBe('2025-03-04T16:00:00.000Z');
    expect(beijingDayStart('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(beijingDayStart('2024-03-01').toISOString()).toBe('2024-02-29T16:00:00.000Z');
  });

  it('stamps a file name in Beijing time, with the offset', () => {
    expect(formatBeijingFileStamp(new Date('2025-03-04T17:20:11.630Z'))).toBe('2025-03-05T01-20-11-630+0800');
  });
});

describe('what is not a time', () => {
  it('comes back as given, so nothing shown is lost', () => {
    expect(formatBeijingDateTime('—')).toBe('—');
    expect(formatBeijingDateTime('2025-02-30 10:00:00')).toBe('2025-02-30 10:00:00');
    expect(formatBeijingDateTime('2025-03-04 24:00:00')).toBe('2025-03-04 24:00:00');
    expect(formatBeijingDate('infinity')).toBe('infinity');
    expect(instantMs(new Date(Number.NaN))).toBeNull();
    expect(instantMs(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('is refused where a time is needed', () => {
    expect(() => beijingDayStart('2025-02-30')).toThrow(RangeError);
    expect(() => beijingDayStart('2025-03-05T00:00')).toThrow(RangeError);
    expect(() => beijingToday(Number.NaN)).toThrow(RangeError);
    expect(() => formatBeijingFileStamp('soon')).toThrow(RangeError);
  });
});
