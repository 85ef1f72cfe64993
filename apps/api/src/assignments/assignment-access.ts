import type { Context } from 'hono';
import {
  compileForm,
  draftMayHave,
  staleVersion,
  type AssignmentBase,
  type CompiledForm,
  type ErrorDetail,
  type Submission,
  type SubmissionBody,
  type User,
} from '@kesu/schema';
import { getAssignment, getFormVersion, submissionBatch, WorkflowError, type SubmissionWrite } from '@kesu/store';
import { canSeeRegion } from '../auth/middleware.js';
import { WAREHOUSE_TOPIC } from '../analytics/analytics-service.js';
import type { AppContext, AppEnv } from '../context.js';
import { Failure, forbidden, notFound } from '../http/failure.js';
import { idempotencyKey, requestFingerprint } from '../http/idempotency.js';

const WORKFLOW_STATUS = {
  no_assignment: 404,
  invalid_transition: 409,
  not_your_level: 403,
  window_closed: 409,
  stale_version: 409,
  idempotency_key_reused: 422,
} as const;

/**
 * Tells every node serving the database that the warehouse is behind, without holding up the
 * answer: each refreshes (this one at once); a failed refresh is retried by the next.
 */
function refreshWarehouse(ctx: AppContext): void {
  ctx.store.changes
    .publish(WAREHOUSE_TOPIC, 'changed')
    .catch((error: unknown) => console.error('warehouse change not announced:', error));
}

/** A reporter works only on its own department's assignments in its own region. */
function isOwn(user: User, a: AssignmentBase): boolean {
  return user.role === 'reporter' && a.regionCode === user.regionCode && a.department === user.department;
}

function canRead(user: User, a: AssignmentBase): boolean {
  if (user.role === 'reporter') return isOwn(user, a);
  return canSeeRegion(user, a.regionCode);
}

/**
 * What the assignment and workbook routes share: loading an assignment the caller may see,
 * the compiled validator of a form version, and queuing workflow changes (acknowledged after
 * commit, replayed for a repeated Idempotency-Key).
 */
export function assignmentAccess(ctx: AppContext) {
  // Published versions never change, so a compiled validator is kept for good (the promise,
  // so that concurrent first requests compile it once).
  const compiled = new Map<string, Promise<CompiledForm | undefined>>();
  const formFor = async (formId: string, version: number): Promise<CompiledForm> => {
    const key = `${formId}@${version}`;
    let form = compiled.get(key);
    if (!form) {
      form = ctx.store.reads
        .read((conn) => getFormVersion(conn, formId, version))
        .then((d) => (d ? compileForm(d) : undefined));
      compiled.set(key, form);
      form.then(
        (f) => f ?? compiled.delete(key),
        () => compiled.delete(key),
      );
    }
    const found = await form;
    if (!found) throw notFound('表单版本', 'form version');
    return found;
  };
  /** The assignment (its status aside, which only the submission knows) if the caller may see it. */
  const load = async (id: string, user: User): Promise<AssignmentBase> => {
    const assignment = await ctx.caches.assignments.through(id, async () => {
      const row = await ctx.store.reads.read((conn) => getAssignment(conn, id));
      if (!row) return undefined;
      const { status: _status, approvedLevel: _level, ...rest } = row;
      return rest;
    });
    if (!assignment) throw notFound('任务', 'assignment');
    if (!canRead(user, assignment)) throw forbidden();
    return assignment;
  };
  const change = async (write: SubmissionWrite) => {
    try {
      return await ctx.store.writes.batch(submissionBatch, write);
    } catch (error) {
      if (error instanceof WorkflowError)
        throw new Failure(WORKFLOW_STATUS[error.code], error.code, error.zh, error.en);
      throw error;
    }
  };
  /** Each warning followed by the reporter's reason for it, when one was given. */
  const explained = (warnings: ErrorDetail[], reasons: Record<string, string> = {}): ErrorDetail[] =>
    warnings.flatMap((w) =>
      Object.hasOwn(reasons, w.path)
        ? [
            w,
            {
              path: w.path,
              code: 'explanation',
              message: reasons[w.path] as string,
              messageEn: reasons[w.path] as string,
            },
          ]
        : [w],
    );
  /** Checks values against the form; a draft may be incomplete, a submission may not. */
  const validated = async (assignment: AssignmentBase, body: SubmissionBody, strict: boolean) => {
    const stale = staleVersion(body.formVersion, assignment.version);
    if (stale) throw new Failure(409, stale.code, stale.zh, stale.en);
    const form = await formFor(assignment.formId, assignment.version);
    const result = form.validate(body.values);
    if (result.ok) return { values: result.values, warnings: result.warnings };
    if (!strict && result.errors.every(draftMayHave)) return { values: body.values, warnings: result.errors };
    throw new Failure(
      400,
      'validation_failed',
      `提交的内容有 ${result.errors.length} 处错误`,
      `${result.errors.length} problem(s) in the submission`,
      result.errors,
    );
  };
  const submissionWrite = async (c: Context<AppEnv>, write: SubmissionWrite): Promise<Submission> => {
    // The batch itself replays a repeated key (and refuses one reused for another request).
    const key = idempotencyKey(c);
    const fingerprint = key === null ? '' : await requestFingerprint(c);
    const result = await change({
      ...write,
      ...(key ? { idempotency: { userId: c.get('user').id, key, requestSha256: fingerprint } } : {}),
    });
    // Submissions, approvals and returns change what dashboards show; drafts do not.
    if (write.action !== 'save' && !result.replayed) refreshWarehouse(ctx);
    if (!result.replayed) ctx.notifications.submissionChanged(write.action, result.submission, c.get('user'));
    return result.submission;
  };
  /** Saves or submits values: the assignment must be the caller's, the values valid for its version. */
  const edit = async (
    c: Context<AppEnv>,
    id: string,
    body: SubmissionBody,
    action: 'save' | 'submit',
  ): Promise<Submission> => {
    const user = c.get('user');
    const assignment = await load(id, user);
    const { values, warnings } = await validated(assignment, body, action === 'submit');
    return submissionWrite(c, {
      assignmentId: assignment.id,
      action,
      actor: user.username,
      formVersion: body.formVersion,
      values,
      warnings: explained(warnings, body.explanations),
    });
  };
  return { load, formFor, edit, submissionWrite };
}
