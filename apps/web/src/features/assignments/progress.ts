import type { Assignment } from '@kesu/schema';
import { daysLate, daysLeft, handedIn } from './deadlines';

export interface ProgressSummary {
  total: number;
  handedIn: number;
  approved: number;
  late: number;
  dueSoon: number;
  /** Share handed in, 0–1 (1 when there is nothing to hand in). */
  completeness: number;
}

// A week's notice is what the office gives before chasing.
const SOON_DAYS = 7;

/** How far a set of assignments has got, as of a day. */
export function summarize(assignments: Assignment[], today: string): ProgressSummary {
  const total = assignments.length;
  const done = assignments.filter(handedIn).length;
  return {
    total,
    handedIn: done,
    approved: assignments.filter((a) => a.status === 'approved').length,
    late: assignments.filter((a) => daysLate(a, today) !== null).length,
    dueSoon: assignments.filter((a) => (daysLeft(a, today) ?? Infinity) <= SOON_DAYS).length,
    completeness: total === 0 ? 1 : done / total,
  };
}

/** The late ones, longest overdue first: who to chase. */
export function lateList(assignments: Assignment[], today: string): Array<{ assignment: Assignment; days: number }> {
  return assignments
    .flatMap((a) => {
      const days = daysLate(a, today);
      return days === null ? [] : [{ assignment: a, days }];
    })
    .sort(
      (x, y) =>
        y.days - x.days ||
        x.assignment.regionCode.localeCompare(y.assignment.regionCode) ||
        x.assignment.department.localeCompare(y.assignment.department),
    );
}

/**
 * The order the office reads a progress table in: late ones (longest overdue first), then those
 * still to come (soonest due first), then handed-in ones (latest period first).
 */
export function byUrgency(assignments: Assignment[], today: string): Assignment[] {
  const rank = (a: Assignment) => (daysLate(a, today) !== null ? 0 : handedIn(a) ? 2 : 1);
  return [...assignments].sort((x, y) => {
    const r = rank(x) - rank(y);
    if (r !== 0) return r;
    if (rank(x) === 0) return (daysLate(y, today) ?? 0) - (daysLate(x, today) ?? 0);
    if (rank(x) === 1) return (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999');
    return y.period.localeCompare(x.period) || x.department.localeCompare(y.department);
  });
}
