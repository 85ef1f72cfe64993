import { periodDates, periodsWithin } from '@kesu/schema';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export const FIRST_YEAR = 2021;
export const LAST_YEAR = 2025;

/** Days between the end of a quarter and its due date (the 15th of the following month). */
const DUE_AFTER_DAYS = 15;

/**
 * The synthetic world's clock: nothing is saved, submitted or reviewed after it. Two weeks past
 * the due date of 2025Q4, so the last quarter still has reports waiting for review.
 */
export const AS_OF_MS = Date.UTC(2026, 0, 31);

export interface Quarter {
  /** 0 for 2021Q1 … 19 for 2025Q4. */
  index: number;
  code: string;
  year: number;
  /** 1–4. */
  quarter: number;
  /** Midnight UTC of the quarter's first day. */
  startMs: number;
  /** Midnight UTC of the day after the quarter's last day. */
  endMs: number;
  /** The due date as days since 1970-01-01 (a DuckDB DATE). */
  dueDay: number;
  /** Midnight UTC starting the day after the due date: a first submission from then on is late. */
  lateFromMs: number;
}

function quarterOf(code: string, index: number): Quarter {
  const { start, end } = periodDates(code);
  const endMs = end.getTime();
  const dueDay = endMs / DAY_MS - 1 + DUE_AFTER_DAYS;
  return {
    index,
    code,
    year: Number(code.slice(0, 4)),
    quarter: Number(code.slice(5)),
    startMs: start.getTime(),
    endMs,
    dueDay,
    lateFromMs: (dueDay + 1) * DAY_MS,
  };
}

/** 2021Q1 … 2025Q4: the twenty quarters every department reports. */
export const QUARTERS: readonly Quarter[] = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, y) =>
  periodsWithin(String(FIRST_YEAR + y), 'quarter'),
)
  .flat()
  .map(quarterOf);

/**
 * A moment during office hours, 09:00–18:00 Beijing time (01:00–10:00 UTC), on the UTC day
 * holding `ms`. `fraction` in [0, 1) places it within the working day.
 */
export function officeHours(ms: number, fraction: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS + HOUR_MS + Math.floor(fraction * 9 * HOUR_MS);
}
