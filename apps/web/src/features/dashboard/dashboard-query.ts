import type { LocationQuery } from 'vue-router';
import { beijingYear } from '@kesu/schema';

/** The dashboard's place in the address (`?region=510100&year=2025`), so a view can be shared. */
export interface DashboardQuery {
  region: string | null;
  year: number | null;
}

// The 十四五 plans begin in 2021; nothing earlier is reported.
export const FIRST_YEAR = 2021;

const single = (value: LocationQuery[string] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

/** Reads region and year from the address; anything malformed counts as not given. */
export function readDashboardQuery(query: LocationQuery): DashboardQuery {
  const region = single(query['region']);
  const year = Number(single(query['year']));
  return {
    region: region !== null && /^\d{6}$/.test(region) ? region : null,
    year: Number.isInteger(year) && year >= FIRST_YEAR && year <= 2100 ? year : null,
  };
}

/**
 * The year to show when the address names none: the year of the period chosen in the header,
 * else last year (a year's reports are handed in after it ends, so the current one is mostly empty).
 */
export function defaultYear(period: string | null, today: Date): number {
  const fromPeriod = period === null ? NaN : Number(period.slice(0, 4));
  return Number.isInteger(fromPeriod) && fromPeriod >= FIRST_YEAR ? fromPeriod : beijingYear(today) - 1;
}

/** The years offered in the picker, newest first. */
export function offeredYears(today: Date): number[] {
  const year = beijingYear(today);
  return Array.from({ length: year - FIRST_YEAR + 1 }, (_, i) => year - i);
}
