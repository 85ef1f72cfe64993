import type { Store } from '../database.js';
import { migrate } from '../migrations/index.js';
import { ReadPool } from '../read-pool.js';
import { WriteQueue } from '../write-queue.js';
import { AnalyticsCopy } from './analytics-copy.js';
import { PostgresChangeFeed } from './postgres-change-feed.js';
import { PostgresDb } from './postgres-db.js';

const READERS = 4;

/** The server's address without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Why the server could not be reached, in both languages, naming the address. */
export class StoreUnreachableError extends Error {
  constructor(
    readonly location: string,
    readonly reason: string,
  ) {
    super(`无法连接数据库 ${location}：${reason} / cannot connect to the database ${location}: ${reason}`);
  }
}

async function connected(url: string, role: string): Promise<PostgresDb> {
  try {
    return await PostgresDb.connect(url, role);
  } catch (error) {
    throw new StoreUnreachableError(redactedUrl(url), (error as Error).message || String((error as { code?: string }).code ?? error));
  }
}

/**
 * Opens a PostgreSQL database as the store: one writing connection (group commit works as on
 * DuckDB, one transaction per batch), a few readers, one connection LISTENing for other nodes'
 * changes, and an in-memory DuckDB copy of the tables for the warehouse.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const writer = await connected(url, 'writer');
  const opened: Array<{ close: () => Promise<void> }> = [writer];
  try {
    await migrate(writer);
    const readers = await Promise.all(Array.from({ length: READERS }, () => connected(url, 'reader')));
    opened.push(...readers);
    const listener = await connected(url, 'listener');
    opened.push(listener);
    const copier = await connected(url, 'copier');
    opened.push(copier);
    const changes = await PostgresChangeFeed.listen(listener.client);
    const copy = await AnalyticsCopy.open();
    const reads = new ReadPool(readers);
    return {
      backend: 'postgres',
      location: redactedUrl(url),
      file: null,
      connection: writer,
      writes: new WriteQueue(writer),
      reads,
      changes,
      connect: () => copy.connect(),
      refreshAnalyticsCopy: () => copy.refresh(copier.client),
      close: async () => {
        await Promise.all(opened.map((c) => c.close()));
        copy.close();
      },
    };
  } catch (error) {
    await Promise.all(opened.map((c) => c.close()));
    throw error;
  }
}
