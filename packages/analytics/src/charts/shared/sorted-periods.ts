import { comparePeriods, parsePeriod } from '@kesu/schema';

/** Distinct period codes in time order (a year before its first quarter); codes that do not parse go last. */
export function sortedPeriods(codes: Iterable<string>): string[] {
  const valid = (c: string): boolean => parsePeriod(c) !== null;
  return [...new Set(codes)].sort((a, b) =>
    valid(a) && valid(b) ? comparePeriods(a, b) : Number(!valid(a)) - Number(!valid(b)) || a.localeCompare(b),
  );
}
