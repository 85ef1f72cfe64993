const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters a hanzi numeral is made of. */
export const HANZI_NUMERAL = '零〇一二两三四五六七八九十百千万亿';

/**
 * Reads a hanzi numeral: 三 → 3, 二十五 → 25, 百 → 100, 一万二千 → 12000, 一点五亿 → 150000000.
 * Digit strings like 二〇二五 read digit by digit. Returns null when it is not a numeral.
 */
export function parseHanziNumber(s: string): number | null {
  if (s === '') return null;
  const point = s.indexOf('点');
  if (point >= 0) {
    const whole = parseHanziNumber(s.slice(0, point));
    const tail = s.slice(point + 1);
    const big = /[万亿]$/.exec(tail)?.[0];
    const decimals = big ? tail.slice(0, -1) : tail;
    if (whole === null || !/^[零〇一二三四五六七八九]+$/.test(decimals)) return null;
    const value = Number(`${whole}.${[...decimals].map((c) => DIGITS[c]).join('')}`);
    return big ? value * (BIG_UNITS[big] as number) : value;
  }
  if (/^[零〇一二两三四五六七八九]{2,}$/.test(s) && !/[两]/.test(s)) {
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c] as number;
    } else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * (SMALL_UNITS[c] as number);
      digit = null;
    } else if (c in BIG_UNITS) {
      total = (total + section + (digit ?? 0)) * (BIG_UNITS[c] as number) || (BIG_UNITS[c] as number);
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Reads an Arabic or hanzi number with an optional 万/亿 multiplier: `1.5万` → 15000. */
export function parseNumber(digits: string, multiplier = ''): number | null {
  const base = /^\d+(\.\d+)?$/.test(digits) ? Number(digits) : parseHanziNumber(digits);
  if (base === null || !Number.isFinite(base)) return null;
  const factor = multiplier === '' ? 1 : (BIG_UNITS[multiplier] ?? 1);
  // Round away binary noise such as 1.1 × 10000 = 11000.000000000002.
  return Math.round(base * factor * 1e6) / 1e6;
}
