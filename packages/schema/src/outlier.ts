// Whether a reported value is far from the same unit's own history: one rule for the reviewer's
// hint, the approval that asks to confirm it, and the warehouse that flags it behind a status.
import type { Field } from './form/definition.js';

export interface Outlier {
  direction: 'high' | 'low';
  /** The value over the median of the unit's own earlier values. */
  ratio: number;
  median: number;
  /** How many earlier values the judgement rests on. */
  basis: number;
}

// A value three times its usual level (or a third of it) is worth a second look; so is a
// robust z-score beyond 3.5 (Iglewicz and Hoaglin's rule for the median absolute deviation).
const RATIO = 3;
const ROBUST_Z = 3.5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Whether a value is far from the same unit's earlier values of the field.
 * @example outlierOf(900, [100, 120, 110]) // { direction: 'high', ratio: 8.18, … }
 */
export function outlierOf(value: number, history: number[]): Outlier | null {
  if (history.length === 0) return null;
  const m = median(history);
  if (m === 0)
    return value > 0 && history.length >= 2
      ? { direction: 'high', ratio: Infinity, median: 0, basis: history.length }
      : null;
  const ratio = value / m;
  const mad = history.length >= 3 ? median(history.map((x) => Math.abs(x - m))) : 0;
  const z = mad > 0 ? (0.6745 * (value - m)) / mad : 0;
  const far = ratio >= RATIO || ratio <= 1 / RATIO || Math.abs(z) > ROBUST_Z;
  return far ? { direction: value > m ? 'high' : 'low', ratio, median: m, basis: history.length } : null;
}

/** Outliers of a submission's numeric fields against the unit's earlier periods (computed ones too). */
export function outliersOf(
  fields: Field[],
  values: Record<string, unknown>,
  history: Array<{ values: Record<string, unknown> }>,
): Record<string, Outlier> {
  const out: Record<string, Outlier> = {};
  for (const field of fields) {
    if (field.type !== 'integer' && field.type !== 'decimal' && field.type !== 'percent') continue;
    const value = values[field.id];
    if (typeof value !== 'number') continue;
    const earlier = history
      .map((h) => h.values[field.id])
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const found = outlierOf(value, earlier);
    if (found) out[field.id] = found;
  }
  return out;
}
