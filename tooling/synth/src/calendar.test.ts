import { describe, expect, it } from 'vitest';
import { AS_OF_MS, DAY_MS, officeHours, QUARTERS } from './calendar.js';

const isoDay = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

describe('QUARTERS', () => {
  it('runs from 2021Q1 to 2025Q4', () => {
    expect(QUARTERS.map((q) => q.code)).toHaveLength(20);
    expect(QUARTERS[0]).toMatchObject({ index: 0, code: '2021Q1', year: 2021, quarter: 1 });
    expect(QUARTERS[19]).toMatchObject({ index: 19, code: '2025Q4', year: 2025, quarter: 4 });
  });

  it('falls due 15 days after each quarter ends, before the clock stops', () => {
    expect(QUARTERS.map((q) => isoDay(q.dueDay)).slice(0, 4)).toEqual([
      '2021-04-15',
      '2021-07-15',
      '2021-10-15',
      '2022-01-15',
    ]);
    const last = QUARTERS[19];
    expect(last && isoDay(last.dueDay)).toBe('2026-01-15');
    expect(last && last.lateFromMs).toBeLessThan(AS_OF_MS);
  });
});

describe('officeHours', () => {
  it('places a moment between 09:00 and 18:00 Beijing time on the same day', () => {
    const day = Date.UTC(2024, 2, 1);
    expect(new Date(officeHours(day + 20 * 3_600_000, 0)).toISOString()).toBe('2024-03-01T01:00:00.000Z');
    expect(new Date(officeHours(day, 0.9999)).toISOString().slice(11, 13)).toBe('09');
  });
});
