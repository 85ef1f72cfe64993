import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import {
  CreatedUser,
  inRegionTree,
  LoginCode,
  LoginSheet,
  NewUser,
  regionPrefix,
  toApiError,
  UnitAccounts,
  UnitAccountsQuery,
  User,
  UserChange,
  UserIdParam,
  userFieldLabel,
  UserProfile,
  UserRegionQuery,
} from '@kesu/schema';
import {
  countActiveAdmins,
  deleteUserSessions,
  findUserByUsername,
  getUser,
  insertUser,
  listUsers,
  NO_PASSWORD,
  sessionHashesOf,
  setUserDisabled,
  setUserPassword,
  updateUserProfile,
  voidLoginCodes,
  type Store,
} from '@kesu/store';
import { issueCode } from '../accounts/issue-code.js';
import { loginSheet } from '../accounts/login-sheet.js';
import { unitAccountsWithin } from '../accounts/unit-accounts.js';
import { requireRole } from '../auth/middleware.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext, AppEnv } from '../context.js';
import { audited } from '../http/audited.js';
import { Failure, forbidden, notFound } from '../http/failure.js';
import { jsonContent, refusals, router } from '../http/openapi.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Conn = Store['connection'];
/** A refused user body names its fields as people know them (「所属地区」, not regionCode). */
function refuseLabelled(error: z.ZodError): never {
  const { error: body } = toApiError(error, userFieldLabel);
  throw new Failure(400, body.code, body.message, body.messageEn, body.details);
}
const labelled = (result: { success: boolean; error?: unknown }): undefined => {
  if (!result.success) refuseLabelled(result.error as z.ZodError);
  return undefined;
};
const profileOf = (u: User): UserProfile => ({
  displayName: u.displayName,
  role: u.role,
  regionCode: u.regionCode,
  department: u.department,
  email: u.email,
});

const regionFailure = (code: string) =>
  new Failure(400, 'unknown_region', `行政区划代码「${code}」不存在`, `no region with code ${code}`, [
    { path: 'regionCode', code: 'unknown_region', message: '行政区划代码不存在', messageEn: 'unknown region code' },
  ]);

/**
 * A department must be a unit the system knows in that region (a plan names it, or something was
 * assigned to it): a misspelt name would give an account that never sees a form.
 */
async function checkDepartment(conn: Conn, regionCode: string | null, department: string | null): Promise<void> {
  if (department === null) return;
  const detail = (message: string, messageEn: string) => [
    { path: 'department', code: 'unknown_department', message, messageEn },
  ];
  if (regionCode === null)
    throw new Failure(
      400,
      'unknown_department',
      '所属单位须属于一个地区，请先选择地区',
      'a department belongs to a region: choose the region first',
      detail('请先选择地区', 'choose a region'),
    );
  const known = (await unitAccountsWithin(conn, regionCode)).some(
    (u) => u.regionCode === regionCode && u.department === department,
  );
  if (!known) {
    throw new Failure(
      400,
      'unknown_department',
      `该地区没有名为「${department}」的单位（须为实施方案中列出的或已下发任务的单位）`,
      `no unit named ${department} in that region (it must be named in a plan or have assignments)`,
      detail('该地区没有这个单位', 'no such unit in that region'),
    );
  }
}

/** The office keeps at least one enabled administrator: a change that would leave none is refused. */
async function keepAnAdmin(conn: Conn, user: User): Promise<void> {
  if (user.role === 'admin' && !user.disabled && (await countActiveAdmins(conn)) <= 1) {
    throw new Failure(
      409,
      'last_admin',
      '这是最后一个可用的管理员账号，不能停用或改为其他角色',
      'this is the last enabled administrator: it cannot be disabled or given another role',
    );
  }
}

const listUsersRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['users'],
  summary: '用户列表 / users',
  middleware: [requireRole('office')] as const,
  responses: { 200: jsonContent(z.array(User), 'users') },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['users'],
  summary: '新建用户 / create a user (without a password: with a one-time log-in code, shown once)',
  middleware: [requireRole('office')] as const,
  request: { body: jsonContent(NewUser) },
  responses: { 201: jsonContent(CreatedUser, 'created'), ...refusals(409) },
});

const unitAccountsRoute = createRoute({
  method: 'get',
  path: '/units',
  tags: ['users'],
  summary: '地区的填报单位及其账号 / the units of a region (named in plans or assigned) with their reporter accounts',
  middleware: [requireRole('office')] as const,
  request: { query: UnitAccountsQuery },
  responses: { 200: jsonContent(z.array(UnitAccounts), 'units') },
});

const missingAccountsRoute = createRoute({
  method: 'get',
  path: '/missing-accounts',
  tags: ['users'],
  summary: '尚无填报账号的单位 / units in your region tree with no enabled reporter account',
  middleware: [requireRole('chaseAccounts')] as const,
  request: { query: UserRegionQuery },
  responses: { 200: jsonContent(z.array(UnitAccounts), 'units without an account') },
});

const loginSheetRoute = createRoute({
  method: 'post',
  path: '/login-sheet',
  tags: ['users'],
  summary: '登录信息表 / the handed-out log-ins as a printable workbook (nothing is stored)',
  middleware: [requireRole('office')] as const,
  request: { body: jsonContent(LoginSheet) },
  responses: {
    200: {
      content: { [XLSX]: { schema: z.string().meta({ description: 'xlsx bytes' }) } },
      description: 'the workbook',
    },
  },
});

const changeUserRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['users'],
  summary: '修改用户 / change a user’s name, role, region, unit or e-mail',
  middleware: [requireRole('office')] as const,
  request: { params: UserIdParam, body: jsonContent(UserChange) },
  responses: { 200: jsonContent(User, 'changed'), ...refusals(409) },
});

const disableUserRoute = createRoute({
  method: 'post',
  path: '/{id}/disable',
  tags: ['users'],
  summary: '停用用户 / disable a user: log-in refused, every session ended at once',
  middleware: [requireRole('office')] as const,
  request: { params: UserIdParam },
  responses: { 200: jsonContent(User, 'disabled'), ...refusals(409) },
});

const enableUserRoute = createRoute({
  method: 'post',
  path: '/{id}/enable',
  tags: ['users'],
  summary: '启用用户 / enable a disabled user again',
  middleware: [requireRole('office')] as const,
  request: { params: UserIdParam },
  responses: { 200: jsonContent(User, 'enabled') },
});

const resetPasswordRoute = createRoute({
  method: 'post',
  path: '/{id}/reset-password',
  tags: ['users'],
  summary:
    '重置密码 / reset a password: the old one stops working, sessions end, and a one-time log-in code is shown once',
  middleware: [requireRole('office')] as const,
  request: { params: UserIdParam },
  responses: { 200: jsonContent(LoginCode, 'the code, shown once'), ...refusals(409) },
});

/** Users: the office creates, edits, disables and re-enables accounts and hands out one-time log-in codes. */
export function userRoutes(ctx: AppContext) {
  const checkRegion = (code: string | null) => {
    if (code !== null && !ctx.regions.has(code)) throw regionFailure(code);
  };
  const loadUser = async (conn: Conn, id: string) => {
    const user = await getUser(conn, id);
    if (!user) throw notFound('用户', 'user');
    const { passwordHash: _hash, ...shown } = user;
    return shown;
  };
  /** Sessions are cached per request path: after a change commits, the cache must not serve the old user. */
  const forget = (hashes: string[]) => ctx.evict('sessions', hashes);
  /** The region tree a caller may look at: the office every region (or the one asked for), others their own. */
  const scopeOf = (c: Context<AppEnv>, region: string | undefined) => {
    const user = c.get('user');
    if (region !== undefined) checkRegion(region);
    if (user.role === 'admin') return region === undefined ? '' : regionPrefix(region);
    if (user.regionCode === null || (region !== undefined && !inRegionTree(user.regionCode, region))) throw forbidden();
    return regionPrefix(region ?? user.regionCode);
  };

  return router()
    .openapi(listUsersRoute, async (c) => c.json(await ctx.store.reads.read((conn) => listUsers(conn)), 200))
    .openapi(
      createUserRoute,
      async (c) => {
        const { password, ...input } = c.req.valid('json');
        checkRegion(input.regionCode);
        const passwordHash = password === undefined ? NO_PASSWORD : await hashPassword(password);
        const actor = c.get('user').username;
        const created = await audited(
          ctx,
          c,
          'user.create',
          'user',
          async (conn) => {
            if (await findUserByUsername(conn, input.username))
              throw new Failure(
                409,
                'username_taken',
                `用户名「${input.username}」已被使用`,
                `user name ${input.username} is taken`,
                [{ path: 'username', code: 'username_taken', message: '用户名已被使用', messageEn: 'user name taken' }],
              );
            await checkDepartment(conn, input.regionCode, input.department);
            const user = await insertUser(conn, { ...input, passwordHash });
            return { ...user, loginCode: password === undefined ? await issueCode(conn, user, actor) : null };
          },
          ({ loginCode, ...user }) => ({
            entityId: user.id,
            previous: null,
            next: { ...user, loginCodeExpiresAt: loginCode?.expiresAt ?? null },
          }),
        );
        return c.json(created, 201);
      },
      labelled,
    )
    .openapi(unitAccountsRoute, async (c) => {
      const { region } = c.req.valid('query');
      checkRegion(region);
      const units = await ctx.store.reads.read((conn) => unitAccountsWithin(conn, region));
      return c.json(
        units.filter((u) => u.regionCode === region),
        200,
      );
    })
    .openapi(missingAccountsRoute, async (c) => {
      const prefix = scopeOf(c, c.req.valid('query').region);
      const units = await ctx.store.reads.read((conn) => unitAccountsWithin(conn, prefix));
      return c.json(
        units.filter((u) => u.usernames.length === 0),
        200,
      );
    })
    .openapi(loginSheetRoute, async (c) => {
      const sheet = c.req.valid('json');
      const name = encodeURIComponent(`${sheet.title}.xlsx`);
      return c.body(new Uint8Array(await loginSheet(sheet)), 200, {
        'content-type': XLSX,
        'content-disposition': `attachment; filename*=UTF-8''${name}`,
        'cache-control': 'no-store',
      });
    })
    .openapi(
      changeUserRoute,
      async (c) => {
        const { id } = c.req.valid('param');
        const change = c.req.valid('json');
        const result = await audited(
          ctx,
          c,
          'user.update',
          'user',
          async (conn) => {
            const before = await loadUser(conn, id);
            const checked = UserProfile.safeParse({ ...profileOf(before), ...change });
            if (!checked.success) refuseLabelled(checked.error);
            const profile = checked.data;
            checkRegion(profile.regionCode);
            if (profile.department !== before.department || profile.regionCode !== before.regionCode)
              await checkDepartment(conn, profile.regionCode, profile.department);
            if (profile.role !== 'admin') await keepAnAdmin(conn, before);
            const after = await updateUserProfile(conn, id, profile);
            return { before, after, hashes: await sessionHashesOf(conn, id) };
          },
          ({ before, after }) => ({ entityId: id, previous: profileOf(before), next: profileOf(after) }),
        );
        await forget(result.hashes);
        return c.json(result.after, 200);
      },
      labelled,
    )
    .openapi(disableUserRoute, async (c) => {
      const { id } = c.req.valid('param');
      if (id === c.get('user').id)
        throw new Failure(409, 'own_account', '不能停用自己的账号', 'you cannot disable your own account');
      const result = await audited(
        ctx,
        c,
        'user.disable',
        'user',
        async (conn) => {
          const before = await loadUser(conn, id);
          if (before.disabled) return { before, after: before, hashes: [] };
          await keepAnAdmin(conn, before);
          const at = new Date();
          const after = await setUserDisabled(conn, id, at);
          await voidLoginCodes(conn, id, at);
          return { before, after, hashes: await deleteUserSessions(conn, id) };
        },
        ({ before, after }) =>
          before.disabled
            ? []
            : {
                entityId: id,
                previous: { disabled: false },
                next: { disabled: after.disabled, sessionsEnded: true },
              },
      );
      await forget(result.hashes);
      return c.json(result.after, 200);
    })
    .openapi(enableUserRoute, async (c) => {
      const { id } = c.req.valid('param');
      const result = await audited(
        ctx,
        c,
        'user.enable',
        'user',
        async (conn) => {
          const before = await loadUser(conn, id);
          return { before, after: before.disabled ? await setUserDisabled(conn, id, null) : before };
        },
        ({ before }) =>
          before.disabled ? { entityId: id, previous: { disabled: true }, next: { disabled: false } } : [],
      );
      return c.json(result.after, 200);
    })
    .openapi(resetPasswordRoute, async (c) => {
      const { id } = c.req.valid('param');
      if (id === c.get('user').id)
        throw new Failure(
          409,
          'own_account',
          '不能重置自己的密码，请由另一位管理员操作',
          'you cannot reset your own password: ask another administrator',
        );
      const actor = c.get('user').username;
      const result = await audited(
        ctx,
        c,
        'user.reset-password',
        'user',
        async (conn) => {
          const before = await loadUser(conn, id);
          if (before.disabled)
            throw new Failure(
              409,
              'account_disabled',
              '账号已停用，请先启用再重置密码',
              'the account is disabled: enable it before resetting its password',
            );
          await setUserPassword(conn, id, NO_PASSWORD);
          const loginCode = await issueCode(conn, before, actor);
          return { before, loginCode, hashes: await deleteUserSessions(conn, id) };
        },
        // The code itself never enters the audit trail: only that one was issued, and until when.
        ({ before, loginCode }) => ({
          entityId: id,
          previous: { mustSetPassword: before.mustSetPassword },
          next: { mustSetPassword: true, loginCodeExpiresAt: loginCode.expiresAt, sessionsEnded: true },
        }),
      );
      await forget(result.hashes);
      return c.json(result.loginCode, 200);
    });
}
