import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import {
  approvalChain,
  approvalProgress,
  ApproveBody,
  Assignment,
  AssignmentChange,
  AssignmentContext,
  AssignmentQuery,
  AssignmentView,
  IdParam,
  nextStep,
  inRegionTree,
  NewAssignments,
  type ReviewAction,
  periodKindOf,
  regionPrefix,
  ReturnBody,
  Submission,
  SubmissionBody,
  SubmissionRevision,
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
import { assignmentAccess } from '../assignments/assignment-access.js';
import { askedPairs, checkedPairs } from '../assignments/assignment-pairs.js';
import { assignmentContext } from '../assignments/assignment-context.js';
import { outlierCheck } from '../assignments/outlier-check.js';

const createAssignmentsRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['assignments'],
  summary: '下发任务 / assign a form version to (region, unit) pairs × periods',
  middleware: [requireRole('office')] as const,
  request: { body: jsonContent(NewAssignments) },
  responses: { 201: jsonContent(z.array(Assignment), 'assignments (existing ones are kept)') },
});

const listAssignmentsRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['assignments'],
  summary: '任务列表（按权限范围）/ assignments in your scope',
  request: { query: AssignmentQuery },
  responses: { 200: jsonContent(z.array(Assignment), 'assignments') },
});

const getAssignmentRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['assignments'],
  summary: '任务及其填报 / an assignment with its form and submission',
  request: { params: IdParam },
  responses: { 200: jsonContent(AssignmentView, 'assignment') },
});

const changeAssignmentRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['assignments'],
  summary: '开关填报窗口、改截止日期 / open or close the window, change the due date',
  middleware: [requireRole('office')] as const,
  request: { params: IdParam, body: jsonContent(AssignmentChange) },
  responses: { 200: jsonContent(Assignment, 'changed') },
});

const assignmentContextRoute = createRoute({
  method: 'get',
  path: '/{id}/context',
  tags: ['submissions'],
  summary: '上期值、历史值与方案目标 / last period, earlier periods and the plan targets beside each field',
  request: { params: IdParam },
  responses: { 200: jsonContent(AssignmentContext, 'context') },
});

const revisionsRoute = createRoute({
  method: 'get',
  path: '/{id}/revisions',
  tags: ['submissions'],
  summary: '填报修订记录：每一版由谁办理了什么 / every revision of the submission: which step made it, and who',
  request: { params: IdParam },
  responses: { 200: jsonContent(z.array(SubmissionRevision), 'revisions, oldest first') },
});

const saveDraftRoute = createRoute({
  method: 'put',
  path: '/{id}/submission',
  tags: ['submissions'],
  summary: '保存草稿 / save a draft',
  middleware: [requireRole('report')] as const,
  ...idempotent,
  request: { params: IdParam, body: jsonContent(SubmissionBody) },
  responses: { 200: jsonContent(Submission, 'saved after commit'), ...refusals(409) },
});

const submitRoute = createRoute({
  method: 'post',
  path: '/{id}/submission/submit',
  tags: ['submissions'],
  summary: '提交 / submit for review',
  middleware: [requireRole('report')] as const,
  ...idempotent,
  request: { params: IdParam, body: jsonContent(SubmissionBody) },
  responses: { 200: jsonContent(Submission, 'submitted after commit'), ...refusals(409) },
});

const approveRoute = createRoute({
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
});

const acceptRoute = createRoute({
  method: 'post',
  path: '/{id}/submission/accept',
  tags: ['submissions'],
  summary: '接收下级审核通过的数据 / accept data approved at the level below',
  middleware: [requireRole('review')] as const,
  ...idempotent,
  request: { params: IdParam },
  responses: { 200: jsonContent(Submission, 'accepted: locked for the levels below'), ...refusals(409) },
});

const returnRoute = createRoute({
  method: 'post',
  path: '/{id}/submission/return',
  tags: ['submissions'],
  summary: '退回一级（附意见）/ return one level down with a comment',
  middleware: [requireRole('review')] as const,
  ...idempotent,
  request: { params: IdParam, body: jsonContent(ReturnBody) },
  responses: { 200: jsonContent(Submission, 'returned'), ...refusals(409) },
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
    .openapi(createAssignmentsRoute, async (c) => {
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
    })
    .openapi(listAssignmentsRoute, async (c) => {
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
    })
    .openapi(getAssignmentRoute, async (c) => {
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
    })
    .openapi(changeAssignmentRoute, async (c) => {
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
    })
    .openapi(assignmentContextRoute, async (c) => {
      const assignment = await load(c.req.valid('param').id, c.get('user'));
      const form = await formFor(assignment.formId, assignment.version);
      return c.json(await contextOf(assignment, form.definition), 200);
    })
    .openapi(revisionsRoute, async (c) => {
      const assignment = await load(c.req.valid('param').id, c.get('user'));
      return c.json(await ctx.store.reads.read((conn) => listSubmissionRevisions(conn, assignment.id)), 200);
    })
    .openapi(saveDraftRoute, async (c) =>
      c.json(await edit(c, c.req.valid('param').id, c.req.valid('json'), 'save'), 200),
    )
    .openapi(submitRoute, async (c) =>
      c.json(await edit(c, c.req.valid('param').id, c.req.valid('json'), 'submit'), 200),
    )
    .openapi(approveRoute, async (c) => {
      const user = c.get('user');
      const assignment = await load(c.req.valid('param').id, user);
      const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : { confirmOutliers: [] };
      const form = await formFor(assignment.formId, assignment.version);
      const confirmed = await checkOutliers(assignment, form.definition, body.confirmOutliers);
      const note =
        confirmed.length === 0 ? undefined : `已核实偏离往期的数值：${confirmed.map((f) => f.label).join('、')}`;
      return c.json(await review(c, assignment.id, 'approve', note), 200);
    })
    .openapi(acceptRoute, async (c) => c.json(await review(c, c.req.valid('param').id, 'accept'), 200))
    .openapi(returnRoute, async (c) =>
      c.json(await review(c, c.req.valid('param').id, 'return', c.req.valid('json').comment), 200),
    );
}
