import type { Comparator, ProgressStatus } from '@kesu/schema';

export { PROGRESS_STATUSES, statusLabels, type ProgressStatus } from '@kesu/schema';

/** On pace at 90 % of what the time elapsed asks for; at risk down to 70 %; behind below. */
export const ON_TRACK_SHARE = 0.9;
export const AT_RISK_SHARE = 0.7;

/** Whether an actual value satisfies a target value under its comparator. */
export function meets(actual: number, comparator: Comparator, value: number): boolean {
  switch (comparator) {
    case '>':
      return actual > value;
    case '~':
      // 左右: within a tenth of the value counts as reached.
      return actual >= value * 0.9;
    default:
      // 不少于, 达到 and a bare number all set a floor; a range 1—2 is met from its lower end.
      return actual >= value;
  }
}

/**
 * achieved / on_track / at_risk / behind from an actual and what is expected by now. Once the
 * time is up (`timeUp`: the year or the plan's deadline has ended), a target not met was missed:
 * behind, however close it came.
 */
export function paceStatus(actual: number, expectedNow: number, metTarget: boolean, timeUp = false): ProgressStatus {
  if (metTarget) return 'achieved';
  if (timeUp) return 'behind';
  if (expectedNow <= 0 || actual >= expectedNow * ON_TRACK_SHARE) return 'on_track';
  if (actual >= expectedNow * AT_RISK_SHARE) return 'at_risk';
  return 'behind';
}
