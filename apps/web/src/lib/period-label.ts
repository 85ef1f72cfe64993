import { periodWords } from '@kesu/schema';
import { contentLang } from '../i18n';

/**
 * A period code as people say it in the current language: 2024Q3 → 2024年第三季度 (Q3 2024).
 * @example periodLabel('2024S1') // '2024年上半年'
 */
export function periodLabel(code: string): string {
  return periodWords(code, contentLang());
}
