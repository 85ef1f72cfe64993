import type { LoginCode, User } from '@kesu/schema';
import { issueLoginCode, sqlTimestamp, type Store } from '@kesu/store';
import { codeExpiry, loginCodeHash, loginLink, newLoginCode } from './login-codes.js';

/**
 * Issues a one-time log-in code for a user in the caller's transaction (voiding any earlier one)
 * and answers it, the only time it is ever seen: only its hash is stored.
 * @example const { code, link } = await issueCode(conn, user, 'office')
 */
export async function issueCode(
  conn: Store['connection'],
  user: Pick<User, 'id' | 'username'>,
  actor: string,
  at = new Date(),
): Promise<LoginCode> {
  const code = newLoginCode();
  const expiresAt = codeExpiry(at);
  await issueLoginCode(
    conn,
    { userId: user.id, codeHash: loginCodeHash(user.id, code), createdBy: actor, expiresAt },
    at,
  );
  return { username: user.username, code, link: loginLink(user.username, code), expiresAt: sqlTimestamp(expiresAt) };
}
