import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { inRegionTree, ROLE_GROUPS, type Role, type RoleGroup, type User } from '@kesu/schema';
import { findSession, getUser } from '@kesu/store';
import type { AppContext, AppEnv } from '../context.js';
import { Failure, forbidden, unauthenticated } from '../http/failure.js';
import type { RoleGuard } from '../http/openapi.js';
import { tokenHash } from './tokens.js';

export const SESSION_COOKIE = 'kesu_session';
/** The header a cookie-authenticated write echoes the session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** Now, in the form session expiry times are stored in (UTC, `YYYY-MM-DD HH:MM:SS`). */
function sqlNow(): string {
  return new Date().toISOString().replace('T', ' ').replace('Z', '');
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds the caller from the session cookie or a bearer token. Writes made with the cookie
 * must echo the session's CSRF token in `X-CSRF-Token`; bearer tokens are not sent by
 * browsers on their own, so they need none.
 */
export function authenticate(ctx: AppContext) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const token = bearer ?? getCookie(c, SESSION_COOKIE) ?? null;
    if (!token) throw unauthenticated();
    const found = await ctx.caches.sessions.through(tokenHash(token), async () => {
      const session = await ctx.store.reads.read((conn) => findSession(conn, tokenHash(token)));
      const withSecret = session ? await ctx.store.reads.read((conn) => getUser(conn, session.userId)) : undefined;
      if (!session || !withSecret) return undefined;
      const { passwordHash: _hash, ...user } = withSecret;
      return { session, user };
    });
    if (!found || (bearer !== null) !== (found.session.kind === 'bearer') || found.session.expiresAt < sqlNow())
      throw unauthenticated();
    const { session, user } = found;
    // Disabling ends the sessions; this catches one another node still had in its cache.
    if (user.disabled)
      throw new Failure(
        401,
        'account_disabled',
        '账号已停用，请联系科协办公室',
        'this account is disabled; contact the office',
      );
    if (session.kind === 'cookie' && !SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrf) {
      throw new Failure(
        403,
        'csrf',
        '请求缺少有效的 CSRF 令牌，请刷新页面',
        'missing or wrong CSRF token; reload the page',
      );
    }
    c.set('user', user);
    c.set('session', session);
    await next();
  });
}

/** Lets only the roles of a group through (the roles also go into the API description). */
export function requireRole(group: RoleGroup) {
  const roles: readonly Role[] = ROLE_GROUPS[group];
  const guard = createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.get('user').role)) throw forbidden();
    await next();
  });
  return Object.assign(guard, { roles } satisfies RoleGuard);
}

/** Whether a user may see data of a region: admins everything, others their region tree. */
export function canSeeRegion(user: User, regionCode: string | null): boolean {
  if (user.role === 'admin') return true;
  if (user.regionCode === null || regionCode === null) return false;
  return inRegionTree(user.regionCode, regionCode);
}
