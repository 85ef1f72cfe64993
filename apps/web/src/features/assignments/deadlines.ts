import { beijingToday, type Assignment } from '@kesu/schema';

const DAY_MS = 86_400_000;

/**
 * Today as an ISO date in Beijing, whatever zone the browser is set to: due dates are Beijing
 * calendar days, so a unit is late from the same moment for everyone.
 */
export function todayIso(now = new Date()): string {
  return beijingToday(now);
}

/** Whether the unit has handed the report in (a returned one is back on its desk). */
export function handedIn(a: Pick<Assignment, 'status'>): boolean {
  return a.status === 'submitted' || a.status === 'approved';
}

/**
 * Days past the due date of a report not handed in; null when it is not late (or has no due date).
 * @example daysLate({ dueDate: '2024-04-30', status: null }, '2024-05-03') // 3
 */
export function daysLate(a: Pick<Assignment, 'dueDate' | 'status'>, today: string): number | null {
  if (!a.dueDate || handedIn(a) || a.dueDate >= today) return null;
  return Math.round((Date.parse(today) - Date.parse(a.dueDate)) / DAY_MS);
}

/** Days left until the due date (0 on the day); null once handed in, late, or undated. */
export function daysLeft(a: Pick<Assignment, 'dueDate' | 'status'>, today: string): number | null {
  if (!a.dueDate || handedIn(a) || a.dueDate < today) return null;
  return Math.round((Date.parse(a.dueDate) - Date.parse(today)) / DAY_MS);
}
