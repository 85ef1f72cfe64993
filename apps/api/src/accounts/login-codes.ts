import { createHash, randomInt } from 'node:crypto';

/** How long a handed-out code works: a long weekend between printing the list and the first log-in. */
export const CODE_HOURS = 72;

// No 0/O, 1/I/L: a code is read off paper and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/**
 * A new one-time log-in code, e.g. `K7QM-3XWP-D9TA` (about 59 bits: guessing it within its 72
 * hours is out of reach behind the log-in rate limit).
 */
export function newLoginCode(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/** A code as typed (any case, spaces or dashes anywhere) in the one form its hash was made from. */
export function normaliseLoginCode(typed: string): string {
  const bare = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return bare.match(new RegExp(`.{1,${GROUP_LENGTH}}`, 'g'))?.join('-') ?? '';
}

/** Stored in place of the code; the user's id salts it so equal codes of two users differ. */
export function loginCodeHash(userId: string, code: string): string {
  return createHash('sha256')
    .update(`${userId}:${normaliseLoginCode(code)}`)
    .digest('hex');
}

/** The log-in page with the user name and code filled in. */
export function loginLink(username: string, code: string): string {
  return `/login?${new URLSearchParams({ user: username, code }).toString()}`;
}

/** When a code issued at `at` stops working. */
export function codeExpiry(at: Date): Date {
  return new Date(at.getTime() + CODE_HOURS * 3600_000);
}
