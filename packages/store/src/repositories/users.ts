import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import { byUsername, type Role, type User, type UserProfile } from '@kesu/schema';
import { exec, first, rows, sqlTimestamp, timestampText, type Row } from '../sql.js';

export interface UserWithSecret extends User {
  passwordHash: string;
}

/** Stored in place of a hash while an account waits for its owner's first password: no password matches it. */
export const NO_PASSWORD = '!';

function toUser(r: Row): UserWithSecret {
  return {
    id: String(r['id']),
    username: String(r['username']),
    displayName: String(r['display_name']),
    role: r['role'] as Role,
    regionCode: (r['region_code'] as string | null) ?? null,
    department: (r['department'] as string | null) ?? null,
    email: (r['email'] as string | null) ?? null,
    disabled: r['disabled_at'] !== null && r['disabled_at'] !== undefined,
    mustSetPassword: Boolean(r['must_set_password']),
    lastLoginAt:
      r['last_login_at'] === null || r['last_login_at'] === undefined ? null : timestampText(r['last_login_at']),
    demo: Boolean(r['demo']),
    passwordHash: String(r['password_hash']),
  };
}

function withoutSecret({ passwordHash: _hash, ...user }: UserWithSecret): User {
  return user;
}

export interface UserInput {
  username: string;
  displayName: string;
  /** A scrypt hash, or NO_PASSWORD for an account its owner opens with a one-time code. */
  passwordHash: string;
  role: Role;
  regionCode: string | null;
  department: string | null;
  email?: string | null;
  demo?: boolean;
}

/** Creates a user; fails if the username is taken. Without a password the owner must set one first. */
export async function insertUser(connection: Db, input: UserInput): Promise<User> {
  const id = randomUUID();
  await exec(
    connection,
    'INSERT INTO users ' +
      '(id, username, display_name, password_hash, role, region_code, department, email, must_set_password, demo) ' +
      'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
    [
      id,
      input.username,
      input.displayName,
      input.passwordHash,
      input.role,
      input.regionCode,
      input.department,
      input.email ?? null,
      input.passwordHash === NO_PASSWORD,
      input.demo ?? false,
    ],
  );
  return withoutSecret((await getUser(connection, id)) as UserWithSecret);
}

export async function findUserByUsername(connection: Db, username: string): Promise<UserWithSecret | undefined> {
  const r = await first(connection, 'SELECT * FROM users WHERE username = $1', [username]);
  return r ? toUser(r) : undefined;
}

export async function getUser(connection: Db, id: string): Promise<UserWithSecret | undefined> {
  const r = await first(connection, 'SELECT * FROM users WHERE id = $1', [id]);
  return r ? toUser(r) : undefined;
}

/** Every user, without password hashes, by username. */
export async function listUsers(connection: Db): Promise<User[]> {
  const found = (await rows(connection, 'SELECT * FROM users')).map((r) => withoutSecret(toUser(r)));
  return found.sort(byUsername);
}

/** Replaces what an office sets about a user (name, role, region, unit, e-mail). */
export async function updateUserProfile(connection: Db, id: string, profile: UserProfile): Promise<User> {
  await exec(
    connection,
    'UPDATE users SET display_name = $2, role = $3, region_code = $4, department = $5, email = $6 WHERE id = $1',
    [id, profile.displayName, profile.role, profile.regionCode, profile.department, profile.email],
  );
  return withoutSecret((await getUser(connection, id)) as UserWithSecret);
}

/** Disables a user from `at`, or (null) enables them again. */
export async function setUserDisabled(connection: Db, id: string, at: Date | null): Promise<User> {
  await exec(connection, 'UPDATE users SET disabled_at = $2::TIMESTAMP WHERE id = $1', [
    id,
    at === null ? null : sqlTimestamp(at),
  ]);
  return withoutSecret((await getUser(connection, id)) as UserWithSecret);
}

/** Sets a user's password hash; NO_PASSWORD leaves them to set one with a one-time code. */
export async function setUserPassword(connection: Db, id: string, passwordHash: string): Promise<void> {
  await exec(connection, 'UPDATE users SET password_hash = $2, must_set_password = $3 WHERE id = $1', [
    id,
    passwordHash,
    passwordHash === NO_PASSWORD,
  ]);
}

export async function recordLogin(connection: Db, id: string, at = new Date()): Promise<void> {
  await exec(connection, 'UPDATE users SET last_login_at = $2::TIMESTAMP WHERE id = $1', [id, sqlTimestamp(at)]);
}

/** How many enabled administrators there are: the office must keep at least one. */
export async function countActiveAdmins(connection: Db): Promise<number> {
  const r = await first(connection, "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL");
  return Number(r?.['n'] ?? 0);
}
