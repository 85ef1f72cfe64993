import type { Db } from '../db.js';
import {
  revisionAction,
  staleVersion,
  statusInSentence,
  reviewMove,
  submissionActions,
  type ApprovalLevel,
  type ApprovalStep,
  type ErrorDetail,
  type Reviewer,
  type Submission,
  type SubmissionAction,
  type SubmissionRevision,
  type SubmissionStatus,
} from '@kesu/schema';
import { appendRows, first, json, rows, sqlTimestamp, timestampText, type Cell, type Row } from '../sql.js';
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
    approvedLevel: (r['approved_level'] as ApprovalLevel | null) ?? null,
    updatedBy: String(r['actor']),
    updatedAt: timestampText(r['created_at']),
  };
}

/** The current submission of an assignment: its latest revision. */
export async function getSubmission(connection: Db, assignmentId: string): Promise<Submission | undefined> {
  const r = await first(
    connection,
    'SELECT * FROM submission_revisions WHERE assignment_id = $1 ORDER BY revision DESC LIMIT 1',
    [assignmentId],
  );
  return r ? toSubmission(r) : undefined;
}

/**
 * Every revision of a submission, oldest first, each with what its step did (read from the state
 * before it) and the display name of who took it.
 */
export async function listSubmissionRevisions(connection: Db, assignmentId: string): Promise<SubmissionRevision[]> {
  const found = await rows(
    connection,
    'SELECT r.*, u.display_name FROM submission_revisions r LEFT JOIN users u ON u.username = r.actor ' +
      'WHERE r.assignment_id = $1 ORDER BY r.revision',
    [assignmentId],
  );
  let before: SubmissionRevision | null = null;
  return found.map((r) => {
    const state = {
      status: r['status'] as SubmissionStatus,
      approvedLevel: (r['approved_level'] as ApprovalLevel | null) ?? null,
    };
    const revision: SubmissionRevision = {
      revision: Number(r['revision']),
      ...state,
      action: revisionAction(before, state),
      values: json<Record<string, unknown>>(r['submission_values']),
      comment: (r['comment'] as string | null) ?? null,
      actor: String(r['actor']),
      actorName: (r['display_name'] as string | null) ?? null,
      createdAt: timestampText(r['created_at']),
    };
    before = revision;
    return revision;
  });
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
  /**
   * Who reviews and the approval steps of the assignment's region, for approve, accept and
   * return. Without it the single-level workflow applies (the office acting; no level recorded).
   */
  review?: { chain: ApprovalStep[]; reviewer: Reviewer };
  /** Stored with the result so that a retry with the same key returns it instead of writing again. */
  idempotency?: { userId: string; key: string; requestSha256: string };
}

/** Why a write was refused, for the API to turn into a 409 or 403. */
export class WorkflowError extends Error {
  constructor(
    readonly code:
      | 'invalid_transition'
      | 'not_your_level'
      | 'window_closed'
      | 'stale_version'
      | 'no_assignment'
      | 'idempotency_key_reused',
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

/**
 * The current submission of each assignment this writer has seen. On the embedded store every
 * submission write goes through the one writer, so after a commit this memory is exactly what the
 * database holds. On a shared database other nodes write too: nothing is remembered there.
 */
const stateByWriter = new WeakMap<Db, Map<string, Submission>>();

function stateOf(connection: Db): Map<string, Submission> {
  let state = stateByWriter.get(connection);
  if (!state) stateByWriter.set(connection, (state = new Map()));
  return state;
}

const LATEST: Record<Db['dialect'], string> = {
  duckdb:
    'SELECT * FROM submission_revisions WHERE assignment_id IN (SELECT unnest($1::VARCHAR[])) ' +
    'QUALIFY row_number() OVER (PARTITION BY assignment_id ORDER BY revision DESC) = 1',
  postgres:
    'SELECT DISTINCT ON (assignment_id) * FROM submission_revisions ' +
    'WHERE assignment_id = ANY($1::VARCHAR[]) ORDER BY assignment_id, revision DESC',
};

// On a shared database the assignments' rows are locked, in one order so two nodes never wait on
// each other in a circle: a second node's change to the same report waits for this commit, then
// reads the revision it wrote (approve against return, a retry of one key on two nodes).
const ASSIGNMENTS: Record<Db['dialect'], string> = {
  duckdb: 'SELECT id, open, version FROM assignments WHERE id IN (SELECT unnest($1::VARCHAR[]))',
  postgres: 'SELECT id, open, version FROM assignments WHERE id = ANY($1::VARCHAR[]) ORDER BY id FOR UPDATE',
};

async function loadState(connection: Db, ids: string[]) {
  const unique = [...new Set(ids)];
  const assignments = new Map(
    (await rows(connection, ASSIGNMENTS[connection.dialect], [unique])).map((r) => [
      String(r['id']),
      { open: Boolean(r['open']), version: Number(r['version']) },
    ]),
  );
  const known = connection.shared ? new Map<string, Submission>() : stateOf(connection);
  const current = new Map(unique.flatMap((id) => (known.has(id) ? [[id, known.get(id) as Submission] as const] : [])));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length > 0) {
    for (const r of await rows(connection, LATEST[connection.dialect], [missing]))
      current.set(String(r['assignment_id']), toSubmission(r));
  }
  return { current, assignments };
}

async function replays(
  connection: Db,
  inputs: SubmissionWrite[],
): Promise<Map<string, { body: unknown; requestSha256: string }>> {
  const keyed = inputs.filter((i) => i.idempotency);
  if (keyed.length === 0) return new Map();
  // Filter on the key column alone (a concatenation would scan every stored key), then on the user.
  const wanted = new Set(keyed.map((i) => `${i.idempotency?.userId}\u0000${i.idempotency?.key}`));
  const found = (
    await rows(
      connection,
      'SELECT user_id, idem_key, body, request_sha256 ' +
        'FROM idempotency_keys WHERE idem_key IN (SELECT unnest($1::VARCHAR[]))',
      [keyed.map((i) => i.idempotency?.key ?? '')],
    )
  ).filter((r) => wanted.has(`${String(r['user_id'])}\u0000${String(r['idem_key'])}`));
  const resolved = await Promise.all(
    found.map(async (r) => {
      const body = json<{ revisionOf?: string; revision?: number }>(r['body']);
      const stored =
        body.revisionOf === undefined
          ? body
          : await revisionAsSubmission(connection, body.revisionOf, body.revision ?? 0);
      return [
        `${String(r['user_id'])}\u0000${String(r['idem_key'])}`,
        { body: stored, requestSha256: String(r['request_sha256']) },
      ] as const;
    }),
  );
  return new Map(resolved);
}

/** A stored revision as the submission it was when it was written. */
async function revisionAsSubmission(
  connection: Db,
  assignmentId: string,
  revision: number,
): Promise<Submission | undefined> {
  const r = await first(connection, 'SELECT * FROM submission_revisions WHERE assignment_id = $1 AND revision = $2', [
    assignmentId,
    revision,
  ]);
  return r ? toSubmission(r) : undefined;
}

const EDITS: ReadonlySet<SubmissionAction> = new Set(['save', 'submit']);

/**
 * Where a change leads: saving and submitting by the workflow's table, review actions along the
 * approval steps (`reviewMove`), or along one step when no steps are given.
 */
function nextState(
  input: SubmissionWrite,
  before: Submission | undefined,
): { status: SubmissionStatus; approvedLevel: ApprovalLevel | null } | WorkflowError {
  const rule = submissionActions[input.action];
  const status = before?.status ?? null;
  if (EDITS.has(input.action))
    return rule.from.includes(status) ? { status: rule.to, approvedLevel: null } : refused(rule, status);
  if (input.review) {
    const state = { status, approvedLevel: before?.approvedLevel ?? null };
    const outcome = reviewMove(
      input.review.chain,
      state,
      input.action as 'approve' | 'accept' | 'return',
      input.review.reviewer,
    );
    return outcome.ok
      ? { status: outcome.state.status ?? rule.to, approvedLevel: outcome.state.approvedLevel }
      : new WorkflowError(outcome.code, outcome.zh, outcome.en);
  }
  // Trusted callers without steps (the demo, tests): one level, approving or returning a submitted report.
  if (input.action === 'accept' || status !== 'submitted') return refused(rule, status);
  return { status: rule.to, approvedLevel: null };
}

function refused(rule: (typeof submissionActions)[SubmissionAction], status: SubmissionStatus | null): WorkflowError {
  const now = statusInSentence(status);
  return new WorkflowError(
    'invalid_transition',
    `当前状态为「${now.zh}」，不能${rule.zh}`,
    `cannot ${rule.en} a submission that is ${now.en}`,
  );
}

/** A pause in saving longer than this ends an editing session: the next save starts a new draft revision. */
export const DRAFT_SESSION_GAP_MS = 30 * 60_000;

/**
 * The draft revision a save continues rather than adding one, if any: the same person's draft of
 * the same form version, last saved within the session's gap. Submitting, returning and approving
 * always add a revision, and so does the first save after any of them.
 */
function continuedDraft(input: SubmissionWrite, before: Submission | undefined, now: Date): Submission | null {
  if (
    input.action !== 'save' ||
    before?.status !== 'draft' ||
    before.updatedBy !== input.actor ||
    before.formVersion !== input.formVersion
  )
    return null;
  return now.getTime() - Date.parse(`${before.updatedAt.replace(' ', 'T')}Z`) <= DRAFT_SESSION_GAP_MS ? before : null;
}

const revisionRow = (s: Submission, at: Date): Cell[] => [
  s.assignmentId,
  s.revision,
  s.status,
  s.formVersion,
  JSON.stringify(s.values),
  JSON.stringify(s.warnings),
  s.comment,
  s.updatedBy,
  at,
  s.approvedLevel,
];

// Found by the time the writer last saved the draft at, besides its key: DuckDB then reads only the
// row groups written about then, not the whole table, and a row not where the writer left it is
// not changed (the batch fails instead).
const SAVE_OVER = `UPDATE submission_revisions AS r
  SET submission_values = u.submission_values, warnings = u.warnings, created_at = $6::TIMESTAMP
  FROM (
    SELECT unnest($1::VARCHAR[]) AS assignment_id, unnest($2::INTEGER[]) AS revision,
      unnest($3::VARCHAR[])::TIMESTAMP AS saved_at, unnest($4::VARCHAR[]) AS submission_values,
      unnest($5::VARCHAR[]) AS warnings
  ) u
  WHERE r.assignment_id = u.assignment_id AND r.revision = u.revision AND r.created_at = u.saved_at`;

/** What a batch writes to submission_revisions: new revisions, and drafts saved over in place. */
class RevisionWrites {
  private readonly added = new Map<string, Cell[]>();
  private readonly savedOver = new Map<string, { draft: Submission; savedAt: string }>();

  constructor(private readonly now: Date) {}

  add(next: Submission): void {
    this.added.set(`${next.assignmentId}\u0000${next.revision}`, revisionRow(next, this.now));
  }

  /** The draft `before` (as the writer left it) now holds `next`'s values. */
  saveOver(before: Submission, next: Submission): void {
    const key = `${next.assignmentId}\u0000${next.revision}`;
    // A draft started earlier in this same batch is not in the table yet.
    if (this.added.has(key)) this.added.set(key, revisionRow(next, this.now));
    else this.savedOver.set(key, { draft: next, savedAt: this.savedOver.get(key)?.savedAt ?? before.updatedAt });
  }

  async write(connection: Db): Promise<void> {
    await appendRows(connection, 'submission_revisions', [...this.added.values()]);
    const saved = [...this.savedOver.values()];
    if (saved.length === 0) return;
    const changed = await connection.exec(SAVE_OVER, [
      saved.map((s) => s.draft.assignmentId),
      saved.map((s) => s.draft.revision),
      saved.map((s) => s.savedAt),
      saved.map((s) => JSON.stringify(s.draft.values)),
      saved.map((s) => JSON.stringify(s.draft.warnings)),
      sqlTimestamp(this.now),
    ]);
    if (changed !== saved.length)
      throw new Error(`${saved.length - changed} draft revision(s) to save over were not as the writer left them`);
  }
}

/**
 * Applies a batch of submission changes in the caller's transaction: each is checked against
 * the workflow and the assignment, then all are written with one statement per table.
 *
 * Autosaves of one editing session update one draft revision (`continuedDraft`): its number stays,
 * its values and time move, and the audit keeps the one entry that started it. A save with an
 * Idempotency-Key stores its own answer whole, since its revision may be saved over later; every
 * other step stores where its revision is. Clients hold no revision number: what guards a save is
 * the form version they filled and the workflow (a report no longer a draft refuses saves, 409).
 */
async function writeSubmissions(connection: Db, inputs: SubmissionWrite[]): Promise<Array<SubmissionResult | Error>> {
  const { current, assignments } = await loadState(
    connection,
    inputs.map((i) => i.assignmentId),
  );
  const earlier = await replays(connection, inputs);
  const now = new Date();
  const stamp = sqlTimestamp(now);
  const revisions = new RevisionWrites(now);
  const audits: Parameters<typeof recordAudit>[1] = [];
  const keys: Cell[][] = [];
  const results = inputs.map((input): SubmissionResult | Error => {
    const key = input.idempotency ? `${input.idempotency.userId}\u0000${input.idempotency.key}` : null;
    const replay = key ? earlier.get(key) : undefined;
    if (replay && replay.requestSha256 !== input.idempotency?.requestSha256) {
      return new WorkflowError(
        'idempotency_key_reused',
        '该 Idempotency-Key 已用于另一个请求',
        'this Idempotency-Key was used for a different request',
      );
    }
    if (replay) return { submission: replay.body as Submission, replayed: true };
    const assignment = assignments.get(input.assignmentId);
    if (!assignment) return new WorkflowError('no_assignment', '任务不存在', 'no such assignment');
    const before = current.get(input.assignmentId);
    const moved = nextState(input, before);
    if (moved instanceof WorkflowError) return moved;
    const editing = input.action === 'save' || input.action === 'submit';
    if (editing && !assignment.open)
      return new WorkflowError('window_closed', '填报窗口已关闭', 'the reporting window is closed');
    const stale = editing ? staleVersion(input.formVersion, assignment.version) : null;
    if (stale) return new WorkflowError(stale.code, stale.zh, stale.en);
    const draft = continuedDraft(input, before, now);
    const next: Submission = {
      assignmentId: input.assignmentId,
      status: moved.status,
      revision: draft ? draft.revision : (before?.revision ?? 0) + 1,
      formVersion: editing ? input.formVersion : (before?.formVersion ?? input.formVersion),
      values: editing ? (input.values ?? {}) : (before?.values ?? {}),
      warnings: editing ? (input.warnings ?? []) : (before?.warnings ?? []),
      comment: input.comment ?? (input.action === 'return' ? '' : null),
      approvedLevel: moved.approvedLevel,
      updatedBy: input.actor,
      updatedAt: stamp,
    };
    current.set(input.assignmentId, next);
    if (draft) {
      revisions.saveOver(draft, next);
    } else {
      revisions.add(next);
      // The values of every revision are in submission_revisions; the audit names the step.
      // The level and the reviewer's comment say what a review step did (accepting changes no status).
      const step = (s: Submission | undefined) =>
        s ? { status: s.status, revision: s.revision, approvedLevel: s.approvedLevel, comment: s.comment } : null;
      audits.push({
        actor: input.actor,
        action: `submission.${input.action}`,
        entity: 'submission',
        entityId: input.assignmentId,
        previous: step(before),
        next: step(next),
      });
    }
    if (input.idempotency && key) {
      const answer = input.action === 'save' ? next : { revisionOf: next.assignmentId, revision: next.revision };
      keys.push([
        input.idempotency.key,
        input.idempotency.userId,
        input.idempotency.requestSha256,
        200,
        JSON.stringify(answer),
        now,
      ]);
      // A retry arriving in the same batch replays this answer too.
      earlier.set(key, { body: next, requestSha256: input.idempotency.requestSha256 });
    }
    return { submission: next, replayed: false };
  });
  await revisions.write(connection);
  await recordAudit(connection, audits, now);
  await appendRows(connection, 'idempotency_keys', keys);
  return results;
}

/** Submission changes share transactions when they arrive together (group commit). */
export const submissionBatch: BatchKind<SubmissionWrite, SubmissionResult> = {
  name: 'submissions',
  max: 512,
  run: writeSubmissions,
  committed: (connection, results) => {
    if (connection.shared) return;
    const state = stateOf(connection);
    for (const r of results)
      if (!(r instanceof Error) && !r.replayed) state.set(r.submission.assignmentId, r.submission);
  },
};

/** A stored response for an idempotency key, if a request with it already succeeded. */
export async function findIdempotent(
  connection: Db,
  userId: string,
  key: string,
): Promise<{ requestSha256: string; body: unknown } | undefined> {
  const r = await first(
    connection,
    'SELECT request_sha256, body FROM idempotency_keys WHERE user_id = $1 AND idem_key = $2',
    [userId, key],
  );
  if (!r) return undefined;
  const body = json<{ revisionOf?: string; revision?: number }>(r['body']);
  const stored =
    body.revisionOf === undefined ? body : await revisionAsSubmission(connection, body.revisionOf, body.revision ?? 0);
  return { requestSha256: String(r['request_sha256']), body: stored };
}
