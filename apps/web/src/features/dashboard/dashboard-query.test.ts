import { describe, expect, it } from 'vitest';
import { defaultYear, offeredYears, readDashboardQuery } from './dashboard-query';

describe('readDashboardQuery', () => {
  it('reads a shared address', () => {
    expect(readDashboardQuery({ region: '510100', year: '2025' })).toEqual({ region: '510100', year: 2025 });
  });

  it.each([[{ region: '5101', year: 'x' }], [{ region: ['<b>'], year: '1999' }], [{}]])(
    'treats a malformed address %j as not given',
    (query) => {
      expect(readDashboardQuery(query)).toEqual({ region: null, year: null });
    },
  );
});

describe('defaultYear', () => {
  const today = new Date('2026-03-01T00:00:00Z');
  it('follows the period chosen in the header', () => {
    expect(defaultYear('2024Q3', today)).toBe(2024);
  });
  it('otherwise shows last year, the latest one fully reported', () => {
    expect(defaultYear(null, today)).toBe(2025);
  });
  it('offers every year of the plans, newest first', () => {
    expect(offeredYears(today)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
  });
  it('turns the year at Beijing’s midnight, not the browser’s or UTC’s', () => {
    const newYearInBeijing = new Date('2025-12-31T16:30:00Z');
    expect(defaultYear(null, newYearInBeijing)).toBe(2025);
    expect(offeredYears(newYearInBeijing)[0]).toBe(2026);
    expect(defaultYear(null, new Date('2025-12-31T15:30:00Z'))).toBe(2024);
  });
});
