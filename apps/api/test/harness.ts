import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { insertUser, type Dialect, type UserInput } from '@kesu/store';
import { createTestDatabase } from '@kesu/store/testing';
import type { Role } from '@kesu/schema';
import { createApp } from '../src/app.js';
import { hashPassword } from '../src/auth/passwords.js';
import { createContext } from '../src/create-context.js';
import type { AppContext } from '../src/context.js';

export const PASSWORD = 'test-password-1';

export interface Harness {
  ctx: AppContext;
  app: ReturnType<typeof createApp>;
  dir: string;
  /** Where its store is: the DuckDB file or the PostgreSQL URL. */
  database: string;
  close: () => Promise<void>;
}

/** An app on `database` with `dir` as its data folder; `release` runs after it closed. */
async function startNode(database: string, dir: string, release: () => Promise<void>): Promise<Harness> {
  const ctx = await createContext({ database, dataDir: dir });
  return {
    ctx,
    app: createApp(ctx),
    dir,
    database,
    close: async () => {
      await ctx.close();
      await release();
    },
  };
}

/**
 * A real app on a real store in a temporary folder: a DuckDB file, or a new database on the
 * suite's PostgreSQL.
 */
export async function startHarness(backend: Dialect = 'duckdb'): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-api-'));
  const database =
    backend === 'postgres'
      ? await createTestDatabase()
      : { url: path.join(dir, 'kesu.duckdb'), drop: async () => undefined };
  return startNode(database.url, dir, async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** A real app on a DuckDB store in a folder the caller made (and removes). */
export function startHarnessIn(dir: string): Promise<Harness> {
  return startNode(path.join(dir, 'kesu.duckdb'), dir, async () => undefined);
}

let passwordHash: string | undefined;

/**
 * A further API node on the database of `first` (which must be on PostgreSQL): its own process
 * state, caches and connections, as a second `kesu serve` behind a load balancer has, and either
 * the data folder of `first` (a mount both nodes see) or one of its own.
 */
export async function startSecondNode(first: Harness, folder: 'shared' | 'own' = 'shared'): Promise<Harness> {
  if (folder === 'shared') return startNode(first.database, first.dir, async () => undefined);
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-api-node-'));
  return startNode(first.database, dir, async () => rmSync(dir, { recursive: true, force: true }));
}

/** Creates a user directly in the store (the API's own user creation is tested separately). */
export async function addUser(
  h: Harness,
  username: string,
  role: Role,
  regionCode: string | null,
  department: string | null = null,
) {
  passwordHash ??= await hashPassword(PASSWORD);
  const input: UserInput = { username, displayName: username, passwordHash, role, regionCode, department };
  return h.ctx.store.writes.write((conn) => insertUser(conn, input));
}

/** A response body as the tests read it: an object, a list, or the error shape. */
export type Body = Record<string, unknown> & {
  error?: { code: string; message: string; messageEn: string; details: Array<{ path: string; code: string }> };
};

export interface Reply {
  status: number;
  body: Body;
  headers: Headers;
}

/** A logged-in client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  private cookie = '';
  private csrf = '';
  constructor(private readonly h: Harness) {}

  /** The same session (cookie and CSRF token) sent to another node, as a load balancer would. */
  on(node: Harness): Client {
    const moved = new Client(node);
    moved.cookie = this.cookie;
    moved.csrf = this.csrf;
    return moved;
  }

  async login(username: string, password = PASSWORD): Promise<Reply> {
    const res = await this.request('POST', '/api/v1/auth/login', { username, password });
    if (res.status === 200) {
      this.csrf = String(res.body['csrfToken']);
    }
    return res;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const init: RequestInit = { method, headers: { ...headers } };
    const h = init.headers as Record<string, string>;
    if (this.cookie) h['cookie'] = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (body instanceof Uint8Array) {
      init.body = body;
      h['content-type'] ??= 'application/octet-stream';
    } else if (typeof body === 'string') {
      init.body = body;
      h['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.h.app.request(url, init);
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('kesu_session=')) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (an HTML page or a file): keep the text.
    }
    return { status: res.status, body: parsed as Body, headers: res.headers };
  }
}
