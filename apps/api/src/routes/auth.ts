import { createRoute } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { LoggedOut, LoginBody, NewTokenBody, RedeemCode, SessionInfo, TokenInfo } from '@kesu/schema';
import {
  deleteSession,
  findLoginCode,
  findUserByUsername,
  insertSession,
  markLoginCodeUsed,
  recordAudit,
  recordLogin,
  setUserPassword,
  sqlTimestamp,
  type UserWithSecret,
} from '@kesu/store';
import { loginCodeHash } from '../accounts/login-codes.js';
import { SESSION_COOKIE } from '../auth/middleware.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { newToken, tokenHash } from '../auth/tokens.js';
import type { AppContext, AppEnv } from '../context.js';
import { Failure } from '../http/failure.js';
import { jsonContent, refusals, router } from '../http/openapi.js';

const SESSION_HOURS = 12;
const TOKEN_DAYS = 90;

/** The caller's address as the socket reports it (in-process test requests have none). */
function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

const expiry = (hours: number) =>
  new Date(Date.now() + hours * 3600_000).toISOString().replace('T', ' ').replace('Z', '');
// Verified for unknown users and accounts without a password, so timing does not reveal which names exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA';
/** Refuses an attempt while the limiter blocks its keys, saying when to try again. */
async function refuseWhileBlocked(ctx: AppContext, keys: string[]): Promise<void> {
  const seconds = await ctx.limiter.retryAfter(keys);
  if (seconds === null) return;
  const minutes = Math.ceil(seconds / 60);
  throw new Failure(
    429,
    'too_many_attempts',
    `登录失败次数过多，请 ${minutes} 分钟后再试`,
    `too many failed log-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    [],
    { 'Retry-After': String(seconds) },
  );
}
const disabledFailure = () =>
  new Failure(403, 'account_disabled', '账号已停用，请联系科协办公室', 'this account is disabled; contact the office');
const codeFailure = (code: string, zh: string, en: string) =>
  new Failure(400, code, zh, en, [{ path: 'code', code, message: zh, messageEn: en }]);

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: '登录 / log in',
  request: { body: jsonContent(LoginBody) },
  responses: { 200: jsonContent(SessionInfo, 'logged in'), ...refusals(401, 403, 429) },
});

const redeemCodeRoute = createRoute({
  method: 'post',
  path: '/redeem-code',
  tags: ['auth'],
  summary: '用一次性登录码设置密码并登录 / set a password with a one-time log-in code, and log in',
  request: { body: jsonContent(RedeemCode) },
  responses: { 200: jsonContent(SessionInfo, 'password set, logged in'), ...refusals(403, 429) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: '当前用户 / who am I',
  responses: { 200: jsonContent(SessionInfo, 'the caller') },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: '退出 / log out',
  responses: { 200: jsonContent(LoggedOut, 'logged out') },
});

const createTokenRoute = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['auth'],
  summary: '创建脚本用令牌 / create a bearer token',
  request: { body: jsonContent(NewTokenBody) },
  responses: { 200: jsonContent(TokenInfo, 'the token, shown once') },
});

/** Log-in with a cookie session (or a one-time code), log-out, who am I, and bearer tokens for scripts. */
export function authRoutes(ctx: AppContext) {
  /** Opens a cookie session for a user who has proved who they are, and notes the log-in. */
  const startSession = async (c: Context<AppEnv>, user: UserWithSecret) => {
    const token = newToken();
    const csrf = newToken();
    await ctx.store.writes.write(async (conn) => {
      await insertSession(conn, {
        tokenHash: tokenHash(token),
        userId: user.id,
        kind: 'cookie',
        csrf,
        expiresAt: expiry(SESSION_HOURS),
      });
      await recordLogin(conn, user.id);
    });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    const { passwordHash: _hash, ...publicUser } = user;
    return { user: { ...publicUser, lastLoginAt: sqlTimestamp(new Date()) }, csrfToken: csrf };
  };
  return router()
    .openapi(loginRoute, async (c) => {
      const { username, password } = c.req.valid('json');
      const keys = [`user:${username}`, `ip:${clientAddress(c)}`];
      await refuseWhileBlocked(ctx, keys);
      const user = await ctx.store.reads.read((conn) => findUserByUsername(conn, username));
      const ok = await verifyPassword(
        password,
        user?.passwordHash.startsWith('scrypt$') ? user.passwordHash : DUMMY_HASH,
      );
      if (!user || !ok || user.mustSetPassword) {
        await ctx.limiter.fail(keys);
        throw new Failure(401, 'bad_credentials', '用户名或密码错误', 'wrong user name or password');
      }
      if (user.disabled) throw disabledFailure();
      await ctx.limiter.succeed(keys);
      return c.json(await startSession(c, user), 200);
    })
    .openapi(redeemCodeRoute, async (c) => {
      const { username, code, password } = c.req.valid('json');
      const keys = [`user:${username}`, `ip:${clientAddress(c)}`];
      await refuseWhileBlocked(ctx, keys);
      const passwordHash = await hashPassword(password);
      const user = await ctx.store.writes
        .write(async (conn) => {
          const found = await findUserByUsername(conn, username);
          const stored = found ? await findLoginCode(conn, found.id, loginCodeHash(found.id, code)) : undefined;
          if (!found || !stored)
            throw codeFailure('bad_code', '用户名或登录码不正确', 'wrong user name or log-in code');
          if (found.disabled) throw disabledFailure();
          if (stored.usedAt !== null)
            throw codeFailure(
              'code_used',
              '该登录码已使用过，如需重新设置密码，请联系科协办公室获取新的登录码',
              'this code has been used already; ask the office for a new one',
            );
          if (stored.voidedAt !== null)
            throw codeFailure(
              'code_replaced',
              '该登录码已作废（办公室已发放了新的登录码），请使用最新的登录码',
              'this code was replaced by a newer one; use the newest code',
            );
          if (stored.expiresAt < sqlTimestamp(new Date()))
            throw codeFailure(
              'code_expired',
              '该登录码已过期，请联系科协办公室获取新的登录码',
              'this code has expired; ask the office for a new one',
            );
          await markLoginCodeUsed(conn, stored.id);
          await setUserPassword(conn, found.id, passwordHash);
          // The person sets their own password: they are the actor, and neither password nor code is recorded.
          await recordAudit(conn, [
            {
              actor: found.username,
              action: 'user.set-password',
              entity: 'user',
              entityId: found.id,
              previous: { mustSetPassword: found.mustSetPassword },
              next: { mustSetPassword: false, loginCodeUsed: true },
            },
          ]);
          return { ...found, mustSetPassword: false };
        })
        .catch(async (error: unknown) => {
          // Counted after the transaction that found no such code has ended: the count is a write of its own.
          if (error instanceof Failure && error.code === 'bad_code') await ctx.limiter.fail(keys);
          throw error;
        });
      await ctx.limiter.succeed(keys);
      return c.json(await startSession(c, user), 200);
    })
    .openapi(meRoute, (c) => c.json({ user: c.get('user'), csrfToken: c.get('session').csrf }, 200))
    .openapi(logoutRoute, async (c) => {
      await ctx.store.writes.write((conn) => deleteSession(conn, c.get('session').tokenHash));
      await ctx.evict('sessions', [c.get('session').tokenHash]);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    })
    .openapi(createTokenRoute, async (c) => {
      const token = newToken();
      const expiresAt = expiry(TOKEN_DAYS * 24);
      const { label } = c.req.valid('json');
      await ctx.store.writes.write((conn) =>
        insertSession(conn, {
          tokenHash: tokenHash(token),
          userId: c.get('user').id,
          kind: 'bearer',
          csrf: newToken(),
          expiresAt,
          label,
        }),
      );
      return c.json({ token, expiresAt }, 200);
    });
}
