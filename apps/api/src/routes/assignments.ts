import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import {
  approvalChain,
  ApprovalProgress,
  approvalProgress,
  Assignment,
  nextStep,
  inRegionTree,
  type ReviewAction,
  Period,
  periodKindOf,
  RegionCode,
  regionPrefix,
  Submission,
  SubmissionRevision,
  SubmissionStatus,
  type User,
} from '@kesu/schema';
import {
  getAssignment,
  getForm,
  getSubmission,
  insertAssignments,
  listAssignments,
  listSubmissionRevisions,
  updateAssignment,
} from '@kesu/store';
import { requireRole } from '../auth/middleware.js';
import type { AppContext, AppEnv } from '../context.js';
import { audited } from '../http/audited.js';
import { Failure, forbidden, notFound } from '../http/failure.js';
import { idempotent, jsonContent, refusals, router } from '../http/openapi.js';
import { assignmentAccess, SaveBody } from '../assignments/assignment-access.js';
import { AssignmentPair, askedPairs, checkedPairs } from '../assignments/assignment-pairs.js';
import { AssignmentContext, assignmentContext } from '../assignments/assignment-context.js';
import { ApproveBody, outlierCheck } from '../assignments/outlier-check.js';

const IdParam = z.object({ id: z.uuid() });
const NewAssignments = z
  .strictObject({
    formId: z.uuid(),
    version: z.int().min(1),
    pairs: z
      .array(AssignmentPair)
      .min(1)
      .max(1000)
      .optional()
      .meta({ description: 'units in their regions; duplicates are merged' }),
    regionCodes: z
      .array(RegionCode)
      .min(1)
      .max(500)
      .optional()
      .meta({ description: 'older form: every region × every department (use pairs)' }),
    departments: z.array(z.string().min(1).max(120)).min(1).max(100).optional(),
    periods: z.array(Period).min(1).max(24),
    dueDate: z.iso.date().nullable().default(null),
  })
  .superRefine((input, check) => {
    const crossed = input.regionCodes !== undefined || input.departments !== undefined;
    if (input.pairs !== undefined && crossed)
      check.addIssue({
        code: 'custom',
        path: ['pairs'],
        message: 'pairs or regions × departments',
        params: {
          code: 'pairs_and_cross',
          zh: '与 regionCodes/departments 只能给一种',
          en: 'cannot be given together with regionCodes/departments',
        },
      });
    else if (input.pairs === undefined && (input.regionCodes === undefined || input.departments === undefined)) {
      check.addIssue({
        code: 'custom',
        path: ['pairs'],
        message: 'missing',
        params: {
          code: 'required',
          zh: '必填：下发给哪些地区的哪些单位',
          en: 'is required: which units of which regions',
        },
      });
    }
  });
const AssignmentQuery = z.object({
  regionCode: RegionCode.optional(),
  within: RegionCode.optional().meta({ description: 'a region and everything under it' }),
  department: z.string().max(120).optional(),
  period: Period.optional(),
  status: z.union([SubmissionStatus, z.literal('none')]).optional(),
  awaitingMe: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'only what waits for the caller’s review at its level' }),
});
const AssignmentChange = z.strictObject({ open: z.boolean().optional(), dueDate: z.iso.date().nullable().optional() });
const ReturnBody = z.strictObject({ comment: z.string().trim().min(1).max(2000) });
const SubmissionView = z.object({
  assignment: Assignment,
  form: z.unknown(),
  submission: Submission.nullable(),
  approval: ApprovalProgress,
});

/** Assignments, their submissions, and the review workflow. */
export function assignmentRoutes(ctx: AppContext) {
  const { load, formFor, edit, submissionWrite } = assignmentAccess(ctx);
  const contextOf = assignmentContext(ctx);
  const checkOutliers = outlierCheck(ctx);
  /** Whether the caller's office is the one to act on the assignment's submission now (the office: any step). */
  const awaitsReviewBy = (user: User, a: Assignment) => {
    const step = nextStep(approvalChain(a.regionCode, ctx.approvalLevels, ctx.regions), a);
    return step !== null && (user.role === 'admin' || step.regionCode === user.regionCode);
  };
  /** A review step by the caller along the approval levels of the assignment's region. */
  const review = async (c: Context<AppEnv>, id: string, action: ReviewAction, comment?: string) => {
    const user = c.get('user');
    const assignment = await load(id, user);
    const chain = approvalChain(assignment.regionCode, ctx.approvalLevels, ctx.regions);
    return submissionWrite(c, {
      assignmentId: assignment.id,
      action,
      actor: user.username,
      formVersion: assignment.version,
      review: { chain, reviewer: user },
      ...(comment === undefined ? {} : { comment }),
    });
  };
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['assignments'],
        summary: '下发任务 / assign a form version to (region, unit) pairs × periods',
        middleware: [requireRole('office')] as const,
        request: { body: jsonContent(NewAssignments) },
        responses: { 201: jsonContent(z.array(Assignment), 'assignments (existing ones are kept)') },
      }),
      async (c) => {
        const input = c.req.valid('json');
        const form = await ctx.store.reads.read((conn) => getForm(conn, input.formId));
        if (!form) throw notFound('表单', 'form');
        if (input.version > form.latestVersion)
          throw new Failure(
            400,
            'unpublished_version',
            `表单只发布到第 ${form.latestVersion} 版`,
            `the form has only ${form.latestVersion} published version(s)`,
            [
              {
                path: 'version',
                code: 'unpublished_version',
                message: '版本尚未发布',
                messageEn: 'version not published',
              },
            ],
          );
        const pairs = checkedPairs(askedPairs(input), ctx.regions);
        const wrongPeriod = input.periods.find((p) => periodKindOf(p) !== form.definition.periodKind);
        if (wrongPeriod) {
          throw new Failure(
            400,
            'wrong_period',
            `报表按${form.definition.periodKind}填报，期间「${wrongPeriod}」不符`,
            `the form is reported per ${form.definition.periodKind}; ${wrongPeriod} does not fit`,
            [
              {
                path: 'periods',
                code: 'wrong_period',
                message: '期间类型与表单不符',
                messageEn: 'period type does not match the form',
              },
            ],
          );
        }
        const inputs = pairs.flatMap(({ regionCode, department }) =>
          [...new Set(input.periods)].map((period) => ({
            formId: input.formId,
            version: input.version,
            regionCode,
            department,
            period,
            dueDate: input.dueDate,
          })),
        );
        const created = await audited(
          ctx,
          c,
          'assignment.create',
          'assignment',
          (conn) => insertAssignments(conn, inputs),
          (rows) => rows.map((a) => ({ entityId: a.id, previous: null, next: a })),
        );
        ctx.notifications.assigned(created, c.get('user'));
        return c.json(created, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['assignments'],
        summary: '任务列表（按权限范围）/ assignments in your scope',
        request: { query: AssignmentQuery },
        responses: { 200: jsonContent(z.array(Assignment), 'assignments') },
      }),
      async (c) => {
        const user = c.get('user');
        const { within, awaitingMe, ...query } = c.req.valid('query');
        const filter = { ...query, inReview: awaitingMe === 'true' } as Parameters<typeof listAssignments>[1] & object;
        // A region tree outside the caller's own is refused rather than answered with nothing.
        if (
          within !== undefined &&
          user.role !== 'admin' &&
          (user.regionCode === null || !inRegionTree(user.regionCode, within))
        )
          throw forbidden();
        if (user.role === 'reporter')
          Object.assign(filter, { regionCode: user.regionCode ?? '-', department: user.department ?? '-' });
        else if (user.role !== 'admin') filter.regionPrefix = regionPrefix(user.regionCode ?? '-');
        if (within !== undefined) filter.regionPrefix = regionPrefix(within);
        const found = await ctx.store.reads.read((conn) => listAssignments(conn, filter));
        return c.json(awaitingMe === 'true' ? found.filter((a) => awaitsReviewBy(user, a)) : found, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['assignments'],
        summary: '任务及其填报 / an assignment with its form and submission',
        request: { params: IdParam },
        responses: { 200: jsonContent(SubmissionView, 'assignment') },
      }),
      async (c) => {
        const assignment = await load(c.req.valid('param').id, c.get('user'));
        const form = await formFor(assignment.formId, assignment.version);
        const submission = await ctx.store.reads.read((conn) => getSubmission(conn, assignment.id));
        const state = { status: submission?.status ?? null, approvedLevel: submission?.approvedLevel ?? null };
        const approval = approvalProgress(
          approvalChain(assignment.regionCode, ctx.approvalLevels, ctx.regions),
          state,
          c.get('user'),
        );
        return c.json(
          { assignment: { ...assignment, ...state }, form: form.definition, submission: submission ?? null, approval },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['assignments'],
        summary: '开关填报窗口、改截止日期 / open or close the window, change the due date',
        middleware: [requireRole('office')] as const,
        request: { params: IdParam, body: jsonContent(AssignmentChange) },
        responses: { 200: jsonContent(Assignment, 'changed') },
      }),
      async (c) => {
        const before = await load(c.req.valid('param').id, c.get('user'));
        const changeSet = c.req.valid('json');
        const after = await audited(
          ctx,
          c,
          'assignment.change',
          'assignment',
          async (conn) => {
            // Evicted before the update and, on every node, after it commits: no request keeps the old window.
            ctx.caches.assignments.delete(before.id);
            await updateAssignment(conn, before.id, {
              ...(changeSet.open === undefined ? {} : { open: changeSet.open }),
              ...(changeSet.dueDate === undefined ? {} : { dueDate: changeSet.dueDate }),
            });
            return (await getAssignment(conn, before.id)) as Assignment;
          },
          (updated) => ({ entityId: before.id, previous: before, next: updated }),
        );
        await ctx.evict('assignments', [before.id]);
        return c.json(after, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/context',
        tags: ['submissions'],
        summary: '上期值、历史值与方案目标 / last period, earlier periods and the plan targets beside each field',
        request: { params: IdParam },
        responses: { 200: jsonContent(AssignmentContext, 'context') },
      }),
      async (c) => {
        const assignment = await load(c.req.valid('param').id, c.get('user'));
        const form = await formFor(assignment.formId, assignment.version);
        return c.json(await contextOf(assignment, form.definition), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/revisions',
        tags: ['submissions'],
        summary: '填报修订记录：每一版由谁办理了什么 / every revision of the submission: which step made it, and who',
        request: { params: IdParam },
        responses: { 200: jsonContent(z.array(SubmissionRevision), 'revisions, oldest first') },
      }),
      async (c) => {
        const assignment = await load(c.req.valid('param').id, c.get('user'));
        return c.json(await ctx.store.reads.read((conn) => listSubmissionRevisions(conn, assignment.id)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/submission',
        tags: ['submissions'],
        summary: '保存草稿 / save a draft',
        middleware: [requireRole('report')] as const,
        ...idempotent,
        request: { params: IdParam, body: jsonContent(SaveBody) },
        responses: { 200: jsonContent(Submission, 'saved after commit'), ...refusals(409) },
      }),
      async (c) => c.json(await edit(c, c.req.valid('param').id, c.req.valid('json'), 'save'), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/submission/submit',
        tags: ['submissions'],
        summary: '提交 / submit for review',
        middleware: [requireRole('report')] as const,
        ...idempotent,
        request: { params: IdParam, body: jsonContent(SaveBody) },
        responses: { 200: jsonContent(Submission, 'submitted after commit'), ...refusals(409) },
      }),
      async (c) => c.json(await edit(c, c.req.valid('param').id, c.req.valid('json'), 'submit'), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/submission/approve',
        tags: ['submissions'],
        summary: '审核通过（第一级）/ approve at the first level',
        description:
          'A value far from the unit’s own earlier reports must be confirmed by field id in confirmOutliers, ' +
          'or the approval answers 409 outliers_unconfirmed naming each field.',
        middleware: [requireRole('review')] as const,
        ...idempotent,
        request: { params: IdParam, body: { ...jsonContent(ApproveBody), required: false } },
        responses: { 200: jsonContent(Submission, 'approved and locked for the reporter'), ...refusals(409) },
      }),
      async (c) => {
        const user = c.get('user');
        const assignment = await load(c.req.valid('param').id, user);
        const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : { confirmOutliers: [] };
        const form = await formFor(assignment.formId, assignment.version);
        const confirmed = await checkOutliers(assignment, form.definition, body.confirmOutliers);
        const note =
          confirmed.length === 0 ? undefined : `已核实偏离往期的数值：${confirmed.map((f) => f.label).join('、')}`;
        return c.json(await review(c, assignment.id, 'approve', note), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/submission/accept',
        tags: ['submissions'],
        summary: '接收下级审核通过的数据 / accept data approved at the level below',
        middleware: [requireRole('review')] as const,
        ...idempotent,
        request: { params: IdParam },
        responses: { 200: jsonContent(Submission, 'accepted: locked for the levels below'), ...refusals(409) },
      }),
      async (c) => c.json(await review(c, c.req.valid('param').id, 'accept'), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/submission/return',
        tags: ['submissions'],
        summary: '退回一级（附意见）/ return one level down with a comment',
        middleware: [requireRole('review')] as const,
        ...idempotent,
        request: { params: IdParam, body: jsonContent(ReturnBody) },
        responses: { 200: jsonContent(Submission, 'returned'), ...refusals(409) },
      }),
      async (c) => c.json(await review(c, c.req.valid('param').id, 'return', c.req.valid('json').comment), 200),
    );
}
