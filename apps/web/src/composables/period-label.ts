import { parsePeriod } from '@kesu/schema';
import { i18n } from '../i18n';

/**
 * A period code as people say it: 2024Q3 → 2024年第三季度 (or 2024 Q3 in English).
 * @example periodLabel('2024S1') // '2024年上半年'
 */
export function periodLabel(code: string): string {
  const p = parsePeriod(code);
  if (!p) return code;
  const t = i18n.global.t;
  switch (p.kind) {
    case 'year':
      return t('period.year', { year: p.year });
    case 'half':
      return t(p.index === 1 ? 'period.firstHalf' : 'period.secondHalf', { year: p.year });
    case 'quarter':
      return t('period.quarter', { year: p.year, quarter: t(`period.quarterNames.${p.index - 1}`) });
    case 'month':
      return t('period.month', { year: p.year, month: p.index });
  }
}
