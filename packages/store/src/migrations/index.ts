import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from '../transaction.js';
import { registry } from './001-registry.js';
import { workflow } from './002-workflow.js';
import { savedQueries } from './003-saved-queries.js';
import { accounts } from './004-accounts.js';
import { approvalLevels } from './005-approval-levels.js';
import { notifications } from './006-notifications.js';

import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [registry, workflow, savedQueries, accounts, approvalLevels, notifications];

/** The schema version recorded in the database (0 when empty). */
export async function schemaVersion(connection: DuckDBConnection): Promise<number> {
  await connection.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)',
  );
  const reader = await connection.runAndReadAll('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
  return Number(reader.getRowObjects()[0]?.['v'] ?? 0);
}

/**
 * Applies every migration newer than the database, each in its own transaction, so a failed
 * step leaves the database at the previous version.
 */
export async function migrate(connection: DuckDBConnection, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const current = await schemaVersion(connection);
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) throw new Error(`database schema version ${current} is newer than this program (${newest})`);
  for (const m of migrations.filter((m) => m.version > current)) {
    try {
      await inTransaction(connection, async () => {
        await connection.run(m.sql);
        await connection.run('INSERT INTO schema_migrations (version, name) VALUES ($version, $name)', { version: m.version, name: m.name });
      });
    } catch (error) {
      throw new Error(`migration ${m.version} (${m.name}) failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return newest;
}
