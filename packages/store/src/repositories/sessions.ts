import type { Db } from '../db.js';
import { exec, first, rows, sqlTimestamp, timestampText } from '../sql.js';

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  kind: 'cookie' | 'bearer';
  csrf: string;
  expiresAt: string;
}

export async function insertSession(connection: Db, s: SessionRecord & { label?: string | null }): Promise<void> {
  await exec(
    connection,
    'INSERT INTO sessions (token_hash, user_id, kind, csrf, label, expires_at) ' +
      'VALUES ($1, $2, $3, $4, $5, $6::TIMESTAMP)',
    [s.tokenHash, s.userId, s.kind, s.csrf, s.label ?? null, s.expiresAt],
  );
}

/** A session that has not expired, by the hash of its token. */
export async function findSession(connection: Db, tokenHash: string): Promise<SessionRecord | undefined> {
  const r = await first(connection, 'SELECT * FROM sessions WHERE token_hash = $1 AND expires_at > current_timestamp', [
    tokenHash,
  ]);
  if (!r) return undefined;
  return {
    tokenHash,
    userId: String(r['user_id']),
    kind: r['kind'] as 'cookie' | 'bearer',
    csrf: String(r['csrf']),
    expiresAt: timestampText(r['expires_at']),
  };
}

export async function deleteSession(connection: Db, tokenHash: string): Promise<void> {
  await exec(connection, 'DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** The token hashes of a user's sessions, for caches to forget them when the user changes. */
export async function sessionHashesOf(connection: Db, userId: string): Promise<string[]> {
  return (await rows(connection, 'SELECT token_hash FROM sessions WHERE user_id = $1', [userId])).map((r) =>
    String(r['token_hash']),
  );
}

/** Ends every session of a user; answers their token hashes, for caches to forget them too. */
export async function deleteUserSessions(connection: Db, userId: string): Promise<string[]> {
  const hashes = await sessionHashesOf(connection, userId);
  await exec(connection, 'DELETE FROM sessions WHERE user_id = $1', [userId]);
  return hashes;
}

/**
 * Ends every session and voids every unused log-in code: after a restore, the backup's may have
 * been ended, revoked or used since it was taken, and none of them may come back.
 */
export async function endAllSessionsAndCodes(
  connection: Db,
  at = new Date(),
): Promise<{ sessions: number; codes: number }> {
  const sessions = await connection.exec('DELETE FROM sessions');
  const codes = await connection.exec(
    'UPDATE login_codes SET voided_at = $1::TIMESTAMP WHERE used_at IS NULL AND voided_at IS NULL',
    [sqlTimestamp(at)],
  );
  return { sessions, codes };
}
