import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Store } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * Copies the database to `target` at a consistent point: everything committed is
 * checkpointed into the file, and no write runs until the copy is complete.
 */
export async function backupStore(store: Store, target: string): Promise<string> {
  mkdirSync(path.dirname(target), { recursive: true });
  await store.writes.exclusive(async (conn) => {
    await conn.run('CHECKPOINT');
    const partial = `${target}.partial`;
    copyFileSync(store.file, partial);
    renameSync(partial, target);
  });
  return target;
}

/** Checks that a file is a Kesu database this program can open, without changing it. */
export async function inspectBackup(file: string): Promise<{ version: number }> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const tables = await connection.runAndReadAll("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'schema_migrations'");
    if (Number(tables.getRowObjectsJson()[0]?.['n']) === 0) throw new Error('not a Kesu database (no schema_migrations table)');
    const version = Number((await connection.runAndReadAll('SELECT coalesce(max(version), 0) AS v FROM schema_migrations')).getRowObjectsJson()[0]?.['v']);
    if (version > MIGRATIONS.length) throw new Error(`the backup has schema version ${version}, newer than this program (${MIGRATIONS.length})`);
    return { version };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
