import type { Comparator } from '@kesu/schema';
import { HANZI_NUMERAL, parseNumber } from '../text/numbers.js';

/** Counting words a target's number is printed with; longest first so 人次 wins over 人. */
export const COUNTERS = [
  '个百分点',
  '百分点',
  '平方米',
  '平米',
  '人次',
  '场次',
  '户次',
  '家次',
  '批次',
  '课时',
  '学时',
  '小时',
  '公里',
  '册次',
  '名',
  '人',
  '所',
  '个',
  '场',
  '次',
  '户',
  '项',
  '处',
  '支',
  '家',
  '期',
  '篇',
  '部',
  '套',
  '件',
  '座',
  '册',
  '门',
  '间',
  '届',
  '种',
  '条',
  '类',
  '位',
  '团',
  '队',
  '站',
  '台',
  '本',
  '份',
  '节',
  '元',
  '%',
];

const NUM = `(\\d+(?:\\.\\d+)?|[${HANZI_NUMERAL}]+(?:点[零〇一二三四五六七八九]+)?)`;
const RANGE_SEP = '(?:[—\\-–~～]{1,2}|至|到)';
/** Words a number is led in with: 不少于2000名, 达到90%. */
export const LEADING_WORDS = [
  '不少于',
  '不低于',
  '不超过',
  '至少',
  '超过',
  '达到',
  '力争达到',
  '力争',
  '提升至',
  '提升到',
  '提高至',
  '提高到',
  '增加到',
  '增至',
  '保持在',
  '达',
  '约',
  '超',
];
const PRE = `(${LEADING_WORDS.join('|')})?`;
const COUNTER = `(${COUNTERS.join('|')})`;
const QUANTITY = new RegExp(
  `${PRE}(百分之)?${NUM}([万亿])?(?:${RANGE_SEP}${NUM}([万亿])?)?(余|多)?${COUNTER}?(?:\\([^)]{1,3}\\))?(以上|左右|以内|余)?`,
  'gd',
);

/** A number printed with what it counts, before any judgement of whether it is a target. */
export interface Quantity {
  /** Offsets in the clause-bearing string it was found in. */
  start: number;
  end: number;
  value: number;
  valueMax: number | null;
  unit: string;
  comparator: Comparator;
  hanzi: boolean;
  /** Offsets of the counting word as printed, or null for 百分之 (read as %). */
  unitAt: { start: number; end: number } | null;
}

const COMPARATORS: Array<[RegExp, Comparator]> = [
  [/^(超过|超)$|^(余|多)$/, '>'],
  [/^(左右|约)$/, '~'],
  [/^(不少于|不低于|至少|达到|力争达到|力争|提升至|提升到|提高至|提高到|增加到|增至|达|以上)$/, '>='],
];

function comparatorOf(words: Array<string | undefined>): Comparator {
  for (const [re, comparator] of COMPARATORS) if (words.some((w) => w !== undefined && re.test(w))) return comparator;
  return '=';
}

/**
 * Every number in a string printed with a counting word (or as a percentage), with its
 * comparator words: 不少于2000名, 10万人次以上, 1—2项, 50户左右, 90%以上, 百分之十三.
 */
export function findQuantities(s: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of s.matchAll(QUANTITY)) {
    const [whole, pre, percentWord, n1, mult1, n2, mult2, over, counter, post] = m;
    const unit = percentWord ? '%' : counter;
    if (!unit || !n1) continue;
    const hanzi = !/^\d/.test(n1);
    const value = parseNumber(n1, mult1 ?? mult2 ?? '');
    if (value === null) continue;
    const valueMax = n2 ? parseNumber(n2, mult2 ?? mult1 ?? '') : null;
    const start = (m.index as number) + (pre?.length ?? 0);
    const ranged = valueMax !== null && valueMax > value;
    out.push({
      start,
      end: (m.index as number) + whole.length,
      value,
      valueMax: ranged ? valueMax : null,
      unit,
      comparator: ranged ? '=' : comparatorOf([pre, over, post]),
      hanzi,
      unitAt: counter ? { start: m.indices?.[8]?.[0] as number, end: m.indices?.[8]?.[1] as number } : null,
    });
  }
  return out;
}
