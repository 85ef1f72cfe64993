import { createHash, randomBytes } from 'node:crypto';

/** A new secret token for a session or a script. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a copied database gives no live sessions. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
