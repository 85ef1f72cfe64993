import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import {
  AlignmentQuery,
  FormRecord,
  GenerateForm,
  IdParam,
  ImportPreview,
  ImportQuery,
  NextTermDraft,
  NextTermQuery,
  PlanAlignment,
  PlanBody,
  PlanDocumentBytes,
  PlanRecord,
  PlanRef,
  PlanSource,
  PlanSummary,
  regionPrefix,
  UnitChoice,
  type ErrorDetail,
  type Plan,
} from '@kesu/schema';
import { checkPlan, generateForm, importPlan, unitChoices, usualIndicators } from '@kesu/plans';
import { loadDepartmentRegistry } from '@kesu/seeds';
import {
  allPlans,
  documentSha256,
  findSamePlans,
  getPlan,
  insertForm,
  listPlans,
  listRegionUnits,
  planDocumentText,
  savePlanRevision,
} from '@kesu/store';
import { canSeeRegion, requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';

import { audited } from '../http/audited.js';
import { Failure, forbidden, notFound } from '../http/failure.js';
import { idempotencyKey, remember, replay, requestFingerprint } from '../http/idempotency.js';
import { idempotent, jsonContent, refusals, router } from '../http/openapi.js';
import { storeImport } from '../plans/store-import.js';
import { alignPlan, parentCandidates } from '../plans/plan-alignment.js';
import { draftNextTerm } from '../plans/next-term.js';

const departments = loadDepartmentRegistry();
const functionCodes = new Set(departments.functions.map((f) => f.code));

/** 400: what is wrong with a reviewed plan, each problem naming its field. */
function invalidPlan(details: ErrorDetail[]): Failure {
  const [first] = details as [ErrorDetail];
  return new Failure(
    400,
    'invalid_plan',
    `方案有 ${details.length} 处问题：${first.message}`,
    `the plan has ${details.length} problem(s): ${first.messageEn}`,
    details,
  );
}

/** 400: a document of one region is no revision of another region's plan. */
function sameRegion(ctx: AppContext, stored: PlanRecord, plan: Plan): void {
  if (stored.regionCode === null || plan.region.code === null || stored.regionCode === plan.region.code) return;
  const named = (code: string) => ctx.regions.get(code)?.name ?? code;
  throw new Failure(
    400,
    'other_region',
    `文件是${named(plan.region.code)}的方案，不能作为${named(stored.regionCode)}方案的新版本`,
    `the document is a plan of ${named(plan.region.code)}, not a revision of a plan of ${named(stored.regionCode)}`,
    [
      {
        path: 'plan',
        code: 'other_region',
        message: '文件与方案不属于同一地区',
        messageEn: 'the document and the plan are of different regions',
      },
    ],
  );
}

const listPlansRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['plans'],
  summary: '方案列表 / plans in your region tree',
  responses: { 200: jsonContent(z.array(PlanSummary), 'plans') },
});

const importPlanRoute = createRoute({
  method: 'post',
  path: '/import',
  tags: ['plans'],
  summary:
    '导入方案文件 / import a plan document (.txt, .docx or a saved .html page, as bytes); ' +
    'a plan already stored is refused with 409',
  middleware: [requireRole('office')] as const,
  ...idempotent,
  request: {
    query: ImportQuery,
    body: {
      content: { 'application/octet-stream': { schema: PlanDocumentBytes } },
      required: true,
    },
  },
  responses: {
    200: jsonContent(ImportPreview, 'preview=true: what the document is and which stored plans it would duplicate'),
    201: jsonContent(
      PlanRecord,
      'imported: revision 1 of a new plan, or the next revision of `plan` (not yet reviewed)',
    ),
    // 422: the document is no plan; 409: a plan already stored.
    ...refusals(409, 422),
  },
});

const getPlanRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['plans'],
  summary: '方案 / a plan',
  request: { params: IdParam },
  responses: { 200: jsonContent(PlanRecord, 'the plan') },
});

const planSourceRoute = createRoute({
  method: 'get',
  path: '/{id}/source',
  tags: ['plans'],
  summary: '方案原文（规范化）/ the normalised source text spans point into',
  request: { params: IdParam },
  responses: { 200: jsonContent(PlanSource, 'source text') },
});

const planAlignmentRoute = createRoute({
  method: 'get',
  path: '/{id}/alignment',
  tags: ['plans'],
  summary:
    '与上级方案对照 / the plan set against its parent plan: targets paired by indicator, ' +
    'each relation in words, the children summed',
  request: {
    params: IdParam,
    query: AlignmentQuery,
  },
  // 404: no region above has a plan for the term; 409: two plans could equally be the parent.
  responses: {
    200: jsonContent(PlanAlignment, 'pairs, unmatched targets, counts per relation'),
    ...refusals(404, 409),
  },
});

const nextTermRoute = createRoute({
  method: 'post',
  path: '/{id}/next-term',
  tags: ['plans'],
  summary:
    '起草下一期方案 / draft the plan for the term after an ended one: ' +
    'every target carried over with its final actual as baseline and its verdict beside it',
  description:
    'preview=true answers the draft (and its alignment with the parent region’s plan for the new term, ' +
    'when one is imported) without storing it; otherwise it is stored as a new plan awaiting review. ' +
    'A plan still running answers 409 plan_not_ended; ' +
    'a region that already has a plan for the next term 409 next_term_exists.',
  middleware: [requireRole('office')] as const,
  ...idempotent,
  request: { params: IdParam, query: NextTermQuery },
  responses: {
    200: jsonContent(NextTermDraft, 'preview=true: the draft, not stored'),
    201: jsonContent(PlanRecord, 'the draft stored as revision 1 of a new plan'),
    // 409: still running, or a plan for the next term exists; 422: the Idempotency-Key was used for
    // another request.
    ...refusals(409, 422),
  },
});

const parentCandidatesRoute = createRoute({
  method: 'get',
  path: '/{id}/parent-candidates',
  tags: ['plans'],
  summary: '可作上级的方案 / the plans of the regions above for an overlapping term, nearest first',
  request: { params: IdParam },
  responses: { 200: jsonContent(z.array(PlanRef), 'plans that may be the parent') },
});

const unitChoicesRoute = createRoute({
  method: 'get',
  path: '/{id}/unit-choices',
  tags: ['plans'],
  summary:
    '可指定给任务和目标的单位 / ' +
    'the units a task or target may be given: the plan’s, its region’s, and one per registry function',
  middleware: [requireRole('office')] as const,
  request: { params: IdParam },
  responses: { 200: jsonContent(z.array(UnitChoice), 'units, the plan’s first') },
});

const savePlanRoute = createRoute({
  method: 'put',
  path: '/{id}',
  tags: ['plans'],
  summary: '保存审核后的方案 / save a reviewed revision',
  middleware: [requireRole('office')] as const,
  request: { params: IdParam, body: jsonContent(PlanBody) },
  responses: { 200: jsonContent(PlanRecord, 'the new revision') },
});

const generateFormRoute = createRoute({
  method: 'post',
  path: '/{id}/forms/generate',
  tags: ['plans'],
  summary: '按部门生成报表草稿 / generate a draft form for a department',
  middleware: [requireRole('office')] as const,
  request: { params: IdParam, body: jsonContent(GenerateForm) },
  responses: { 201: jsonContent(FormRecord, 'draft form') },
});

/**
 * Plans: import a document (or preview it, or import it as a plan's next revision), read it with
 * its source, save a reviewed revision, generate forms.
 */
export function planRoutes(ctx: AppContext) {
  const regionCodes = new Set(ctx.regions.keys());
  const load = async (id: string, user: Parameters<typeof canSeeRegion>[0]) => {
    const record = await ctx.store.reads.read((conn) => getPlan(conn, id));
    if (!record) throw notFound('方案', 'plan');
    if (!canSeeRegion(user, record.regionCode)) throw forbidden();
    return record;
  };
  return router()
    .openapi(listPlansRoute, async (c) => {
      const user = c.get('user');
      const prefix = user.role === 'admin' || user.regionCode === null ? '' : regionPrefix(user.regionCode);
      return c.json(await ctx.store.reads.read((conn) => listPlans(conn, prefix)), 200);
    })
    .openapi(importPlanRoute, async (c) => {
      const query = c.req.valid('query');
      if (query.as === 'revision' && !query.plan) {
        throw new Failure(
          400,
          'plan_required',
          '作为新版本导入时必须指明方案',
          'importing as a revision needs the plan it belongs to',
          [{ path: 'plan', code: 'required', message: '请指明方案编号', messageEn: 'name the plan (its id)' }],
        );
      }
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const key = idempotencyKey(c);
      const fingerprint = await requestFingerprint(c);
      const earlier = query.preview === 'true' ? null : await replay(ctx, c, key, fingerprint);
      if (earlier) return c.json(earlier as PlanRecord, 201);
      const result = await importPlan(bytes, ctx.registry);
      if (!result.success) {
        throw new Failure(
          422,
          `not_a_plan.${result.rejection.code}`,
          result.rejection.message,
          result.rejection.messageEn,
          [
            {
              path: 'file',
              code: result.rejection.code,
              message: result.rejection.message,
              messageEn: result.rejection.messageEn,
            },
          ],
        );
      }
      const sha = documentSha256(result.text);
      if (query.preview === 'true') {
        const duplicates = await ctx.store.reads.read((conn) =>
          findSamePlans(conn, sha, result.plan.region.code, result.plan.title),
        );
        return c.json(
          { title: result.plan.title, regionCode: result.plan.region.code, documentSha256: sha, duplicates },
          200,
        );
      }
      const user = c.get('user');
      const revisionOf = query.as === 'revision' ? await load(query.plan as string, user) : null;
      if (revisionOf) sameRegion(ctx, revisionOf, result.plan);
      const record = await audited(
        ctx,
        c,
        revisionOf ? 'plan.import-revision' : 'plan.import',
        'plan',
        async (conn) => {
          const stored = await storeImport(
            conn,
            { name: query.name, text: result.text, plan: result.plan },
            user.username,
            revisionOf?.id ?? null,
          );
          await remember(conn, user.id, key, fingerprint, 201, stored);
          return stored;
        },
        (stored) => ({
          entityId: stored.id,
          previous: revisionOf && {
            title: revisionOf.title,
            revision: revisionOf.revision,
            reviewed: revisionOf.reviewed,
            sha256: revisionOf.documentSha256,
          },
          next: {
            title: stored.title,
            revision: stored.revision,
            document: query.name,
            sha256: stored.documentSha256,
          },
        }),
      );
      return c.json(record, 201);
    })
    .openapi(getPlanRoute, async (c) => c.json(await load(c.req.valid('param').id, c.get('user')), 200))
    .openapi(planSourceRoute, async (c) => {
      const record = await load(c.req.valid('param').id, c.get('user'));
      return c.json({ text: await ctx.store.reads.read((conn) => planDocumentText(conn, record.documentSha256)) }, 200);
    })
    .openapi(planAlignmentRoute, async (c) => {
      const record = await load(c.req.valid('param').id, c.get('user'));
      return c.json(await alignPlan(ctx, record, c.req.valid('query').parent ?? null), 200);
    })
    .openapi(nextTermRoute, async (c) => {
      const user = c.get('user');
      const previous = await load(c.req.valid('param').id, user);
      const key = idempotencyKey(c);
      const fingerprint = await requestFingerprint(c);
      const preview = c.req.valid('query').preview === 'true';
      const earlier = preview ? null : await replay(ctx, c, key, fingerprint);
      if (earlier) return c.json(earlier as PlanRecord, 201);
      const draft = await draftNextTerm(ctx, previous, new Date());
      if (preview) return c.json(draft, 200);
      const name = `${previous.regionCode}-${draft.plan.period.start}-${draft.plan.period.end}-草稿.txt`;
      const record = await audited(
        ctx,
        c,
        'plan.next-term',
        'plan',
        async (conn) => {
          const stored = await storeImport(conn, { name, text: draft.text, plan: draft.plan }, user.username, null);
          await remember(conn, user.id, key, fingerprint, 201, stored);
          return stored;
        },
        (stored) => ({
          entityId: stored.id,
          previous: { plan: previous.id, title: previous.title },
          next: { title: stored.title, revision: stored.revision },
        }),
      );
      return c.json(record, 201);
    })
    .openapi(parentCandidatesRoute, async (c) =>
      c.json(await parentCandidates(ctx, await load(c.req.valid('param').id, c.get('user'))), 200),
    )
    .openapi(unitChoicesRoute, async (c) => {
      const record = await load(c.req.valid('param').id, c.get('user'));
      const code = record.plan.region.code;
      const known = code === null ? [] : await ctx.store.reads.read((conn) => listRegionUnits(conn, code));
      return c.json(unitChoices(record.plan, known, departments), 200);
    })
    .openapi(savePlanRoute, async (c) => {
      const { id } = c.req.valid('param');
      const previous = await load(id, c.get('user'));
      const plan = c.req.valid('json').plan;
      const source = await ctx.store.reads.read((conn) => planDocumentText(conn, previous.documentSha256));
      const problems = checkPlan(plan, { functions: functionCodes, regions: regionCodes, source });
      if (problems.length > 0) throw invalidPlan(problems);
      const saved = await audited(
        ctx,
        c,
        'plan.review',
        'plan',
        (conn) => savePlanRevision(conn, id, plan, c.get('user').username),
        (record) => ({ entityId: id, previous: previous.plan, next: record.plan }),
      );
      return c.json(saved, 200);
    })
    .openapi(generateFormRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { department, periodKind } = c.req.valid('json');
      const record = await load(id, c.get('user'));
      const known = record.plan.departments.find((d) => d.raw === department || d.name === department);
      if (!known) {
        throw new Failure(
          400,
          'unknown_department',
          `方案中没有单位「${department}」`,
          `the plan names no unit "${department}"`,
          [
            {
              path: 'department',
              code: 'unknown_department',
              message: '方案中没有这个单位',
              messageEn: 'not a unit of this plan',
            },
          ],
        );
      }
      const plans = await ctx.store.reads.read((conn) => allPlans(conn));
      const definition = generateForm(
        record.plan,
        known.raw,
        periodKind,
        ctx.registry.indicators,
        usualIndicators(plans, known.function, ctx.registry.indicators.indicators),
      );
      const form = await audited(
        ctx,
        c,
        'form.generate',
        'form',
        (conn) =>
          insertForm(
            conn,
            { planId: id, department: known.name, departmentFunction: known.function, definition },
            c.get('user').username,
          ),
        (created) => ({ entityId: created.id, previous: null, next: { planId: id, department: known.name } }),
      );
      return c.json(form, 201);
    });
}
