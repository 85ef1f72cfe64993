import type { Comparator } from '../comparator.js';
import type { Lang } from './lang.js';
import { unitText } from './units.js';

export interface NumberOptions {
  lang?: Lang;
  /** Decimals kept at most (trailing zeros dropped); default 1, two for money. */
  digits?: number;
  /**
   * Every digit, with thousands separators (tables a reader checks against the source); by
   * default large amounts are shortened as the language reads them: 700万, 1.2亿, 7 million.
   */
  exact?: boolean;
}

// Formatting objects are costly to make and cheap to use: one per number of decimals.
const SEPARATED = new Map<number, Intl.NumberFormat>();

function separated(value: number, digits: number): string {
  let format = SEPARATED.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    SEPARATED.set(digits, format);
  }
  return format.format(value);
}

const ZH_STEPS: Array<[number, string]> = [
  [1e8, '亿'],
  [1e4, '万'],
];
const EN_STEPS: Array<[number, string]> = [
  [1e9, ' billion'],
  [1e6, ' million'],
];

// Shortened amounts keep two decimals at most: 1.23万 tells more than 1.2万 and 12,345 at a glance.
const SHORT_DIGITS = 2;

/**
 * A number as a reader of the language expects it: thousands separators, at most `digits`
 * decimals; from 10,000 on Chinese counts in 万 and 亿, English from a million in millions.
 * @example formatNumber(7000000) // '700万'
 * @example formatNumber(7000000, { lang: 'en' }) // '7 million'
 * @example formatNumber(4504) // '4,504'
 */
export function formatNumber(value: number, options: NumberOptions = {}): string {
  const { lang = 'zh', digits = 1, exact = false } = options;
  if (!Number.isFinite(value)) return '—';
  if (!exact) {
    for (const [step, word] of lang === 'zh' ? ZH_STEPS : EN_STEPS) {
      if (Math.abs(value) >= step) return `${separated(value / step, SHORT_DIGITS)}${word}`;
    }
  }
  return separated(value, digits);
}

/**
 * An amount with its unit written once: `700万人`, `31%`, `350万元`, `12,000 person-times`.
 * An amount in 万元 is brought back to 元 first, so 35,000 万元 reads 3.5亿元; asked for every
 * digit, Chinese keeps the 万元 it was reported in (35,000万元).
 * @example formatQuantity(7000000, '人') // '700万人'
 * @example formatQuantity(31, '%', { lang: 'en' }) // '31%'
 */
export function formatQuantity(value: number, unit: string | null | undefined, options: NumberOptions = {}): string {
  const lang = options.lang ?? 'zh';
  if (unit === '万元' && !(options.exact && lang === 'zh')) return formatQuantity(value * 1e4, '元', options);
  const digits = unit === '元' || unit === '元/人' ? 2 : 1;
  return withUnit(formatNumber(value, { digits, ...options }), unit, lang, value);
}

function withUnit(number: string, unit: string | null | undefined, lang: Lang, value: number): string {
  if (!unit) return number;
  if (unit === '%') return `${number}%`;
  const words = unitText(unit, lang, value);
  if (lang === 'zh') return `${number}${words}`;
  if (unit === '元' || unit === '万元') return `CNY ${number}`;
  return words ? `${number} ${words}` : number;
}

/**
 * A range of amounts with the unit once.
 * @example formatRange(1000, 2000, '场次') // '1,000–2,000场次'
 * @example formatRange(60, 70, '%') // '60–70%'
 */
export function formatRange(
  low: number,
  high: number,
  unit: string | null | undefined,
  options: NumberOptions = {},
): string {
  if (unit === '万元') return formatRange(low * 1e4, high * 1e4, '元', options);
  const digits = unit === '元' || unit === '元/人' ? 2 : 1;
  const number = (n: number) => formatNumber(n, { digits, ...options });
  return withUnit(`${number(low)}–${number(high)}`, unit, options.lang ?? 'zh', high);
}

const SIGNS: Record<Comparator | '<=' | '<', string> = { '>=': '≥', '>': '>', '~': '≈', '=': '', '<=': '≤', '<': '<' };

/**
 * A target as a goal: its comparator as a sign, the amount (or range) and the unit once.
 * @example formatGoal('>=', 8000, '人') // '≥ 8,000人'
 * @example formatGoal('>', 18, '%', { lang: 'en' }) // '> 18%'
 */
export function formatGoal(
  comparator: Comparator | '<=' | '<',
  value: number,
  unit: string | null | undefined,
  options: NumberOptions & { valueMax?: number | null } = {},
): string {
  const { valueMax = null, ...rest } = options;
  const amount =
    valueMax === null || valueMax === value
      ? formatQuantity(value, unit, rest)
      : formatRange(value, valueMax, unit, rest);
  const sign = SIGNS[comparator] ?? comparator;
  return sign ? `${sign} ${amount}` : amount;
}

/**
 * How many times one amount is another, for a reader: `8.2 倍` / `8.2×`; below a tenth as a
 * percentage (`3%`), so a value far below its usual level never reads `0.0 倍`.
 * @example formatRatio(0.03) // '3%'
 */
export function formatRatio(ratio: number, lang: Lang = 'zh'): string {
  if (!Number.isFinite(ratio)) return lang === 'zh' ? '无穷倍' : 'infinitely many times';
  if (ratio < 0.1) return `${formatNumber(ratio * 100, { digits: ratio < 0.01 ? 2 : 0, exact: true })}%`;
  const times = formatNumber(ratio, { digits: 1, lang });
  return lang === 'zh' ? `${times} 倍` : `${times}×`;
}

/** Whether a label already says what its numbers count: 示范校5所 (所), 培训人次 · 农民 (人次), Person-times trained. */
function saysUnit(label: string, unit: string, words: string): boolean {
  if (label.endsWith(unit) || label.endsWith(words)) return true;
  // A measure word of one character (人, 所) inside a label is often another word's (人才, 所有).
  if (unit.length >= 2 && label.includes(unit)) return true;
  return /[a-z]/i.test(words) && label.toLowerCase().includes(words.toLowerCase());
}

/**
 * A label with its unit in brackets, unless the label already says it (示范校5所 needs no （所）,
 * 培训人次 · 农民 no （人次）) or the unit is empty.
 * @example labelWithUnit('培训人次', '人次') // '培训人次'
 * @example labelWithUnit('科普讲座', '场次') // '科普讲座（场次）'
 */
export function labelWithUnit(label: string, unit: string | null | undefined, lang: Lang = 'zh'): string {
  if (!unit) return label;
  const words = unitText(unit, lang);
  if (!words || saysUnit(label, unit, words)) return label;
  return lang === 'zh' ? `${label}（${words}）` : `${label} (${words})`;
}
