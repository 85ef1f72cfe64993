import { comparePeriods, parsePeriod } from '@kesu/schema';
import type { Lang } from './lang.js';

const HALVES = { zh: ['上半年', '下半年'], en: ['H1', 'H2'] };
const QUARTERS = ['一', '二', '三', '四'];

/** 2024 → 2024年 / 2024; 2024S1 → 2024年上半年 / 2024 H1; 2024Q3 → 2024年第三季度 / 2024 Q3; 2024-07 → 2024年7月 / 2024-07. */
export function periodLabel(code: string, lang: Lang): string {
  const p = parsePeriod(code);
  if (!p) return code;
  const zh = lang === 'zh';
  switch (p.kind) {
    case 'year':
      return zh ? `${p.year}年` : String(p.year);
    case 'half':
      return zh ? `${p.year}年${HALVES.zh[p.index - 1]}` : `${p.year} ${HALVES.en[p.index - 1]}`;
    case 'quarter':
      return zh ? `${p.year}年第${QUARTERS[p.index - 1]}季度` : `${p.year} Q${p.index}`;
    case 'month':
      return zh ? `${p.year}年${p.index}月` : code;
  }
}

/** Distinct period codes in time order (a year before its first quarter); codes that do not parse go last. */
export function sortedPeriods(codes: Iterable<string>): string[] {
  const valid = (c: string): boolean => parsePeriod(c) !== null;
  return [...new Set(codes)].sort((a, b) => (valid(a) && valid(b) ? comparePeriods(a, b) : Number(!valid(a)) - Number(!valid(b)) || a.localeCompare(b)));
}
