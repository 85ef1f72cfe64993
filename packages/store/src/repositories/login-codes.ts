import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import { exec, first, sqlTimestamp, timestampText } from '../sql.js';

/** A stored one-time log-in code: only its hash, and what became of it. */
export interface LoginCodeRecord {
  id: string;
  userId: string;
  expiresAt: string;
  usedAt: string | null;
  /** Set when a newer code replaced it or its user was disabled. */
  voidedAt: string | null;
}

/** Stores a new code for a user; any earlier code still open is voided, so only the newest works. */
export async function issueLoginCode(
  connection: Db,
  code: { userId: string; codeHash: string; createdBy: string; expiresAt: Date },
  at = new Date(),
): Promise<void> {
  await voidLoginCodes(connection, code.userId, at);
  await exec(
    connection,
    'INSERT INTO login_codes (id, user_id, code_hash, created_by, created_at, expires_at) ' +
      'VALUES ($1, $2, $3, $4, $5::TIMESTAMP, $6::TIMESTAMP)',
    [randomUUID(), code.userId, code.codeHash, code.createdBy, sqlTimestamp(at), sqlTimestamp(code.expiresAt)],
  );
}

/** The code of a user with this hash, whatever became of it (so a used code can be told from a wrong one). */
export async function findLoginCode(
  connection: Db,
  userId: string,
  codeHash: string,
): Promise<LoginCodeRecord | undefined> {
  const r = await first(connection, 'SELECT * FROM login_codes WHERE user_id = $1 AND code_hash = $2', [
    userId,
    codeHash,
  ]);
  if (!r) return undefined;
  const time = (v: unknown) => (v === null || v === undefined ? null : timestampText(v));
  return {
    id: String(r['id']),
    userId,
    expiresAt: timestampText(r['expires_at']),
    usedAt: time(r['used_at']),
    voidedAt: time(r['voided_at']),
  };
}

export async function markLoginCodeUsed(connection: Db, id: string, at = new Date()): Promise<void> {
  await exec(connection, 'UPDATE login_codes SET used_at = $2::TIMESTAMP WHERE id = $1', [id, sqlTimestamp(at)]);
}

/** Voids a user's codes not yet used (a newer code, or the user was disabled). */
export async function voidLoginCodes(connection: Db, userId: string, at = new Date()): Promise<void> {
  await exec(
    connection,
    'UPDATE login_codes SET voided_at = $2::TIMESTAMP WHERE user_id = $1 AND used_at IS NULL AND voided_at IS NULL',
    [userId, sqlTimestamp(at)],
  );
}
