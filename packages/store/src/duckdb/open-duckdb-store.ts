import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { LocalChangeFeed } from '../change-feed.js';
import type { Store } from '../store.js';
import { NamedLocks } from '../named-locks.js';
import { migrate, NewerSchemaError } from '../migrations/index.js';
import { ReadPool } from '../read-pool.js';
import { quoteLiteral } from '../db.js';
import { reattachAfterFailure } from '../storage-full.js';
import { WriteQueue } from '../write-queue.js';
import { DuckDb } from './duckdb-db.js';
import type { Db } from '../db.js';

const READERS = 4;
/** The name the store's file is attached under; every connection uses it as its default. */
const CATALOG = 'kesu';

/**
 * The store's file attached to an engine of its own. Attached, not opened as the engine's own
 * database: when a checkpoint into the file fails (the disk is full), DuckDB sets aside only that
 * catalog, which is then attached again (replaying its log), where the engine's own database
 * would stay unusable until the process restarts. Connections name the catalog, so they follow.
 */
async function attachStore(
  file: string,
): Promise<{ instance: DuckDBInstance; recover: (error: unknown) => Promise<unknown>; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const keeper = await instance.connect();
  const attach = `ATTACH ${quoteLiteral(file)} AS ${CATALOG}`;
  // Spilled intermediate results go beside the file, as they would with the file opened directly.
  if (file !== ':memory:') await keeper.run(`SET temp_directory = ${quoteLiteral(`${file}.tmp`)}`);
  await keeper.run(attach);
  const recover =
    file === ':memory:'
      ? async () => undefined
      : reattachAfterFailure(CATALOG, async () => {
          await keeper.run(`DETACH DATABASE IF EXISTS ${CATALOG}`);
          await keeper.run(attach);
        });
  // The engine lets go of the file (and its lock) only once every connection to it is closed.
  const close = () => {
    keeper.closeSync();
    instance.closeSync();
  };
  return { instance, recover, close };
}

/**
 * Opens (creating if needed) the embedded database file and applies pending migrations. The
 * warehouse runs in the same DuckDB instance and reads the store's tables where they are.
 */
export async function openDuckDbStore(file: string): Promise<Store> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const { instance, recover, close } = await attachStore(file);
  const connect = async () => {
    const connection = await instance.connect();
    await connection.run(`USE ${CATALOG}`);
    return connection;
  };
  const writer = new DuckDb(await connect(), recover);
  try {
    await migrate(writer);
  } catch (error) {
    await writer.close();
    close();
    throw error instanceof NewerSchemaError ? error.at(file) : error;
  }
  const readers = await Promise.all(Array.from({ length: READERS }, async () => new DuckDb(await connect(), recover)));
  const reads = new ReadPool<Db>(readers, (reader) => reader.close());
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
      const c = await connect();
      extra.push(c);
      return c;
    },
    refreshAnalyticsCopy: async () => undefined,
    exclusively: (name, work, wait) => locks.exclusively(name, work, wait),
    close: async () => {
      for (const c of extra) c.closeSync();
      await reads.close();
      await writer.close();
      close();
    },
  };
}
