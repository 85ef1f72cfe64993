import type { Db } from '../db.js';
import { exec } from '../sql.js';

/** Records the answer to a request under its idempotency key, in the caller's transaction. */
export async function rememberIdempotent(
  connection: Db,
  userId: string,
  key: string,
  requestSha256: string,
  status: number,
  body: unknown,
): Promise<void> {
  await exec(
    connection,
    'INSERT INTO idempotency_keys (idem_key, user_id, request_sha256, status, body) ' +
      'VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
    [key, userId, requestSha256, status, JSON.stringify(body)],
  );
}
