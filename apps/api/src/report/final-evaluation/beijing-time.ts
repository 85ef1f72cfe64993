// Plans count their years, and offices read their times, in Beijing (UTC+8, no daylight saving).
const OFFSET_MS = 8 * 3_600_000;

/** The calendar year in Beijing at a moment. */
export function beijingYear(at: Date): number {
  return new Date(at.getTime() + OFFSET_MS).getUTCFullYear();
}

/** `2026-12-06 00:57` in Beijing time (the caller labels it 北京时间). */
export function beijingMinute(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
