import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { AuditActor, AuditPage, AuditQuery, beijingDayStart } from '@kesu/schema';
import { listAuditActors, searchAudit } from '@kesu/store';
import { requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { Failure } from '../http/failure.js';
import { jsonContent, router } from '../http/openapi.js';

const DAY_MS = 86_400_000;

const searchAuditRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['audit'],
  summary: '审计记录（筛选、分页，默认最新在前）/ audit trail, filtered and paged, newest first by default',
  middleware: [requireRole('office')] as const,
  request: { query: AuditQuery },
  responses: { 200: jsonContent(AuditPage, 'a page of events and the number matching in all') },
});

const auditActorsRoute = createRoute({
  method: 'get',
  path: '/actors',
  tags: ['audit'],
  summary: '审计记录中的操作人 / who appears in the audit trail',
  middleware: [requireRole('office')] as const,
  responses: { 200: jsonContent(z.array(AuditActor), 'actors by user name') },
});

/** Who changed what and when, with the previous value: for the office. */
export function auditRoutes(ctx: AppContext) {
  return router()
    .openapi(searchAuditRoute, async (c) => {
      const { from, to, ...q } = c.req.valid('query');
      if (from && to && from > to) {
        throw new Failure(
          400,
          'bad_range',
          `开始日期 ${from} 晚于结束日期 ${to}`,
          `the start date ${from} is after the end date ${to}`,
          [{ path: 'from', code: 'bad_range', message: '开始日期晚于结束日期', messageEn: 'start after end' }],
        );
      }
      // The days are Beijing calendar days; the trail is stored in UTC.
      const range = {
        ...(from ? { from: beijingDayStart(from) } : {}),
        ...(to ? { until: new Date(beijingDayStart(to).getTime() + DAY_MS) } : {}),
      };
      const filter = {
        ...definedOnly({ actor: q.actor, action: q.action, entity: q.entity, entityId: q.entityId }),
        ...range,
        order: q.order,
        limit: q.limit,
        offset: q.offset,
      };
      const page = await ctx.store.reads.read((conn) => searchAudit(conn, filter));
      return c.json({ ...page, offset: q.offset, limit: q.limit }, 200);
    })
    .openapi(auditActorsRoute, async (c) => c.json(await ctx.store.reads.read((conn) => listAuditActors(conn)), 200));
}

/** The filter's fields that were given (the store's options are exact optional properties). */
function definedOnly<T extends Record<string, string | undefined>>(fields: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: string };
}
