import type { ProgressStatus, TargetProgress } from '../api/analytics';

export const STATUSES: ProgressStatus[] = ['achieved', 'on_track', 'at_risk', 'behind', 'no_data'];

const COMPARATOR_SIGNS: Record<string, string> = { '>=': '≥', '>': '>', '~': '≈', '=': '' };

// One formatter for every number: making one costs more than formatting with it.
const AMOUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A number as both languages print it: thousands separators, at most one decimal. */
export function amountText(value: number): string {
  return AMOUNT.format(value);
}

/** A target's value with its comparator and unit: `≥ 1,000 人次`, `> 18%`. */
export function goalText(target: Pick<TargetProgress, 'comparator' | 'unit'> & { value: number | null }): string {
  if (target.value === null) return '—';
  const sign = COMPARATOR_SIGNS[target.comparator] ?? target.comparator;
  const unit = target.unit ?? '';
  const spaced = unit === '%' ? unit : unit && ` ${unit}`;
  return `${sign ? `${sign} ` : ''}${amountText(target.value)}${spaced}`;
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
