import type { DisaggregationValue, Indicator, IndicatorCatalog } from '@kesu/schema';

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
    if (compatible.length > 0 && !compatible.includes(indicator.unit) && !(indicator.unit === '%' && unit === '%')) continue;
    const score = indicator.keywords.reduce((sum, keyword, i) => sum + (text.includes(keyword) ? keyword.length * (1 + 1 / (i + 1)) : 0), 0);
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

/**
 * The breakdown values of an indicator a target's words name, in the order printed: 培训农牧民7万人次
 * names the target group 农民. A value is named by its keywords or its own name; where two overlap
 * (新生代农民工, 农民) the longer one wins.
 * @example breakdownOf(catalog, trainings, '开展“百嘎丽智惠科普大讲堂”等妇女、儿童科学素质培训5场次') // [妇女, 儿童]
 */
export function breakdownOf(catalog: IndicatorCatalog, indicator: Indicator, text: string): DisaggregationValue[] {
  const found: Array<{ value: DisaggregationValue; start: number; end: number }> = [];
  const words = indicator.disaggregations
    .flatMap((d) => catalog.disaggregations[d]?.values ?? [])
    .flatMap((value) => [value.nameZh, ...(value.keywords ?? [])].map((word) => ({ value, word })))
    .sort((a, b) => b.word.length - a.word.length);
  for (const { value, word } of words) {
    for (let start = text.indexOf(word); start >= 0; start = text.indexOf(word, start + 1)) {
      const end = start + word.length;
      if (!found.some((f) => f.start < end && start < f.end)) found.push({ value, start, end });
    }
  }
  const ordered = found.sort((a, b) => a.start - b.start).map((f) => f.value);
  return ordered.filter((value, i) => ordered.indexOf(value) === i);
}
