import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { LocalChangeFeed } from '../change-feed.js';
import type { Store } from '../store.js';
import { NamedLocks } from '../named-locks.js';
import { migrate, NewerSchemaError } from '../migrations/index.js';
import { ReadPool } from '../read-pool.js';
import { WriteQueue } from '../write-queue.js';
import { DuckDb } from './duckdb-db.js';

const READERS = 4;

/**
 * Opens (creating if needed) the embedded database file and applies pending migrations. The
 * warehouse runs in the same DuckDB instance and reads the store's tables where they are.
 */
export async function openDuckDbStore(file: string): Promise<Store> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const instance = await DuckDBInstance.create(file);
  const writer = new DuckDb(await instance.connect());
  try {
    await migrate(writer);
  } catch (error) {
    await writer.close();
    instance.closeSync();
    throw error instanceof NewerSchemaError ? error.at(file) : error;
  }
  const readers = await Promise.all(Array.from({ length: READERS }, async () => new DuckDb(await instance.connect())));
  const reads = new ReadPool(readers);
  const extra: DuckDBConnection[] = [];
  // Only this process opens the file: a lock is held among its own callers.
  const locks = new NamedLocks(null);
  return {
    backend: 'duckdb',
    location: file,
    file,
    connection: writer,
    writes: new WriteQueue(writer),
    reads,
    changes: new LocalChangeFeed(),
    connect: async () => {
      const c = await instance.connect();
      extra.push(c);
      return c;
    },
    refreshAnalyticsCopy: async () => undefined,
    exclusively: (name, work, wait) => locks.exclusively(name, work, wait),
    close: async () => {
      for (const c of extra) c.closeSync();
      await reads.close();
      await writer.close();
      instance.closeSync();
    },
  };
}
