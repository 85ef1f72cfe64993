import { statSync } from 'node:fs';
import path from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { formatBeijingFileStamp } from '@kesu/schema';
import { backupStore, recordAudit } from '@kesu/store';
import { requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { jsonContent, router } from '../http/openapi.js';

const Backup = z.object({ file: z.string(), bytes: z.int() });

/** A consistent copy of the database while the server keeps running. */
export function backupRoutes(ctx: AppContext) {
  return router().openapi(
    createRoute({ method: 'post', path: '/', tags: ['admin'], summary: '备份数据库 / back up the database', middleware: [requireRole('admin')] as const, responses: { 201: jsonContent(Backup, 'backup written') } }),
    async (c) => {
      const name = `kesu-${formatBeijingFileStamp(Date.now())}.duckdb`;
      const file = await backupStore(ctx.store, path.join(ctx.dataDir, 'backups', name));
      await ctx.store.writes.write((conn) => recordAudit(conn, [{ actor: c.get('user').username, action: 'backup.create', entity: 'user', entityId: c.get('user').id, previous: null, next: { file: name } }]));
      return c.json({ file: path.relative(ctx.dataDir, file), bytes: statSync(file).size }, 201);
    },
  );
}
