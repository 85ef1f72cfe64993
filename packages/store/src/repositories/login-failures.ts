import type { Db } from '../db.js';
import { exec, rows, sqlTimestamp, timestampText } from '../sql.js';

/** The times (ms since the epoch) each key failed since `since`, oldest first; keys with none are left out. */
export async function recentLoginFailures(
  connection: Db,
  keys: readonly string[],
  since: Date,
): Promise<Map<string, number[]>> {
  const found = await rows(
    connection,
    'SELECT key, failed_at FROM login_failures WHERE key IN (SELECT unnest($1::VARCHAR[])) ' +
      'AND failed_at > $2::TIMESTAMP ORDER BY failed_at',
    [[...keys], sqlTimestamp(since)],
  );
  const byKey = new Map<string, number[]>();
  for (const r of found) {
    const key = String(r['key']);
    byKey.set(key, [...(byKey.get(key) ?? []), Date.parse(`${timestampText(r['failed_at']).replace(' ', 'T')}Z`)]);
  }
  return byKey;
}

export async function addLoginFailures(connection: Db, keys: readonly string[], at: Date): Promise<void> {
  if (keys.length === 0) return;
  await exec(connection, `INSERT INTO login_failures (key, failed_at) SELECT unnest($1::VARCHAR[]), $2::TIMESTAMP`, [
    [...keys],
    sqlTimestamp(at),
  ]);
}

export async function clearLoginFailures(connection: Db, keys: readonly string[]): Promise<void> {
  await exec(connection, 'DELETE FROM login_failures WHERE key IN (SELECT unnest($1::VARCHAR[]))', [[...keys]]);
}

/** Forgets failures at or before `before`. */
export async function forgetLoginFailures(connection: Db, before: Date): Promise<void> {
  await exec(connection, 'DELETE FROM login_failures WHERE failed_at <= $1::TIMESTAMP', [sqlTimestamp(before)]);
}

/** How many keys have failures remembered (to show that old ones are forgotten). */
export async function countLoginFailureKeys(connection: Db): Promise<number> {
  return Number((await rows(connection, 'SELECT count(DISTINCT key) AS n FROM login_failures'))[0]?.['n'] ?? 0);
}
