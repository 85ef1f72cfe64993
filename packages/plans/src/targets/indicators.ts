import type { Indicator, IndicatorCatalog } from '@kesu/schema';

/** Prefix of indicators made for targets that no catalog entry measures. */
export const LOCAL_PREFIX = 'local_';

function units(unit: string | null): string[] {
  if (unit === null) return [];
  if (unit === '名' || unit === '人' || unit === '位') return ['人', '名', '人次'];
  if (unit === '场' || unit === '场次' || unit === '次') return ['场', '场次', '次'];
  if (unit === '平米' || unit === '平方米') return ['平方米', '平米'];
  return [unit];
}

/**
 * The catalog indicator a target clause measures: the one whose keywords appear in the clause
 * most (earlier keywords weigh more) among those with a compatible unit; null when none fits.
 */
export function mapIndicator(catalog: IndicatorCatalog, text: string, unit: string | null): Indicator | null {
  const compatible = units(unit);
  let best: Indicator | null = null;
  let bestScore = 0;
  for (const indicator of catalog.indicators) {
    if (compatible.length > 0 && !compatible.includes(indicator.unit) && !(indicator.unit === '%' && unit === '%'))
      continue;
    const score = indicator.keywords.reduce(
      (sum, keyword, i) => sum + (text.includes(keyword) ? keyword.length * (1 + 1 / (i + 1)) : 0),
      0,
    );
    if (score > bestScore) {
      best = indicator;
      bestScore = score;
    }
  }
  return bestScore >= 2 ? best : null;
}

/** A stable plan-local code for a target no catalog indicator measures. */
export function localIndicatorCode(index: number): string {
  return `${LOCAL_PREFIX}${String(index + 1).padStart(3, '0')}`;
}
