import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { submissionActions, type ErrorDetail, type Submission, type SubmissionAction, type SubmissionStatus } from '@kesu/schema';
import { first, json, placeholders, rows, sqlTimestamp, exec, type Row } from '../sql.js';
import type { BatchKind } from '../write-queue.js';
import { recordAudit } from './audit.js';

function toSubmission(r: Row): Submission {
  return {
    assignmentId: String(r['assignment_id']),
    status: r['status'] as SubmissionStatus,
    revision: Number(r['revision']),
    formVersion: Number(r['form_version']),
    values: json<Record<string, unknown>>(r['submission_values']),
    warnings: json<ErrorDetail[]>(r['warnings']),
    comment: (r['comment'] as string | null) ?? null,
    updatedBy: String(r['updated_by']),
    updatedAt: String(r['updated_at']),
  };
}

export async function getSubmission(connection: DuckDBConnection, assignmentId: string): Promise<Submission | undefined> {
  const r = await first(connection, 'SELECT * FROM submissions WHERE assignment_id = $1', [assignmentId]);
  return r ? toSubmission(r) : undefined;
}

export interface SubmissionRevision {
  revision: number;
  status: SubmissionStatus;
  values: Record<string, unknown>;
  comment: string | null;
  actor: string;
  createdAt: string;
}

export async function listSubmissionRevisions(connection: DuckDBConnection, assignmentId: string): Promise<SubmissionRevision[]> {
  return (await rows(connection, 'SELECT * FROM submission_revisions WHERE assignment_id = $1 ORDER BY revision', [assignmentId])).map((r) => ({
    revision: Number(r['revision']),
    status: r['status'] as SubmissionStatus,
    values: json<Record<string, unknown>>(r['submission_values']),
    comment: (r['comment'] as string | null) ?? null,
    actor: String(r['actor']),
    createdAt: String(r['created_at']),
  }));
}

/** One requested change to a submission; values are already validated and cleaned. */
export interface SubmissionWrite {
  assignmentId: string;
  action: SubmissionAction;
  actor: string;
  formVersion: number;
  values?: Record<string, unknown>;
  warnings?: ErrorDetail[];
  comment?: string | null;
  /** Stored with the result so that a retry with the same key returns it instead of writing again. */
  idempotency?: { userId: string; key: string; requestSha256: string };
}

/** Why a write was refused, for the API to turn into a 409 or 403. */
export class WorkflowError extends Error {
  constructor(
    readonly code: 'invalid_transition' | 'window_closed' | 'stale_version' | 'no_assignment',
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface SubmissionResult {
  submission: Submission;
  /** True when an earlier request with the same idempotency key already did this. */
  replayed: boolean;
}

async function loadState(connection: DuckDBConnection, ids: string[]) {
  const list = listValue([...new Set(ids)]);
  const current = new Map((await rows(connection, 'SELECT * FROM submissions WHERE assignment_id IN (SELECT unnest($1))', [list])).map((r) => [String(r['assignment_id']), toSubmission(r)]));
  const assignments = new Map(
    (await rows(connection, 'SELECT id, open, version FROM assignments WHERE id IN (SELECT unnest($1))', [list])).map((r) => [String(r['id']), { open: Boolean(r['open']), version: Number(r['version']) }]),
  );
  return { current, assignments };
}

async function replays(connection: DuckDBConnection, inputs: SubmissionWrite[]): Promise<Map<string, unknown>> {
  const keyed = inputs.filter((i) => i.idempotency);
  if (keyed.length === 0) return new Map();
  const found = await rows(connection, 'SELECT user_id, idem_key, body FROM idempotency_keys WHERE user_id || $2 || idem_key IN (SELECT unnest($1))', [
    listValue(keyed.map((i) => `${i.idempotency?.userId}\u0000${i.idempotency?.key}`)),
    '\u0000',
  ]);
  return new Map(found.map((r) => [`${String(r['user_id'])}\u0000${String(r['idem_key'])}`, json<unknown>(r['body'])]));
}

/**
 * Applies a batch of submission changes in the caller's transaction: each is checked against
 * the workflow and the assignment, then all are written with one statement per table.
 */
async function writeSubmissions(connection: DuckDBConnection, inputs: SubmissionWrite[]): Promise<Array<SubmissionResult | Error>> {
  const { current, assignments } = await loadState(connection, inputs.map((i) => i.assignmentId));
  const earlier = await replays(connection, inputs);
  const now = new Date();
  const stamp = sqlTimestamp(now);
  const revisions: unknown[][] = [];
  const audits: Parameters<typeof recordAudit>[1] = [];
  const keys: unknown[][] = [];
  const results = inputs.map((input): SubmissionResult | Error => {
    const key = input.idempotency ? `${input.idempotency.userId}\u0000${input.idempotency.key}` : null;
    if (key && earlier.has(key)) return { submission: earlier.get(key) as Submission, replayed: true };
    const assignment = assignments.get(input.assignmentId);
    if (!assignment) return new WorkflowError('no_assignment', '任务不存在', 'no such assignment');
    const rule = submissionActions[input.action];
    const before = current.get(input.assignmentId);
    if (!rule.from.includes(before?.status ?? null)) {
      return new WorkflowError('invalid_transition', `当前状态为「${before?.status ?? '未填报'}」，不能${rule.zh}`, `cannot ${rule.en} a submission that is ${before?.status ?? 'not started'}`);
    }
    const editing = input.action === 'save' || input.action === 'submit';
    if (editing && !assignment.open) return new WorkflowError('window_closed', '填报窗口已关闭', 'the reporting window is closed');
    if (editing && input.formVersion !== assignment.version) {
      return new WorkflowError('stale_version', `表单已更新为第 ${assignment.version} 版，请刷新后重新填报`, `the form is now version ${assignment.version}; reload and fill it again`);
    }
    const next: Submission = {
      assignmentId: input.assignmentId,
      status: rule.to,
      revision: (before?.revision ?? 0) + 1,
      formVersion: editing ? input.formVersion : (before?.formVersion ?? input.formVersion),
      values: editing ? (input.values ?? {}) : (before?.values ?? {}),
      warnings: editing ? (input.warnings ?? []) : (before?.warnings ?? []),
      comment: input.comment ?? (input.action === 'return' ? '' : null),
      updatedBy: input.actor,
      updatedAt: stamp,
    };
    current.set(input.assignmentId, next);
    revisions.push([next.assignmentId, next.revision, next.status, JSON.stringify(next.values), next.comment, input.actor, stamp]);
    audits.push({ actor: input.actor, action: `submission.${input.action}`, entity: 'submission', entityId: input.assignmentId, previous: before ?? null, next });
    if (input.idempotency) keys.push([input.idempotency.key, input.idempotency.userId, input.idempotency.requestSha256, 200, JSON.stringify(next)]);
    return { submission: next, replayed: false };
  });
  const changed = [...new Set(revisions.map((r) => r[0] as string))].map((id) => current.get(id) as Submission);
  if (changed.length > 0) {
    await exec(
      connection,
      `INSERT OR REPLACE INTO submissions (assignment_id, status, revision, form_version, submission_values, warnings, comment, updated_by, updated_at) VALUES ${placeholders(changed.length, 9)}`,
      changed.flatMap((s) => [s.assignmentId, s.status, s.revision, s.formVersion, JSON.stringify(s.values), JSON.stringify(s.warnings), s.comment, s.updatedBy, stamp]),
    );
    await exec(connection, `INSERT INTO submission_revisions (assignment_id, revision, status, submission_values, comment, actor, created_at) VALUES ${placeholders(revisions.length, 7)}`, revisions.flat() as never);
    await recordAudit(connection, audits, now);
  }
  if (keys.length > 0) {
    await exec(connection, `INSERT INTO idempotency_keys (idem_key, user_id, request_sha256, status, body) VALUES ${placeholders(keys.length, 5)}`, keys.flat() as never);
  }
  return results;
}

/** Submission changes share transactions when they arrive together (group commit). */
export const submissionBatch: BatchKind<SubmissionWrite, SubmissionResult> = { name: 'submissions', max: 512, run: writeSubmissions };

/** A stored response for an idempotency key, if a request with it already succeeded. */
export async function findIdempotent(connection: DuckDBConnection, userId: string, key: string): Promise<{ requestSha256: string; body: unknown } | undefined> {
  const r = await first(connection, 'SELECT request_sha256, body FROM idempotency_keys WHERE user_id = $1 AND idem_key = $2', [userId, key]);
  return r ? { requestSha256: String(r['request_sha256']), body: json<unknown>(r['body']) } : undefined;
}
