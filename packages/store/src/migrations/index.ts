import type { Db } from '../db.js';
import { inTransaction } from '../transaction.js';
import { registry } from './001-registry.js';
import { workflow } from './002-workflow.js';
import { savedQueries } from './003-saved-queries.js';
import { accounts } from './004-accounts.js';
import { approvalLevels } from './005-approval-levels.js';
import { notifications } from './006-notifications.js';
import { serverOrder } from './007-server-order.js';
import { copyMarks } from './008-copy-marks.js';
import { loginFailures } from './009-login-failures.js';

import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [
  registry,
  workflow,
  savedQueries,
  accounts,
  approvalLevels,
  notifications,
  serverOrder,
  copyMarks,
  loginFailures,
];

/** The schema version recorded in the database (0 when empty). */
export async function schemaVersion(db: Db): Promise<number> {
  await db.script(
    'CREATE TABLE IF NOT EXISTS schema_migrations ' +
      '(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)',
  );
  return Number((await db.rows('SELECT coalesce(max(version), 0) AS v FROM schema_migrations'))[0]?.['v'] ?? 0);
}

/** The error a database of a newer schema than this program gives: it is never changed. */
export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
    /** Where the database is (a file, or a server's address without its password), once known. */
    readonly location: string | null = null,
  ) {
    const where = location === null ? '' : ` ${location}`;
    super(
      `数据库${where}的结构版本为 ${found}，比本程序支持的 ${known} 新，请改用更新版本的 kesu / ` +
        `the database${where} has schema version ${found}, newer than this program (${known}); use a newer kesu`,
    );
  }

  /** The same error naming where the database is. */
  at(location: string): NewerSchemaError {
    return new NewerSchemaError(this.found, this.known, location);
  }
}

// Any fixed number names the lock; two API nodes starting together migrate one after the other.
const MIGRATION_LOCK = 7_160_316;

/**
 * Applies every migration newer than the database, each in its own transaction, so a failed
 * step leaves the database at the previous version.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  if (db.dialect !== 'postgres') return migrateLocked(db, migrations);
  // A migration over a large table, or the wait for another node's, may take longer than the
  // connection's limit for one statement: no limit until the schema is current.
  await db.exec('SET statement_timeout = 0');
  await db.exec('SET lock_timeout = 0');
  await db.exec('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    return await migrateLocked(db, migrations);
  } finally {
    await db.exec('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await db.exec('RESET statement_timeout');
    await db.exec('RESET lock_timeout');
  }
}

async function migrateLocked(db: Db, migrations: readonly Migration[]): Promise<number> {
  const current = await schemaVersion(db);
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) throw new NewerSchemaError(current, newest);
  for (const m of migrations.filter((m) => m.version > current)) {
    try {
      await inTransaction(db, async () => {
        const step = db.dialect === 'postgres' ? (m.postgres ?? m.sql) : m.sql;
        // An empty step is one this engine does not need; its version is recorded all the same.
        if (step.trim() !== '') await db.script(step);
        await db.exec('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      });
    } catch (error) {
      throw new Error(`migration ${m.version} (${m.name}) failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return newest;
}
