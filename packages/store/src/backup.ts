import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Store } from './store.js';
import { DuckDb } from './duckdb/duckdb-db.js';
import { MIGRATIONS } from './migrations/index.js';

/** A PostgreSQL store is backed up by the server's own tools, not by copying a file. */
export class BackupNotHereError extends Error {
  readonly zh = 'PostgreSQL 数据库请用 pg_dump 或服务器的连续归档备份（见 README「Running beyond one machine」）';
  constructor() {
    super(
      "a PostgreSQL store is backed up with pg_dump or the server's continuous archiving " +
        '(README, "Running beyond one machine")',
    );
  }
}

/**
 * Copies the database to `target` at a consistent point: everything committed is
 * checkpointed into the file, and no write runs until the copy is complete.
 */
export async function backupStore(store: Store, target: string): Promise<string> {
  const file = store.file;
  if (file === null) throw new BackupNotHereError();
  mkdirSync(path.dirname(target), { recursive: true });
  await store.writes.exclusive(async (conn) => {
    await conn.exec('CHECKPOINT');
    const partial = `${target}.partial`;
    copyFileSync(file, partial);
    renameSync(partial, target);
  });
  return target;
}

/** Checks that a file is a Kesu database this program can open, without changing it. */
export async function inspectBackup(file: string): Promise<{ version: number }> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = new DuckDb(await instance.connect());
  try {
    const tables = await connection.rows(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'schema_migrations'",
    );
    if (Number(tables[0]?.['n']) === 0) throw new Error('not a Kesu database (no schema_migrations table)');
    const version = Number(
      (await connection.rows('SELECT coalesce(max(version), 0) AS v FROM schema_migrations'))[0]?.['v'],
    );
    if (version > MIGRATIONS.length)
      throw new Error(`the backup has schema version ${version}, newer than this program (${MIGRATIONS.length})`);
    return { version };
  } finally {
    await connection.close();
    instance.closeSync();
  }
}
