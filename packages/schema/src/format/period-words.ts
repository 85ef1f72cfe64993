import { parsePeriod } from '../period.js';
import type { Lang } from './lang.js';

const QUARTERS_ZH = ['一', '二', '三', '四'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A period code as people say it; anything that is not a period code comes back as it is.
 * @example periodWords('2025Q4') // '2025年第四季度'
 * @example periodWords('2025S1', 'en') // 'H1 2025'
 */
export function periodWords(code: string, lang: Lang = 'zh'): string {
  const p = parsePeriod(code);
  if (!p) return code;
  if (lang === 'zh') {
    switch (p.kind) {
      case 'year':
        return `${p.year}年`;
      case 'half':
        return `${p.year}年${p.index === 1 ? '上' : '下'}半年`;
      case 'quarter':
        return `${p.year}年第${QUARTERS_ZH[p.index - 1]}季度`;
      case 'month':
        return `${p.year}年${p.index}月`;
    }
  }
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'half':
      return `H${p.index} ${p.year}`;
    case 'quarter':
      return `Q${p.index} ${p.year}`;
    case 'month':
      return `${MONTHS_EN[p.index - 1]} ${p.year}`;
  }
}
