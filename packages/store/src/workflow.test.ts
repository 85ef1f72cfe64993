import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormDefinition } from '@kesu/schema';
import { openStore, type Store } from './database.js';
import { insertAssignments, listAssignments, updateAssignment } from './repositories/assignments.js';
import { listAudit } from './repositories/audit.js';
import { insertForm, publishForm, getFormVersion, updateFormDraft } from './repositories/forms.js';
import { getSubmission, listSubmissionRevisions, submissionBatch, WorkflowError, type SubmissionWrite } from './repositories/submissions.js';

let dir: string;
let store: Store;
let assignmentId: string;

const definition: FormDefinition = {
  title: '青少年科学素质报表',
  periodKind: 'year',
  sections: [{ id: 's1', title: '培训', fields: [{ id: 'trainees', type: 'integer', label: '培训人次', required: false }] }],
  rules: [],
};

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-workflow-'));
  store = await openStore(path.join(dir, 'kesu.duckdb'));
  const form = await insertForm(store.connection, { planId: null, department: '区教育局', departmentFunction: 'education', definition }, 'admin');
  await publishForm(store.connection, form.id, 'admin');
  const [assignment] = await insertAssignments(store.connection, [{ formId: form.id, version: 1, regionCode: '510104', department: '区教育局', period: '2024', dueDate: '2025-01-31' }]);
  assignmentId = assignment!.id;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (change: Partial<SubmissionWrite> & Pick<SubmissionWrite, 'action'>) =>
  store.writes.batch(submissionBatch, { assignmentId, actor: 'reporter', formVersion: 1, ...change });

describe('forms', () => {
  it('keep published versions immutable while the draft changes', async () => {
    const formId = (await listAssignments(store.connection))[0]!.formId;
    await updateFormDraft(store.connection, formId, { ...definition, title: '改过的标题' }, 'admin');
    expect((await getFormVersion(store.connection, formId, 1))?.title).toBe('青少年科学素质报表');
    expect(await publishForm(store.connection, formId, 'admin')).toBe(2);
    expect((await getFormVersion(store.connection, formId, 2))?.title).toBe('改过的标题');
  });
});

describe('the submission workflow', () => {
  it('goes draft → submitted → returned → submitted → approved, a revision and an audit event each', async () => {
    await write({ action: 'save', values: { trainees: 10 } });
    await write({ action: 'submit', values: { trainees: 12 } });
    await write({ action: 'return', actor: 'reviewer', comment: '请核实人次' });
    await write({ action: 'submit', values: { trainees: 15 } });
    const approved = await write({ action: 'approve', actor: 'reviewer' });
    expect(approved.submission).toMatchObject({ status: 'approved', revision: 5, values: { trainees: 15 } });
    expect((await listSubmissionRevisions(store.connection, assignmentId)).map((r) => r.status)).toEqual(['draft', 'submitted', 'returned', 'submitted', 'approved']);
    const audit = await listAudit(store.connection, { entity: 'submission', entityId: assignmentId });
    expect(audit.map((a) => a.action)).toEqual(['submission.save', 'submission.submit', 'submission.return', 'submission.submit', 'submission.approve']);
    expect(audit[1]?.previous).toEqual({ status: 'draft', revision: 1, approvedLevel: null, comment: null });
    // The trail keeps what a reviewer said when returning.
    expect(audit[2]?.next).toEqual({ status: 'returned', revision: 3, approvedLevel: null, comment: '请核实人次' });
    expect((await listSubmissionRevisions(store.connection, assignmentId))[0]?.values).toEqual({ trainees: 10 });
  });

  it.each([
    ['approve before anything was submitted', [], { action: 'approve' as const }, 'invalid_transition'],
    ['edit after approval', ['submit', 'approve'], { action: 'save' as const, values: { trainees: 1 } }, 'invalid_transition'],
    ['return a draft', ['save'], { action: 'return' as const, comment: 'x' }, 'invalid_transition'],
    ['submit against a stale form version', [], { action: 'submit' as const, formVersion: 2 }, 'stale_version'],
  ])('refuses to %s, changing nothing', async (_name, steps, change, code) => {
    for (const step of steps) await write({ action: step as SubmissionWrite['action'], values: { trainees: 1 } });
    const before = await getSubmission(store.connection, assignmentId);
    await expect(write(change)).rejects.toMatchObject({ code });
    expect(await getSubmission(store.connection, assignmentId)).toEqual(before);
  });

  it('refuses edits in a closed window', async () => {
    await updateAssignment(store.connection, assignmentId, { open: false });
    await expect(write({ action: 'save', values: { trainees: 1 } })).rejects.toBeInstanceOf(WorkflowError);
    expect(await getSubmission(store.connection, assignmentId)).toBeUndefined();
  });

  it('writes concurrent changes in shared transactions, each acknowledged after commit', async () => {
    const results = await Promise.allSettled([
      write({ action: 'save', values: { trainees: 1 } }),
      write({ action: 'save', values: { trainees: 2 } }),
      write({ action: 'submit', values: { trainees: 3 } }),
      write({ action: 'approve', actor: 'reviewer' }),
      write({ action: 'save', values: { trainees: 9 } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    expect(await getSubmission(store.connection, assignmentId)).toMatchObject({ status: 'approved', revision: 4, values: { trainees: 3 } });
  });

  it('replays a retried request with the same idempotency key instead of writing twice', async () => {
    const idempotency = { userId: 'u1', key: 'k-1', requestSha256: 'abc' };
    const first = await write({ action: 'save', values: { trainees: 5 }, idempotency });
    const again = await write({ action: 'save', values: { trainees: 5 }, idempotency });
    expect(again.replayed).toBe(true);
    expect(again.submission).toEqual(first.submission);
    expect(await listSubmissionRevisions(store.connection, assignmentId)).toHaveLength(1);
  });
});
