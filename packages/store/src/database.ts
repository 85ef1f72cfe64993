import { openDuckDbStore } from './duckdb/open-duckdb-store.js';
import { openPostgresStore } from './postgres/open-postgres-store.js';
import type { Store } from './store.js';

export type { Store } from './store.js';
export { quoteIdent, quoteLiteral } from './db.js';

/** Whether a location names a PostgreSQL server rather than a file. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/**
 * Opens the store at `location`: a `postgres://…` URL, or a DuckDB file (created if needed;
 * `:memory:` for a throwaway database). Pending migrations are applied.
 * @example const store = await openStore(process.env.KESU_DATABASE_URL ?? path.join(dataDir, 'kesu.duckdb'))
 */
export function openStore(location: string): Promise<Store> {
  return isPostgresUrl(location) ? openPostgresStore(location) : openDuckDbStore(location);
}
