import type { DuckDBConnection } from '@duckdb/node-api';
import type { ChangeFeed } from './change-feed.js';
import type { Db, Dialect } from './db.js';
import type { ReadPool } from './read-pool.js';
import type { WriteQueue } from './write-queue.js';

/** An open store, migrated to the latest version: the embedded DuckDB file or a PostgreSQL database. */
export interface Store {
  backend: Dialect;
  /** What was opened, for messages: the file, or the server's address without its password. */
  location: string;
  /** The database file of the embedded store (null on PostgreSQL, which pg_dump backs up). */
  file: string | null;
  /** The writing connection: use it directly only when nothing else writes (commands, tests). */
  connection: Db;
  /** Every write of a running server goes through here; a promise resolves after COMMIT. */
  writes: WriteQueue;
  /** Reads on their own connections. */
  reads: ReadPool<Db>;
  /** Evictions other processes serving the same database must hear of. */
  changes: ChangeFeed;
  /**
   * A DuckDB connection on which the store's tables are read by name, for the warehouse: the
   * embedded file itself, or on PostgreSQL a copy in memory that `refreshAnalyticsCopy` fills.
   */
  connect: () => Promise<DuckDBConnection>;
  /** Brings that copy up to what PostgreSQL holds (nothing to do on the embedded file). */
  refreshAnalyticsCopy: () => Promise<void>;
  /**
   * Runs `work` holding the lock `name` among every process serving this database (one process
   * serves the embedded file; on PostgreSQL, an advisory lock). Without `wait`, answers null at
   * once when the lock is held elsewhere.
   */
  exclusively: <T>(name: string, work: () => Promise<T>, wait: boolean) => Promise<T | null>;
  /** Closes the connections and the database. */
  close: () => Promise<void>;
}
