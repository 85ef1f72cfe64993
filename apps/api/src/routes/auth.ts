import { createRoute } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import { Password, User, Username } from '@kesu/schema';
import { deleteSession, findUserByUsername, insertSession } from '@kesu/store';
import { SESSION_COOKIE } from '../auth/middleware.js';
import { verifyPassword } from '../auth/passwords.js';
import { newToken, tokenHash } from '../auth/tokens.js';
import type { AppContext } from '../context.js';
import { Failure } from '../http/failure.js';
import { jsonContent, router } from '../http/openapi.js';

const SESSION_HOURS = 12;
const TOKEN_DAYS = 90;

const Login = z.strictObject({ username: Username, password: Password });
const SessionInfo = z.object({ user: User, csrfToken: z.string() });
const NewToken = z.strictObject({ label: z.string().min(1).max(60) });
const TokenInfo = z.object({ token: z.string(), expiresAt: z.string() });

/** The caller's address as the socket reports it (in-process test requests have none). */
function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

const expiry = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString().replace('T', ' ').replace('Z', '');

/** Log-in with a cookie session, log-out, who am I, and bearer tokens for scripts. */
export function authRoutes(ctx: AppContext) {
  return router()
    .openapi(
    createRoute({ method: 'post', path: '/login', tags: ['auth'], summary: '登录 / log in', request: { body: jsonContent(Login) }, responses: { 200: jsonContent(SessionInfo, 'logged in') } }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const keys = [`user:${username}`, `ip:${clientAddress(c)}`];
      if (ctx.limiter.blocked(keys)) throw new Failure(429, 'too_many_attempts', '登录失败次数过多，请 15 分钟后再试', 'too many failed log-ins; try again in 15 minutes');
      const user = await ctx.store.reads.read((conn) => findUserByUsername(conn, username));
      // Verify even for unknown users so timing does not reveal which names exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
      if (!user || !ok) {
        ctx.limiter.fail(keys);
        throw new Failure(401, 'bad_credentials', '用户名或密码错误', 'wrong user name or password');
      }
      ctx.limiter.succeed(keys);
      const token = newToken();
      const csrf = newToken();
      await ctx.store.writes.write((conn) => insertSession(conn, { tokenHash: tokenHash(token), userId: user.id, kind: 'cookie', csrf, expiresAt: expiry(SESSION_HOURS) }));
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: SESSION_HOURS * 3600 });
      const { passwordHash: _hash, ...publicUser } = user;
      return c.json({ user: publicUser, csrfToken: csrf }, 200);
    },
  )
    .openapi(
      createRoute({ method: 'get', path: '/me', tags: ['auth'], summary: '当前用户 / who am I', responses: { 200: jsonContent(SessionInfo, 'the caller') } }),
      (c) => c.json({ user: c.get('user'), csrfToken: c.get('session').csrf }, 200),
    )
    .openapi(
      createRoute({ method: 'post', path: '/logout', tags: ['auth'], summary: '退出 / log out', responses: { 200: jsonContent(z.object({ ok: z.literal(true) }), 'logged out') } }),
      async (c) => {
        await ctx.store.writes.write((conn) => deleteSession(conn, c.get('session').tokenHash));
        ctx.caches.sessions.delete(c.get('session').tokenHash);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.json({ ok: true as const }, 200);
      },
    )
    .openapi(
      createRoute({ method: 'post', path: '/tokens', tags: ['auth'], summary: '创建脚本用令牌 / create a bearer token', request: { body: jsonContent(NewToken) }, responses: { 200: jsonContent(TokenInfo, 'the token, shown once') } }),
      async (c) => {
        const token = newToken();
        const expiresAt = expiry(TOKEN_DAYS * 24);
        const { label } = c.req.valid('json');
        await ctx.store.writes.write((conn) => insertSession(conn, { tokenHash: tokenHash(token), userId: c.get('user').id, kind: 'bearer', csrf: newToken(), expiresAt, label }));
        return c.json({ token, expiresAt }, 200);
      },
    );
}
