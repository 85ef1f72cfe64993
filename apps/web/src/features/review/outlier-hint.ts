import { formatQuantity, formatRatio, type Outlier } from '@kesu/schema';
import { contentLang, i18n } from '../../i18n';

/**
 * What the reviewer reads beside a value far from the unit's history: how far, against the
 * usual amount with its unit. A value far below reads as a percentage of it (3%), never 0.0 倍.
 * @example outlierHint({ direction: 'low', ratio: 0.03, median: 94.5, basis: 4 }, '人次') // '仅为往期中位数（94.5人次）的 3%，依据 4 期'
 */
export function outlierHint(outlier: Outlier, unit: string | null | undefined): string {
  const t = i18n.global.t;
  const lang = contentLang();
  if (!Number.isFinite(outlier.ratio)) return t('review.outlierFromZero', { n: outlier.basis });
  const words = {
    ratio: formatRatio(outlier.ratio, lang),
    median: formatQuantity(outlier.median, unit, { lang, exact: true }),
    n: outlier.basis,
  };
  return t(outlier.direction === 'high' ? 'review.outlierHigh' : 'review.outlierLow', words);
}
