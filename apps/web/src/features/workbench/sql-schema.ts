import type { Completion } from '@codemirror/autocomplete';
import type { SQLNamespace } from '@codemirror/lang-sql';
import type { WarehouseTable } from '../../api/analytics';

/** The warehouse's tables and columns as the SQL editor completes them, each with its description. */
export function sqlNamespace(tables: readonly WarehouseTable[], lang: 'zh' | 'en'): SQLNamespace {
  return Object.fromEntries(
    tables.map((table) => [
      table.name,
      {
        self: {
          label: table.name,
          type: 'type',
          detail: lang === 'zh' ? '表' : 'table',
          info: table.doc[lang],
        } satisfies Completion,
        children: table.columns.map((c): Completion => ({
          label: c.name,
          type: 'property',
          detail: c.type,
          info: c.doc[lang],
        })),
      },
    ]),
  );
}
