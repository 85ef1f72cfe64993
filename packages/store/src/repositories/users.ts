import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Role, User } from '@kesu/schema';
import { exec, first, rows, type Row } from '../sql.js';

export interface UserWithSecret extends User {
  passwordHash: string;
}

function toUser(r: Row): UserWithSecret {
  return {
    id: String(r['id']),
    username: String(r['username']),
    displayName: String(r['display_name']),
    role: r['role'] as Role,
    regionCode: (r['region_code'] as string | null) ?? null,
    department: (r['department'] as string | null) ?? null,
    demo: Boolean(r['demo']),
    passwordHash: String(r['password_hash']),
  };
}

export interface UserInput {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionCode: string | null;
  department: string | null;
  demo?: boolean;
}

/** Creates a user; fails if the username is taken. */
export async function insertUser(connection: DuckDBConnection, input: UserInput): Promise<User> {
  const id = randomUUID();
  await exec(
    connection,
    'INSERT INTO users (id, username, display_name, password_hash, role, region_code, department, demo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [id, input.username, input.displayName, input.passwordHash, input.role, input.regionCode, input.department, input.demo ?? false],
  );
  const { passwordHash: _hash, ...user } = toUser({ id, username: input.username, display_name: input.displayName, password_hash: '', role: input.role, region_code: input.regionCode, department: input.department, demo: input.demo ?? false });
  return user;
}

export async function findUserByUsername(connection: DuckDBConnection, username: string): Promise<UserWithSecret | undefined> {
  const r = await first(connection, 'SELECT * FROM users WHERE username = $1', [username]);
  return r ? toUser(r) : undefined;
}

export async function getUser(connection: DuckDBConnection, id: string): Promise<UserWithSecret | undefined> {
  const r = await first(connection, 'SELECT * FROM users WHERE id = $1', [id]);
  return r ? toUser(r) : undefined;
}

/** Every user, without password hashes, by username. */
export async function listUsers(connection: DuckDBConnection): Promise<User[]> {
  return (await rows(connection, 'SELECT * FROM users ORDER BY username')).map((r) => {
    const { passwordHash: _hash, ...user } = toUser(r);
    return user;
  });
}
