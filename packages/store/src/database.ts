import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { migrate } from './migrations/index.js';

/** An open store: one DuckDB file, one connection, migrated to the latest version. */
export interface Store {
  connection: DuckDBConnection;
  /** Closes the connection and the database file. */
  close: () => void;
}

/**
 * Opens (creating if needed) the operational database file and applies pending migrations.
 * Pass `:memory:` for a throwaway database.
 * @example const store = await openStore(path.join(dataDir, 'kesu.duckdb'))
 */
export async function openStore(file: string): Promise<Store> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    await migrate(connection);
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Quotes an SQL identifier; the only way a name enters generated SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
