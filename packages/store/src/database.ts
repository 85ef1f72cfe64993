import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { migrate } from './migrations/index.js';
import { ReadPool } from './read-pool.js';
import { WriteQueue } from './write-queue.js';

/** An open store: one DuckDB file migrated to the latest version. */
export interface Store {
  /** The database file (or `:memory:`). */
  file: string;
  /** The writing connection: use it directly only when nothing else writes (commands, tests). */
  connection: DuckDBConnection;
  /** Every write of a running server goes through here; a promise resolves after COMMIT. */
  writes: WriteQueue;
  /** Reads on their own connections. */
  reads: ReadPool;
  /** A further connection for work that needs its own (the warehouse builds on one). */
  connect: () => Promise<DuckDBConnection>;
  /** Closes the connections and the database file. */
  close: () => void;
}

const READERS = 4;

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
  const readers = await Promise.all(Array.from({ length: READERS }, () => instance.connect()));
  const reads = new ReadPool(readers);
  const extra: DuckDBConnection[] = [];
  return {
    file,
    connection,
    writes: new WriteQueue(connection),
    reads,
    connect: async () => {
      const c = await instance.connect();
      extra.push(c);
      return c;
    },
    close: () => {
      for (const c of extra) c.closeSync();
      reads.close();
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Quotes an SQL identifier; the only way a name enters generated SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal, for the few statements that take no bound parameters (ATTACH, COPY, CREATE TYPE). */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
