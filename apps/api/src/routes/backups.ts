import { createReadStream, existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import { BackupBytes, BackupFile, BackupNameParam, formatBeijingFileStamp } from '@kesu/schema';
import { BackupNotHereError, backupStore, recordAudit } from '@kesu/store';
import { requireRole } from '../auth/middleware.js';
import type { AppContext, AppEnv } from '../context.js';
import { Failure, notFound } from '../http/failure.js';
import { jsonContent, router, refusals } from '../http/openapi.js';

// What `kesu backup`, `kesu restore` and this API write: a plain name ending in .duckdb.
const BACKUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,199}\.duckdb$/;

const badName = (name: string) =>
  new Failure(
    400,
    'bad_backup_name',
    `「${name}」不是备份文件名：只能下载备份目录中的文件，不能带路径`,
    `"${name}" is not a backup file name: only files in the backups folder, without a path`,
    [
      {
        path: 'name',
        code: 'bad_backup_name',
        message: '只能是备份目录中的文件名',
        messageEn: 'a plain file name from the backups folder',
      },
    ],
  );

/**
 * A backup's listing entry, or null for anything that is not a plain backup file (a link, a
 * folder, a partial copy).
 */
function describe(dataDir: string, name: string): BackupFile | null {
  const file = path.join(dataDir, 'backups', name);
  if (!BACKUP_NAME.test(name) || !existsSync(file)) return null;
  const stat = lstatSync(file);
  if (!stat.isFile()) return null;
  return { file: path.relative(dataDir, file), name, bytes: stat.size, madeAt: stat.mtime.toISOString() };
}

function audit(ctx: AppContext, c: Context<AppEnv>, action: string, name: string) {
  const user = c.get('user');
  return ctx.store.writes.write((conn) =>
    recordAudit(conn, [
      { actor: user.username, action, entity: 'user', entityId: user.id, previous: null, next: { file: name } },
    ]),
  );
}

const listBackupsRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['admin'],
  summary: '备份列表 / the backups in the data folder',
  middleware: [requireRole('office')] as const,
  responses: { 200: jsonContent(z.array(BackupFile), 'backups, newest first') },
});

const makeBackupRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['admin'],
  summary: '备份数据库 / back up the database',
  middleware: [requireRole('office')] as const,
  responses: { ...refusals(409), 201: jsonContent(BackupFile, 'backup written') },
});

const downloadBackupRoute = createRoute({
  method: 'get',
  path: '/{name}',
  tags: ['admin'],
  summary: '下载备份 / download a backup',
  middleware: [requireRole('office')] as const,
  request: { params: BackupNameParam },
  responses: {
    200: {
      content: { 'application/octet-stream': { schema: BackupBytes } },
      description: 'the backup file',
    },
  },
});

/** Copies of the database: made while the server keeps running, listed, and downloaded by the office. */
export function backupRoutes(ctx: AppContext) {
  const folder = path.join(ctx.dataDir, 'backups');
  return router()
    .openapi(listBackupsRoute, (c) => {
      const names = existsSync(folder) ? readdirSync(folder) : [];
      const found = names.flatMap((name) => describe(ctx.dataDir, name) ?? []);
      return c.json(
        found.sort((a, b) => b.madeAt.localeCompare(a.madeAt) || b.name.localeCompare(a.name)),
        200,
      );
    })
    .openapi(makeBackupRoute, async (c) => {
      if (ctx.store.file === null) {
        const refusal = new BackupNotHereError();
        throw new Failure(409, 'backup_with_server_tools', refusal.zh, refusal.message);
      }
      const name = `kesu-${formatBeijingFileStamp(Date.now())}.duckdb`;
      const file = await backupStore(ctx.store, path.join(folder, name));
      await audit(ctx, c, 'backup.create', name);
      const stat = statSync(file);
      return c.json(
        { file: path.relative(ctx.dataDir, file), name, bytes: stat.size, madeAt: stat.mtime.toISOString() },
        201,
      );
    })
    .openapi(downloadBackupRoute, async (c) => {
      const { name } = c.req.valid('param');
      // Only a plain name of this folder: a path (../kesu.duckdb, /etc/passwd) is refused, never resolved.
      if (!BACKUP_NAME.test(name) || name.includes('..') || path.basename(name) !== name) throw badName(name);
      const found = describe(ctx.dataDir, name);
      if (!found) throw notFound(`备份「${name}」`, `backup ${name}`);
      await audit(ctx, c, 'backup.download', name);
      const stream = Readable.toWeb(createReadStream(path.join(folder, name))) as ReadableStream<Uint8Array>;
      return c.body(stream, 200, {
        'content-type': 'application/octet-stream',
        'content-length': String(found.bytes),
        'content-disposition': `attachment; filename="${name}"`,
      });
    });
}
