import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { NewUser, toApiError } from '@kesu/schema';
import { findUserByUsername, insertUser, recordAudit } from '@kesu/store';
import { hashPassword } from '../../auth/passwords.js';
import type { Command } from '../command.js';
import { openContext } from './open-context.js';

export const userAdd: Command = {
  usage: 'kesu user add USERNAME --role ROLE [--region CODE] [--department NAME] [--name NAME] [--password-stdin]',
  summaryZh: '新建用户（不给密码时生成一个并显示一次）',
  summaryEn: 'create a user (a password is generated and shown once unless given on stdin)',
  readsStdin: (args) => args.includes('--password-stdin'),
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          role: { type: 'string' },
          region: { type: 'string' },
          department: { type: 'string' },
          name: { type: 'string' },
          'password-stdin': { type: 'boolean' },
        },
      });
    } catch (error) {
      io.err(`kesu user add: ${(error as Error).message}\n`);
      return 2;
    }
    const [username, ...extra] = parsed.positionals;
    const v = parsed.values;
    const password = v['password-stdin']
      ? ((await io.stdin?.()) ?? '').trim()
      : `kesu-${randomBytes(9).toString('base64url')}`;
    const input = NewUser.safeParse({
      username,
      displayName: v.name ?? username,
      password,
      role: v.role,
      regionCode: v.region ?? null,
      department: v.department ?? null,
    });
    if (!input.success || extra.length > 0) {
      const details = input.success ? [] : toApiError(input.error).error.details;
      const problems = details.map((d) => `${d.path || 'input'}: ${d.message} / ${d.messageEn}`).join('; ');
      io.err(`kesu user add: ${problems || 'one USERNAME only'}\n`);
      return 2;
    }
    const ctx = await openContext();
    try {
      if (input.data.regionCode && !ctx.regions.has(input.data.regionCode)) {
        io.err(`kesu user add: 行政区划代码不存在 / unknown region code ${input.data.regionCode}\n`);
        return 2;
      }
      if (await ctx.store.reads.read((conn) => findUserByUsername(conn, input.data.username))) {
        io.err(`kesu user add: 用户名已存在 / user name taken: ${input.data.username}\n`);
        return 1;
      }
      const passwordHash = await hashPassword(password);
      await ctx.store.writes.write(async (conn) => {
        const user = await insertUser(conn, { ...input.data, passwordHash });
        await recordAudit(conn, [
          { actor: 'cli', action: 'user.create', entity: 'user', entityId: user.id, previous: null, next: user },
        ]);
      });
      io.out(
        `已创建 / created ${input.data.username} (${input.data.role})` +
          `${v['password-stdin'] ? '' : `，密码 / password: ${password}`}\n`,
      );
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
