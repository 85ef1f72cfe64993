import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { AuditEvent } from '@kesu/schema';
import { listAudit } from '@kesu/store';
import { requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { jsonContent, router } from '../http/openapi.js';

const AuditQuery = z.object({
  entity: z.enum(['plan', 'form', 'assignment', 'submission', 'user']).optional(),
  entityId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(10000).default(1000),
});

/** Who changed what and when, with the previous value: for the office. */
export function auditRoutes(ctx: AppContext) {
  return router().openapi(
    createRoute({ method: 'get', path: '/', tags: ['audit'], summary: '审计记录 / audit trail', middleware: [requireRole('admin')] as const, request: { query: AuditQuery }, responses: { 200: jsonContent(z.array(AuditEvent), 'events, oldest first') } }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await ctx.store.reads.read((conn) => listAudit(conn, { ...(q.entity ? { entity: q.entity } : {}), ...(q.entityId ? { entityId: q.entityId } : {}), limit: q.limit })), 200);
    },
  );
}
