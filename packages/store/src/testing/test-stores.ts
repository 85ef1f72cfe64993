import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { isPostgresUrl, openStore, type Store } from '../database.js';
import type { Db, Dialect } from '../db.js';
import { DuckDb } from '../duckdb/duckdb-db.js';
import { PostgresDb } from '../postgres/postgres-db.js';
import { createTestDatabase } from './test-database.js';

/** Both engines: a suite run `describe.each(BACKENDS)` checks the one store contract on each. */
export const BACKENDS: readonly Dialect[] = ['duckdb', 'postgres'];

/**
 * Where a test's store lives on a backend: a DuckDB file in a temp folder, or a new database on the
 * suite's PostgreSQL. `remove` deletes it after the store is closed.
 */
export async function testStoreLocation(backend: Dialect): Promise<{ location: string; remove: () => Promise<void> }> {
  if (backend === 'postgres') {
    const db = await createTestDatabase();
    return { location: db.url, remove: db.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-store-'));
  return {
    location: path.join(dir, 'data', 'kesu.duckdb'),
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A store a test opened on one backend, which it can close and open again, and finally remove. */
export interface TestStore {
  store: Store;
  location: string;
  /** Closes the store and opens the same database again (a restart). */
  reopen: () => Promise<Store>;
  /** Another writing connection to the same database, as a second process would have. */
  another: () => Promise<Db>;
  /** Closes the store and deletes its database. */
  dispose: () => Promise<void>;
}

export async function openTestStore(backend: Dialect): Promise<TestStore> {
  const { location, remove } = await testStoreLocation(backend);
  const extra: Db[] = [];
  const handle: TestStore = {
    store: await openStore(location),
    location,
    reopen: async () => {
      await handle.store.close();
      handle.store = await openStore(location);
      return handle.store;
    },
    another: async () => {
      // A DuckDB connection comes from the store, which closes it; a PostgreSQL one is the test's own.
      if (backend !== 'postgres') return new DuckDb(await handle.store.connect());
      const db = await PostgresDb.connect(location, 'test');
      extra.push(db);
      return db;
    },
    dispose: async () => {
      await Promise.all(extra.map((d) => d.close()));
      await handle.store.close();
      await remove();
    },
  };
  return handle;
}

/**
 * A bare connection to a database location, with no migration applied: to build a database of an
 * earlier schema version before the store opens it.
 */
export async function rawDb(location: string): Promise<{ db: Db; close: () => Promise<void> }> {
  if (isPostgresUrl(location)) {
    const db = await PostgresDb.connect(location, 'test');
    return { db, close: () => db.close() };
  }
  mkdirSync(path.dirname(location), { recursive: true });
  const instance = await DuckDBInstance.create(location);
  const db = new DuckDb(await instance.connect());
  return {
    db,
    close: async () => {
      await db.close();
      instance.closeSync();
    },
  };
}
