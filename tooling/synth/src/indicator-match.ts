import type { Indicator } from '@kesu/schema';

/** Units that count the same thing, so a target in 名 may measure an indicator kept in 人. */
const UNIT_FAMILIES: readonly (readonly string[])[] = [
  ['人', '名', '位'],
  ['场', '场次', '次'],
  ['个', '处', '支', '所'],
  ['平方米', '平米'],
];

function sameUnit(a: string, b: string): boolean {
  return a === b || UNIT_FAMILIES.some((family) => family.includes(a) && family.includes(b));
}

/**
 * The catalog indicator a template target counts: among indicators in a compatible unit, the
 * one whose keywords cover most of the target's metric; null when no keyword of two or more
 * characters occurs. The seed plans are reviewed without indicator codes, so synthetic plans
 * need this to tie their targets to the values departments report.
 */
export function matchIndicator(
  indicators: readonly Indicator[],
  metric: string,
  unit: string | null,
): Indicator | null {
  let best: Indicator | null = null;
  let bestScore = 1;
  for (const indicator of indicators) {
    if (unit === null || !sameUnit(unit, indicator.unit)) continue;
    const score = indicator.keywords.reduce((sum, keyword) => sum + (metric.includes(keyword) ? keyword.length : 0), 0);
    if (score > bestScore) {
      best = indicator;
      bestScore = score;
    }
  }
  return best;
}
