import { periodDates, periodsWithin, type PeriodKind } from '@kesu/schema';

const DAY_MS = 86_400_000;

/** Whole years, first and last included. */
export interface YearSpan {
  start: number;
  end: number;
}

/**
 * The years a form is assigned for: its plan's years, or, for a form made without a plan, the
 * four years before this one and this one.
 */
export function reportingYears(plan: YearSpan | null, today: string): YearSpan {
  if (plan) return plan;
  const year = Number(today.slice(0, 4));
  return { start: year - 4, end: year };
}

/**
 * Every period of a kind in the years, in order.
 * @example periodsOfYears('half', { start: 2024, end: 2025 }) // ['2024S1', '2024S2', '2025S1', '2025S2']
 */
export function periodsOfYears(kind: PeriodKind, years: YearSpan): string[] {
  const out: string[] = [];
  for (let year = years.start; year <= years.end; year++) out.push(...periodsWithin(String(year), kind));
  return out;
}

/** The first day of a period as `YYYY-MM-DD`. */
const startOf = (period: string) => periodDates(period).start.toISOString().slice(0, 10);

/**
 * The latest period that has begun by today: what an office usually assigns now. A plan not yet
 * begun offers its first period; one already over, its last.
 * @example latestOpenPeriod(['2025Q3', '2025Q4', '2026Q1'], '2025-12-05') // '2025Q4'
 */
export function latestOpenPeriod(periods: string[], today: string): string | null {
  return periods.filter((p) => startOf(p) <= today).at(-1) ?? periods[0] ?? null;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The usual due date: half a month after the last chosen period ends, or, for periods long over,
 * two weeks from today (a deadline already past would make every new assignment late at once).
 * @example usualDueDate(['2025Q1'], '2025-03-10') // '2025-04-15'
 */
export function usualDueDate(periods: string[], today: string): string | null {
  const last = [...periods].sort().at(-1);
  if (!last) return null;
  const usual = isoDay(periodDates(last).end.getTime() + 14 * DAY_MS);
  return usual >= today ? usual : isoDay(Date.parse(today) + 14 * DAY_MS);
}

/** Days a due date lies before today (both Beijing calendar days); 0 when it is today or later. */
export function daysPast(dueDate: string | null, today: string): number {
  if (!dueDate || dueDate >= today) return 0;
  return Math.round((Date.parse(today) - Date.parse(dueDate)) / DAY_MS);
}
