import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { en } from '../../i18n/locales/en';
import { outlierHint } from './outlier-hint';

afterEach(() => {
  i18n.global.locale.value = 'zh-CN';
});

describe('outlierHint', () => {
  it.each([
    // A typo far below the usual level: a percentage, never 「0.0 倍」.
    [
      { direction: 'low', ratio: 0.0317, median: 94.5, basis: 4 },
      '人次',
      '仅为往期中位数（94.5人次）的 3%，依据 4 期',
      'only 3% of the median of earlier periods (94.5 person-times), from 4 period(s)',
    ],
    [
      { direction: 'low', ratio: 0.3, median: 2300, basis: 6 },
      '人',
      '仅为往期中位数（2,300人）的 0.3 倍，依据 6 期',
      'only 0.3× of the median of earlier periods (2,300 people), from 6 period(s)',
    ],
    [
      { direction: 'high', ratio: 8.18, median: 110, basis: 3 },
      '场',
      '约为往期中位数（110场）的 8.2 倍，依据 3 期',
      '8.2× the median of earlier periods (110 events), from 3 period(s)',
    ],
    [
      { direction: 'high', ratio: 4, median: 12.5, basis: 3 },
      '%',
      '约为往期中位数（12.5%）的 4 倍，依据 3 期',
      '4× the median of earlier periods (12.5%), from 3 period(s)',
    ],
    [
      { direction: 'high', ratio: Number.POSITIVE_INFINITY, median: 0, basis: 2 },
      '人',
      '往期 2 期均为 0，本期突然出现数值',
      'zero in all 2 earlier periods, a value now',
    ],
  ] as const)('%j %s', (outlier, unit, zh, english) => {
    expect(outlierHint(outlier, unit)).toBe(zh);
    i18n.global.setLocaleMessage('en', en);
    i18n.global.locale.value = 'en';
    expect(outlierHint(outlier, unit)).toBe(english);
  });
});
