import { createRoute } from '@hono/zod-openapi';
import { IdParam, ReporterAccounts, type CreatedReporter, type SkippedUnit } from '@kesu/schema';
import { getPlan, insertUser, listReporterUnits, listUsers, NO_PASSWORD } from '@kesu/store';
import { issueCode } from '../accounts/issue-code.js';
import { reportingUnits } from '../accounts/plan-units.js';
import { reporterUsername } from '../accounts/reporter-username.js';
import { requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { audited } from '../http/audited.js';
import { notFound } from '../http/failure.js';
import { jsonContent, router } from '../http/openapi.js';

const reporterAccountsRoute = createRoute({
  method: 'post',
  path: '/{id}/reporter-accounts',
  tags: ['plans', 'users'],
  summary:
    '为方案中的单位创建填报账号 / ' +
    'create a reporter account, with a one-time log-in code, for every unit of a plan that has none',
  middleware: [requireRole('office')] as const,
  request: { params: IdParam },
  responses: {
    201: jsonContent(ReporterAccounts, 'the new accounts with their codes (shown once) and the units skipped'),
  },
});

/** The one step from a plan to people who can fill its forms: a reporter account for every unit it names. */
export function planAccountRoutes(ctx: AppContext) {
  return router().openapi(reporterAccountsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const record = await ctx.store.reads.read((conn) => getPlan(conn, id));
    if (!record) throw notFound('方案', 'plan');
    const actor = c.get('user').username;
    const result = await audited(
      ctx,
      c,
      'user.create',
      'user',
      async (conn) => {
        const reporters = await listReporterUnits(conn);
        const taken = new Set((await listUsers(conn)).map((u) => u.username));
        const created: CreatedReporter[] = [];
        const skipped: SkippedUnit[] = [];
        for (const unit of reportingUnits(record.plan)) {
          const key = { regionCode: unit.regionCode, department: unit.department };
          const own = reporters.filter((r) => r.regionCode === unit.regionCode && r.department === unit.department);
          const enabled = own.find((r) => !r.disabled);
          if (enabled || own.length > 0) {
            skipped.push({
              ...key,
              username: (enabled ?? own[0])?.username ?? null,
              reason: enabled ? 'has_account' : 'disabled_account',
            });
            continue;
          }
          if (!ctx.regions.has(unit.regionCode)) {
            skipped.push({ ...key, username: null, reason: 'unknown_region' });
            continue;
          }
          const username = reporterUsername(unit, taken);
          taken.add(username);
          const displayName = `${unit.department}填报人`.slice(0, 60);
          const user = await insertUser(conn, {
            username,
            displayName,
            passwordHash: NO_PASSWORD,
            role: 'reporter',
            regionCode: unit.regionCode,
            department: unit.department,
          });
          const { code, link, expiresAt } = await issueCode(conn, user, actor);
          created.push({ ...key, userId: user.id, username, displayName, code, link, expiresAt });
        }
        return { created, skipped };
      },
      // One entry per account, as if each were made by hand; the codes stay out of the trail.
      ({ created }) =>
        created.map((r) => ({
          entityId: r.userId,
          previous: null,
          next: {
            username: r.username,
            displayName: r.displayName,
            role: 'reporter',
            regionCode: r.regionCode,
            department: r.department,
            plan: id,
            loginCodeExpiresAt: r.expiresAt,
          },
        })),
    );
    return c.json(result, 201);
  });
}
