import { actualUnitOf, formatGoal, formatQuantity, type Comparator, type Lang } from '@kesu/schema';
import type { ProgressStatus, TargetProgress } from '../../api/analytics';

export const STATUSES: ProgressStatus[] = ['achieved', 'on_track', 'at_risk', 'behind', 'no_data'];

type Goal = Pick<TargetProgress, 'comparator' | 'unit'> & { value: number | null };

/** A target's value with its comparator and unit: `≥ 1,000人次`, `> 18%`, `≥ 1,000 person-times`. */
export function goalText(target: Goal, lang: Lang): string {
  if (target.value === null) return '—';
  return formatGoal(target.comparator as Comparator, target.value, target.unit, { lang });
}

/**
 * An amount read against a target, in the unit its actual
 * counts in (a per-unit target's is a share of units, in %).
 */
export function targetAmountText(
  target: Pick<TargetProgress, 'scope' | 'unit'>,
  amount: number | null,
  lang: Lang,
): string {
  if (amount === null) return '—';
  return formatQuantity(amount, actualUnitOf(target), { lang });
}

export interface StatusSummary {
  counts: Record<ProgressStatus, number>;
  total: number;
  /** Achieved or on track, as a share of every target (no data counts against it); null without targets. */
  share: number | null;
}

/** How a region's targets stand, as the region score counts them. */
export function statusSummary(targets: readonly { status: ProgressStatus | null }[]): StatusSummary {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  for (const t of targets) counts[t.status ?? 'no_data'] += 1;
  const total = targets.length;
  return { counts, total, share: total === 0 ? null : (counts.achieved + counts.on_track) / total };
}
