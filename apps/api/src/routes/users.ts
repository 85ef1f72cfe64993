import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { NewUser, User } from '@kesu/schema';
import { findUserByUsername, insertUser, listUsers } from '@kesu/store';
import { requireRole } from '../auth/middleware.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import { audited } from '../http/audited.js';
import { Failure } from '../http/failure.js';
import { jsonContent, router } from '../http/openapi.js';

/** The office manages users; nobody else sees the list. */
export function userRoutes(ctx: AppContext) {
  return router()
    .openapi(
      createRoute({ method: 'get', path: '/', tags: ['users'], summary: '用户列表 / users', middleware: [requireRole('admin')] as const, responses: { 200: jsonContent(z.array(User), 'users') } }),
      async (c) => c.json(await ctx.store.reads.read((conn) => listUsers(conn)), 200),
    )
    .openapi(
      createRoute({ method: 'post', path: '/', tags: ['users'], summary: '新建用户 / create a user', middleware: [requireRole('admin')] as const, request: { body: jsonContent(NewUser) }, responses: { 201: jsonContent(User, 'created') } }),
      async (c) => {
        const input = c.req.valid('json');
        if (input.regionCode !== null && !ctx.regions.has(input.regionCode)) {
          throw new Failure(400, 'unknown_region', `行政区划代码「${input.regionCode}」不存在`, `no region with code ${input.regionCode}`, [
            { path: 'regionCode', code: 'unknown_region', message: '行政区划代码不存在', messageEn: 'unknown region code' },
          ]);
        }
        const passwordHash = await hashPassword(input.password);
        const user = await audited(
          ctx,
          c,
          'user.create',
          'user',
          async (conn) => {
            if (await findUserByUsername(conn, input.username)) throw new Failure(409, 'username_taken', `用户名「${input.username}」已被使用`, `user name ${input.username} is taken`);
            return insertUser(conn, { ...input, passwordHash });
          },
          (created) => ({ entityId: created.id, previous: null, next: created }),
        );
        return c.json(user, 201);
      },
    );
}
