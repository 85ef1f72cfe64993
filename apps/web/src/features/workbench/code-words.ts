import type { Localized } from '@kesu/schema';
import type { WarehouseTable } from '../../api/analytics';

/** The words of code values, by the name of the result column that holds them. */
export type CodeWords = ReadonlyMap<string, Readonly<Record<string, Localized>>>;

/**
 * The catalog's labelled code columns by name (`status`), the codes of same-named columns merged:
 * a result column keeps the name of the warehouse column it came from unless renamed.
 */
export function codeWordsOf(tables: readonly WarehouseTable[]): CodeWords {
  const words = new Map<string, Record<string, Localized>>();
  for (const column of tables.flatMap((t) => t.columns)) {
    if (column.labels) words.set(column.name, { ...words.get(column.name), ...column.labels });
  }
  return words;
}

/**
 * The word a cell shows for its code, or null when the column holds no known code or the value is
 * not one (a column named `status` of a query's own making).
 * @example codeWord(words, 'status', 'behind', 'zh') // '进度滞后'
 */
export function codeWord(words: CodeWords, column: string, value: unknown, lang: 'zh' | 'en'): string | null {
  if (typeof value !== 'string') return null;
  const labels = words.get(column);
  return labels && Object.hasOwn(labels, value) ? (labels[value] as Localized)[lang] : null;
}
