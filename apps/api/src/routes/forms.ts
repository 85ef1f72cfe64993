import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import {
  FormDefinition,
  FormDraft,
  FormRecord,
  FormVersionParam,
  IdParam,
  NewForm,
  PublishedForm,
  regionPrefix,
  type User,
} from '@kesu/schema';
import {
  getForm,
  getFormVersion,
  insertForm,
  listForms,
  listFormsReadableIn,
  publishForm,
  updateFormDraft,
  type Db,
} from '@kesu/store';
import { requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { audited } from '../http/audited.js';
import { forbidden, notFound } from '../http/failure.js';
import { jsonContent, refusals, router } from '../http/openapi.js';

/** The region tree a reader's forms come from (see `listFormsReadableIn`); null for an account of no region. */
const treeOf = (user: User) => (user.regionCode === null ? null : regionPrefix(user.regionCode));

/**
 * Whether a user may read a form, its draft and its published versions: the office, any; everyone
 * else, the forms of their region tree. An unknown form is left to the caller's 404.
 */
async function mayReadForm(conn: Db, user: User, formId: string): Promise<boolean> {
  if (user.role === 'admin' || !(await getForm(conn, formId))) return true;
  return (await listFormsReadableIn(conn, treeOf(user), formId)).length > 0;
}

const listFormsRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['forms'],
  summary: '表单列表（本地区及下级）/ the forms of your region tree',
  middleware: [requireRole('readForms')] as const,
  responses: { 200: jsonContent(z.array(FormRecord), 'forms') },
});

const createFormRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['forms'],
  summary: '新建表单 / create a form from a definition',
  middleware: [requireRole('office')] as const,
  request: { body: jsonContent(NewForm) },
  responses: { 201: jsonContent(FormRecord, 'created draft') },
});

const getFormRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['forms'],
  summary: '表单草稿 / a form and its draft',
  middleware: [requireRole('readForms')] as const,
  request: { params: IdParam },
  responses: { ...refusals(403), 200: jsonContent(FormRecord, 'the form') },
});

const saveFormDraftRoute = createRoute({
  method: 'put',
  path: '/{id}',
  tags: ['forms'],
  summary: '修改草稿 / edit the draft',
  middleware: [requireRole('office')] as const,
  request: { params: IdParam, body: jsonContent(FormDraft) },
  responses: { 200: jsonContent(FormRecord, 'saved draft') },
});

const publishFormRoute = createRoute({
  method: 'post',
  path: '/{id}/publish',
  tags: ['forms'],
  summary: '发布为新版本 / publish the draft as a new immutable version',
  middleware: [requireRole('office')] as const,
  request: { params: IdParam },
  responses: { 200: jsonContent(PublishedForm, 'published') },
});

const formVersionRoute = createRoute({
  method: 'get',
  path: '/{id}/versions/{version}',
  tags: ['forms'],
  summary: '已发布版本 / a published version',
  request: { params: FormVersionParam },
  responses: { ...refusals(403), 200: jsonContent(FormDefinition, 'the version') },
});

/** Forms: the office edits drafts and publishes immutable versions; those who may read them, read them. */
export function formRoutes(ctx: AppContext) {
  const load = async (id: string, user: User) => {
    const form = await ctx.store.reads.read(async (conn) => {
      if (!(await mayReadForm(conn, user, id))) throw forbidden();
      return getForm(conn, id);
    });
    if (!form) throw notFound('表单', 'form');
    return form;
  };
  return router()
    .openapi(listFormsRoute, async (c) => {
      const user = c.get('user');
      const forms = await ctx.store.reads.read((conn) =>
        user.role === 'admin' ? listForms(conn) : listFormsReadableIn(conn, treeOf(user)),
      );
      return c.json(forms, 200);
    })
    .openapi(createFormRoute, async (c) => {
      const input = c.req.valid('json');
      const form = await audited(
        ctx,
        c,
        'form.create',
        'form',
        (conn) =>
          insertForm(
            conn,
            {
              planId: null,
              department: input.department,
              departmentFunction: input.departmentFunction,
              definition: input.definition,
            },
            c.get('user').username,
          ),
        (created) => ({ entityId: created.id, previous: null, next: created.definition }),
      );
      return c.json(form, 201);
    })
    .openapi(getFormRoute, async (c) => c.json(await load(c.req.valid('param').id, c.get('user')), 200))
    .openapi(saveFormDraftRoute, async (c) => {
      const { id } = c.req.valid('param');
      const previous = await load(id, c.get('user'));
      const form = await audited(
        ctx,
        c,
        'form.edit',
        'form',
        (conn) => updateFormDraft(conn, id, c.req.valid('json').definition, c.get('user').username),
        (saved) => ({ entityId: id, previous: previous.definition, next: saved.definition }),
      );
      return c.json(form, 200);
    })
    .openapi(publishFormRoute, async (c) => {
      const { id } = c.req.valid('param');
      await load(id, c.get('user'));
      const version = await audited(
        ctx,
        c,
        'form.publish',
        'form',
        (conn) => publishForm(conn, id, c.get('user').username),
        (v) => ({ entityId: id, previous: v - 1, next: v }),
      );
      return c.json({ formId: id, version }, 200);
    })
    .openapi(formVersionRoute, async (c) => {
      const { id, version } = c.req.valid('param');
      const definition = await ctx.store.reads.read(async (conn) => {
        if (!(await mayReadForm(conn, c.get('user'), id))) throw forbidden();
        return getFormVersion(conn, id, version);
      });
      if (!definition) throw notFound('表单版本', 'form version');
      return c.json(definition, 200);
    });
}
