import { LIST, listValue, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { DepartmentFunction, Indicator, Region } from '@kesu/schema';
import { inTransaction } from '../transaction.js';

export interface Registry {
  regions: Region[];
  functions: DepartmentFunction[];
  indicators: Indicator[];
}

/** Appends rows through DuckDB's Appender: one bulk load instead of one statement per row. */
async function append<T>(connection: DuckDBConnection, table: string, rows: T[], write: (row: T) => unknown[]): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    for (const row of rows) {
      for (const value of write(row)) {
        if (value === null) appender.appendNull();
        else if (Array.isArray(value)) appender.appendList(listValue(value as string[]), LIST(VARCHAR));
        else appender.appendVarchar(String(value));
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** Replaces the registry tables with the given regions, functions and indicators, all or nothing. */
export async function replaceRegistry(connection: DuckDBConnection, registry: Registry): Promise<void> {
  await inTransaction(connection, async () => {
    await connection.run('DELETE FROM regions; DELETE FROM department_functions; DELETE FROM indicators;');
    await append(connection, 'regions', registry.regions, (r) => [r.code, r.name, r.short, r.level, r.parent]);
    await append(connection, 'department_functions', registry.functions, (f) => [f.code, f.nameZh, f.nameEn, f.aliases]);
    await append(connection, 'indicators', registry.indicators, (i) => [
      i.code, i.nameZh, i.nameEn, i.unit, i.kind, i.family, i.disaggregations, i.descriptionZh, i.descriptionEn,
    ]);
  });
}
