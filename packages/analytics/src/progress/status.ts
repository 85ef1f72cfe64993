import type { Comparator, Localized } from '@kesu/schema';

export const PROGRESS_STATUSES = ['achieved', 'on_track', 'at_risk', 'behind', 'no_data'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** The status words shown beside a target, in both languages. */
export const statusLabels: Record<ProgressStatus, Localized> = {
  achieved: { zh: '已完成', en: 'Achieved' },
  on_track: { zh: '进度正常', en: 'On track' },
  at_risk: { zh: '存在风险', en: 'At risk' },
  behind: { zh: '进度滞后', en: 'Behind' },
  no_data: { zh: '暂无数据', en: 'No data' },
};

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
