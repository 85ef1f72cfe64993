import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { findIdempotent, rememberIdempotent, type Store } from '@kesu/store';
import type { AppContext, AppEnv } from '../context.js';
import { Failure } from './failure.js';

/** What an Idempotency-Key may be: long enough not to collide by chance, short enough to store. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's Idempotency-Key, checked for shape, or null when it sent none. */
export function idempotencyKey(c: Context<AppEnv>): string | null {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(key))
    throw new Failure(
      400,
      'bad_idempotency_key',
      'Idempotency-Key 应为 8–128 位字母、数字或 ._:-',
      'Idempotency-Key must be 8–128 letters, digits or ._:-',
    );
  return key;
}

/** A fingerprint of what was asked (method, path, body bytes), so a key reused for a different request is refused. */
export async function requestFingerprint(c: Context<AppEnv>): Promise<string> {
  // JSON bodies were already read as text (for the strict check); files are hashed as bytes.
  const json = c.req.header('content-type')?.includes('application/json') ?? false;
  const body = json ? await c.req.text() : new Uint8Array(await c.req.arrayBuffer());
  return createHash('sha256').update(`${c.req.method} ${c.req.path}\n`).update(body).digest('hex');
}

/** The stored answer to an earlier request with this key, or null to go ahead. */
export async function replay(
  ctx: AppContext,
  c: Context<AppEnv>,
  key: string | null,
  fingerprint: string,
): Promise<unknown | null> {
  if (key === null) return null;
  const earlier = await ctx.store.reads.read((conn) => findIdempotent(conn, c.get('user').id, key));
  if (!earlier) return null;
  if (earlier.requestSha256 !== fingerprint) {
    throw new Failure(
      422,
      'idempotency_key_reused',
      '该 Idempotency-Key 已用于另一个请求',
      'this Idempotency-Key was used for a different request',
    );
  }
  return earlier.body;
}

type WriteConnection = Parameters<Parameters<Store['writes']['write']>[0]>[0];

/** Records the answer under the key in the write's own transaction. */
export async function remember(
  conn: WriteConnection,
  userId: string,
  key: string | null,
  fingerprint: string,
  status: ContentfulStatusCode,
  body: unknown,
): Promise<void> {
  if (key !== null) await rememberIdempotent(conn, userId, key, fingerprint, status, body);
}
