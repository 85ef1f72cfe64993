import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { Plan, PeriodKind, FormRecord, regionPrefix } from '@kesu/schema';
import { importPlan } from '@kesu/plans';
import { allPlans, getPlan, insertForm, insertPlan, listPlans, savePlanDocument, savePlanRevision } from '@kesu/store';
import { canSeeRegion, requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { generateForm, usualIndicators } from '../forms/generate-form.js';
import { audited } from '../http/audited.js';
import { Failure, forbidden, notFound } from '../http/failure.js';
import { idempotencyKey, remember, replay, requestFingerprint } from '../http/idempotency.js';
import { jsonContent, router } from '../http/openapi.js';

const PlanSummary = z.object({
  id: z.string(),
  regionCode: z.string().nullable(),
  title: z.string(),
  documentSha256: z.string(),
  revision: z.int(),
  reviewed: z.boolean(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
const PlanRecord = PlanSummary.extend({ plan: Plan });
const IdParam = z.object({ id: z.uuid() });
const ImportQuery = z.object({ name: z.string().min(1).max(200).regex(/^[^/\\\0]+$/, { error: 'a file name, not a path' }).default('plan.txt') });
const Generate = z.strictObject({ department: z.string().min(1).max(120), periodKind: PeriodKind });
const SourceText = z.object({ text: z.string() });

/** Plans: import a document, read it with its source, save a reviewed revision, generate forms. */
export function planRoutes(ctx: AppContext) {
  const load = async (id: string, user: Parameters<typeof canSeeRegion>[0]) => {
    const record = await ctx.store.reads.read((conn) => getPlan(conn, id));
    if (!record) throw notFound('方案', 'plan');
    if (!canSeeRegion(user, record.regionCode)) throw forbidden();
    return record;
  };
  return router()
    .openapi(
      createRoute({ method: 'get', path: '/', tags: ['plans'], summary: '方案列表 / plans in your region tree', responses: { 200: jsonContent(z.array(PlanSummary), 'plans') } }),
      async (c) => {
        const user = c.get('user');
        const prefix = user.role === 'admin' || user.regionCode === null ? '' : regionPrefix(user.regionCode);
        return c.json(await ctx.store.reads.read((conn) => listPlans(conn, prefix)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/import',
        tags: ['plans'],
        summary: '导入方案文件 / import a plan document (.txt or .docx bytes)',
        middleware: [requireRole('admin')] as const,
        request: { query: ImportQuery, body: { content: { 'application/octet-stream': { schema: z.string().meta({ description: 'file bytes' }) } }, required: true } },
        responses: { 201: jsonContent(PlanRecord, 'imported (revision 1, not yet reviewed)') },
      }),
      async (c) => {
        const { name } = c.req.valid('query');
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const key = idempotencyKey(c);
        const fingerprint = await requestFingerprint(c);
        const earlier = await replay(ctx, c, key, fingerprint);
        if (earlier) return c.json(earlier as z.infer<typeof PlanRecord>, 201);
        const result = await importPlan(bytes, ctx.registry);
        if (!result.success) {
          throw new Failure(422, `not_a_plan.${result.rejection.code}`, result.rejection.message, result.rejection.messageEn, [
            { path: 'file', code: result.rejection.code, message: result.rejection.message, messageEn: result.rejection.messageEn },
          ]);
        }
        const record = await audited(
          ctx,
          c,
          'plan.import',
          'plan',
          async (conn) => {
            const doc = await savePlanDocument(conn, name, result.text);
            const stored = await insertPlan(conn, result.plan, doc.sha256, c.get('user').username);
            await remember(conn, c.get('user').id, key, fingerprint, 201, stored);
            return stored;
          },
          (stored) => ({ entityId: stored.id, previous: null, next: { title: stored.title, document: name, sha256: stored.documentSha256 } }),
        );
        return c.json(record, 201);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/{id}', tags: ['plans'], summary: '方案 / a plan', request: { params: IdParam }, responses: { 200: jsonContent(PlanRecord, 'the plan') } }),
      async (c) => c.json(await load(c.req.valid('param').id, c.get('user')), 200),
    )
    .openapi(
      createRoute({ method: 'get', path: '/{id}/source', tags: ['plans'], summary: '方案原文（规范化）/ the normalised source text spans point into', request: { params: IdParam }, responses: { 200: jsonContent(SourceText, 'source text') } }),
      async (c) => {
        const record = await load(c.req.valid('param').id, c.get('user'));
        const row = await ctx.store.reads.read(async (conn) => (await conn.runAndReadAll('SELECT text FROM plan_documents WHERE sha256 = $1', [record.documentSha256])).getRowObjectsJson()[0]);
        return c.json({ text: String(row?.['text'] ?? '') }, 200);
      },
    )
    .openapi(
      createRoute({ method: 'put', path: '/{id}', tags: ['plans'], summary: '保存审核后的方案 / save a reviewed revision', middleware: [requireRole('admin')] as const, request: { params: IdParam, body: jsonContent(z.strictObject({ plan: Plan })) }, responses: { 200: jsonContent(PlanRecord, 'the new revision') } }),
      async (c) => {
        const { id } = c.req.valid('param');
        const previous = await load(id, c.get('user'));
        const saved = await audited(
          ctx,
          c,
          'plan.review',
          'plan',
          (conn) => savePlanRevision(conn, id, c.req.valid('json').plan, c.get('user').username),
          (record) => ({ entityId: id, previous: previous.plan, next: record.plan }),
        );
        return c.json(saved, 200);
      },
    )
    .openapi(
      createRoute({ method: 'post', path: '/{id}/forms/generate', tags: ['plans'], summary: '按部门生成报表草稿 / generate a draft form for a department', middleware: [requireRole('admin')] as const, request: { params: IdParam, body: jsonContent(Generate) }, responses: { 201: jsonContent(FormRecord, 'draft form') } }),
      async (c) => {
        const { id } = c.req.valid('param');
        const { department, periodKind } = c.req.valid('json');
        const record = await load(id, c.get('user'));
        const known = record.plan.departments.find((d) => d.raw === department || d.name === department);
        if (!known) {
          throw new Failure(400, 'unknown_department', `方案中没有单位「${department}」`, `the plan names no unit "${department}"`, [
            { path: 'department', code: 'unknown_department', message: '方案中没有这个单位', messageEn: 'not a unit of this plan' },
          ]);
        }
        const plans = await ctx.store.reads.read((conn) => allPlans(conn));
        const definition = generateForm(record.plan, known.raw, periodKind, usualIndicators(plans, known.function, ctx.registry.indicators.indicators));
        const form = await audited(
          ctx,
          c,
          'form.generate',
          'form',
          (conn) => insertForm(conn, { planId: id, department: known.name, departmentFunction: known.function, definition }, c.get('user').username),
          (created) => ({ entityId: created.id, previous: null, next: { planId: id, department: known.name } }),
        );
        return c.json(form, 201);
      },
    );
}
