import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { SavedQuery, SavedQueryBody, SavedQueryDeleted, SavedQueryIdParam, type User } from '@kesu/schema';
import {
  deleteSavedQuery,
  getSavedQuery,
  insertSavedQuery,
  listSavedQueries,
  updateSavedQuery,
  type SavedQueryRecord,
} from '@kesu/store';
import { requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { audited } from '../http/audited.js';
import { Failure, notFound } from '../http/failure.js';
import { jsonContent, router } from '../http/openapi.js';

const view = (q: SavedQueryRecord, user: User): SavedQuery => ({
  id: q.id,
  title: q.title,
  sql: q.sql,
  shared: q.shared,
  owner: q.ownerUsername,
  ownerName: q.ownerName,
  mine: q.ownerId === user.id,
  updatedAt: q.updatedAt,
});
/** What the audit trail keeps of a query. */
const trail = (q: SavedQueryRecord) => ({ title: q.title, sql: q.sql, shared: q.shared });

/**
 * A query the caller may change: their own. Someone else's shared query answers 403, and one
 * they cannot see at all 404 (as if it did not exist).
 */
async function ownQuery(conn: Parameters<typeof getSavedQuery>[0], user: User, id: string): Promise<SavedQueryRecord> {
  const found = await getSavedQuery(conn, id);
  if (!found || (found.ownerId !== user.id && !found.shared)) throw notFound('查询', 'saved query');
  if (found.ownerId !== user.id)
    throw new Failure(
      403,
      'not_owner',
      '只有创建者可以修改或删除这条查询',
      'only its author may change or delete this query',
    );
  return found;
}

const listSavedQueriesRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['analytics'],
  summary: '已保存的查询（本人的和共享的）/ saved queries: your own and shared ones',
  middleware: [requireRole('analyse')] as const,
  responses: { 200: jsonContent(z.array(SavedQuery), 'latest change first') },
});

const saveQueryRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['analytics'],
  summary: '保存查询 / save a query',
  middleware: [requireRole('analyse')] as const,
  request: { body: jsonContent(SavedQueryBody) },
  responses: { 201: jsonContent(SavedQuery, 'saved') },
});

const changeSavedQueryRoute = createRoute({
  method: 'put',
  path: '/{id}',
  tags: ['analytics'],
  summary: '修改自己保存的查询 / change a query you saved',
  middleware: [requireRole('analyse')] as const,
  request: { params: SavedQueryIdParam, body: jsonContent(SavedQueryBody) },
  responses: { 200: jsonContent(SavedQuery, 'changed') },
});

const deleteSavedQueryRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags: ['analytics'],
  summary: '删除自己保存的查询 / delete a query you saved',
  middleware: [requireRole('analyse')] as const,
  request: { params: SavedQueryIdParam },
  responses: { 200: jsonContent(SavedQueryDeleted, 'deleted') },
});

/** Saved SQL of statisticians and the office: their own, and what others share with them. */
export function savedQueryRoutes(ctx: AppContext) {
  return router()
    .openapi(listSavedQueriesRoute, async (c) => {
      const user = c.get('user');
      return c.json(
        (await ctx.store.reads.read((conn) => listSavedQueries(conn, user.id))).map((q) => view(q, user)),
        200,
      );
    })
    .openapi(saveQueryRoute, async (c) => {
      const user = c.get('user');
      const input = c.req.valid('json');
      const saved = await audited(
        ctx,
        c,
        'saved_query.create',
        'saved_query',
        (conn) => insertSavedQuery(conn, user.id, input),
        (q) => ({ entityId: q.id, previous: null, next: trail(q) }),
      );
      return c.json(view(saved, user), 201);
    })
    .openapi(changeSavedQueryRoute, async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      // Checked on the writing connection, so ownership cannot change between the check and the write.
      const { saved } = await audited(
        ctx,
        c,
        'saved_query.update',
        'saved_query',
        async (conn) => ({
          previous: await ownQuery(conn, user, id),
          saved: await updateSavedQuery(conn, id, c.req.valid('json')),
        }),
        ({ previous, saved: q }) => ({ entityId: id, previous: trail(previous), next: trail(q) }),
      );
      return c.json(view(saved, user), 200);
    })
    .openapi(deleteSavedQueryRoute, async (c) => {
      const { id } = c.req.valid('param');
      await audited(
        ctx,
        c,
        'saved_query.delete',
        'saved_query',
        async (conn) => {
          const previous = await ownQuery(conn, c.get('user'), id);
          await deleteSavedQuery(conn, id);
          return previous;
        },
        (previous) => ({ entityId: id, previous: trail(previous), next: null }),
      );
      return c.json({ deleted: true as const }, 200);
    });
}
