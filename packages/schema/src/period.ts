// Period arithmetic only, without zod: pages that only show periods load none of the schemas.
// The schemas of periods are in period-schema.ts.
export const PERIOD_KINDS = ['year', 'half', 'quarter', 'month'] as const;
type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The bounds of a year a period or a plan may name. */
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;

/** Months per period of each kind; every kind tiles the year exactly. */
const MONTHS: Record<PeriodKind, number> = { year: 12, half: 6, quarter: 3, month: 1 };

const PATTERN = /^(\d{4})(?:S([12])|Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** A parsed period: its kind, year and 1-based index within the year (always 1 for a year). */
export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  index: number;
}

/** Parses `2024`, `2024S1`, `2024Q3` or `2024-07`; returns null for anything else. */
export function parsePeriod(code: string): ParsedPeriod | null {
  const m = PATTERN.exec(code);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (m[2]) return { kind: 'half', year, index: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, index: Number(m[3]) };
  if (m[4]) return { kind: 'month', year, index: Number(m[4]) };
  return { kind: 'year', year, index: 1 };
}

function mustParse(code: string): ParsedPeriod {
  const p = parsePeriod(code);
  if (!p) throw new RangeError(`not a period: ${JSON.stringify(code)}`);
  return p;
}

/**
 * Formats a parsed period back into its code.
 * @example formatPeriod({ kind: 'quarter', year: 2025, index: 1 }) // '2025Q1'
 */
export function formatPeriod(p: ParsedPeriod): string {
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'half':
      return `${p.year}S${p.index}`;
    case 'quarter':
      return `${p.year}Q${p.index}`;
    case 'month':
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
  }
}

/** Months since year 0 of the first month of the period (inclusive) and after its last (exclusive). */
function monthRange(p: ParsedPeriod): [number, number] {
  const size = MONTHS[p.kind];
  const start = p.year * 12 + (p.index - 1) * size;
  return [start, start + size];
}

// Valid codes are a few thousand at most (years 1949–2100), and the progress engine compares
// the same ones hundreds of thousands of times: each is parsed once.
const RANGES = new Map<string, readonly [number, number]>();

/** The month range of a period code, parsed once per code. */
function rangeOf(code: string): readonly [number, number] {
  let range = RANGES.get(code);
  if (range === undefined) {
    range = monthRange(mustParse(code));
    RANGES.set(code, range);
  }
  return range;
}

export function periodKindOf(code: string): PeriodKind {
  return mustParse(code).kind;
}

/** Orders by start, then longer periods first, so a year sorts before its first quarter. */
export function comparePeriods(a: string, b: string): number {
  const [as, ae] = rangeOf(a);
  const [bs, be] = rangeOf(b);
  return as - bs || be - ae;
}

/** True when `inner` lies wholly within `outer` (a period contains itself). */
export function periodContains(outer: string, inner: string): boolean {
  const [os, oe] = rangeOf(outer);
  const [is, ie] = rangeOf(inner);
  return os <= is && ie <= oe;
}

/**
 * The period of a coarser (or equal) kind that contains this one.
 * @example rollUpPeriod('2024-08', 'half') // '2024S2'
 */
export function rollUpPeriod(code: string, kind: PeriodKind): string {
  const p = mustParse(code);
  if (MONTHS[kind] < MONTHS[p.kind]) throw new RangeError(`cannot roll ${code} up to a finer ${kind}`);
  const [start] = monthRange(p);
  const monthOfYear = start - p.year * 12;
  return formatPeriod({ kind, year: p.year, index: Math.floor(monthOfYear / MONTHS[kind]) + 1 });
}

/** The period `steps` periods of the same kind later (negative: earlier). 2024Q4 + 1 = 2025Q1. */
export function shiftPeriod(code: string, steps: number): string {
  const p = mustParse(code);
  const perYear = 12 / MONTHS[p.kind];
  const ordinal = p.year * perYear + (p.index - 1) + steps;
  const shifted = { kind: p.kind, year: Math.floor(ordinal / perYear), index: (ordinal % perYear) + 1 };
  return formatPeriod(shifted);
}

/** Every period of `kind` inside `code`, in order. */
export function periodsWithin(code: string, kind: PeriodKind): string[] {
  const p = mustParse(code);
  if (MONTHS[kind] > MONTHS[p.kind]) throw new RangeError(`a ${kind} does not fit inside ${code}`);
  const [start, end] = monthRange(p);
  const out: string[] = [];
  for (let m = start; m < end; m += MONTHS[kind]) {
    out.push(rollUpPeriod(formatPeriod({ kind: 'month', year: Math.floor(m / 12), index: (m % 12) + 1 }), kind));
  }
  return out;
}

/** First day (inclusive) and the day after the last (exclusive), as UTC dates. */
export function periodDates(code: string): { start: Date; end: Date } {
  const [s, e] = monthRange(mustParse(code));
  return {
    start: new Date(Date.UTC(Math.floor(s / 12), s % 12, 1)),
    end: new Date(Date.UTC(Math.floor(e / 12), e % 12, 1)),
  };
}

const DAY_MS = 86_400_000;

/** Number of days in the period; leap years count 29 February. */
export function daysInPeriod(code: string): number {
  const { start, end } = periodDates(code);
  return Math.round((end.getTime() - start.getTime()) / DAY_MS);
}

/** The period of `kind` that contains an ISO date `YYYY-MM-DD`. */
export function periodOfDate(isoDate: string, kind: PeriodKind): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.getUTCDate() !== Number(m[3]) || date.getUTCMonth() !== Number(m[2]) - 1) {
    throw new RangeError(`not a calendar date: ${JSON.stringify(isoDate)}`);
  }
  const month = formatPeriod({ kind: 'month', year: date.getUTCFullYear(), index: date.getUTCMonth() + 1 });
  return rollUpPeriod(month, kind);
}

/**
 * Share of a plan period elapsed at the end of a reporting period, in days, clamped to [0, 1].
 * It is the expected pace of a cumulative target.
 * @example planShareElapsed({ start: 2021, end: 2025 }, '2023') // ≈ 0.6 (1,095 of 1,826 days)
 */
export function planShareElapsed(plan: { start: number; end: number }, asOf: string): number {
  const start = Date.UTC(plan.start, 0, 1);
  const end = Date.UTC(plan.end + 1, 0, 1);
  const at = periodDates(asOf).end.getTime();
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}
