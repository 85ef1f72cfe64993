import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormDefinition } from '@kesu/schema';
import { insertAssignments, listAssignments, updateAssignment } from './repositories/assignments.js';
import { listAudit } from './repositories/audit.js';
import { insertForm, publishForm, getFormVersion, updateFormDraft } from './repositories/forms.js';
import {
  DRAFT_SESSION_GAP_MS,
  findIdempotent,
  getSubmission,
  listSubmissionRevisions,
  submissionBatch,
  WorkflowError,
  type SubmissionWrite,
} from './repositories/submissions.js';
import { BACKENDS, openTestStore, type TestStore } from './testing/index.js';

const definition: FormDefinition = {
  title: '青少年科学素质报表',
  periodKind: 'year',
  sections: [
    { id: 's1', title: '培训', fields: [{ id: 'trainees', type: 'integer', label: '培训人次', required: false }] },
  ],
  rules: [],
};

describe.each(BACKENDS)('on %s', (backend) => {
  let t: TestStore;
  let assignmentId: string;

  beforeEach(async () => {
    t = await openTestStore(backend);
    const form = await insertForm(
      t.store.connection,
      { planId: null, department: '区教育局', departmentFunction: 'education', definition },
      'admin',
    );
    await publishForm(t.store.connection, form.id, 'admin');
    const [assignment] = await insertAssignments(t.store.connection, [
      {
        formId: form.id,
        version: 1,
        regionCode: '510104',
        department: '区教育局',
        period: '2024',
        dueDate: '2025-01-31',
      },
    ]);
    assignmentId = assignment!.id;
  });
  afterEach(() => t.dispose());

  const write = (change: Partial<SubmissionWrite> & Pick<SubmissionWrite, 'action'>) =>
    t.store.writes.batch(submissionBatch, { assignmentId, actor: 'reporter', formVersion: 1, ...change });

  describe('forms', () => {
    it('keep published versions immutable while the draft changes', async () => {
      const formId = (await listAssignments(t.store.connection))[0]!.formId;
      await updateFormDraft(t.store.connection, formId, { ...definition, title: '改过的标题' }, 'admin');
      expect((await getFormVersion(t.store.connection, formId, 1))?.title).toBe('青少年科学素质报表');
      expect(await publishForm(t.store.connection, formId, 'admin')).toBe(2);
      expect((await getFormVersion(t.store.connection, formId, 2))?.title).toBe('改过的标题');
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
      expect((await listSubmissionRevisions(t.store.connection, assignmentId)).map((r) => r.status)).toEqual([
        'draft',
        'submitted',
        'returned',
        'submitted',
        'approved',
      ]);
      const audit = await listAudit(t.store.connection, { entity: 'submission', entityId: assignmentId });
      expect(audit.map((a) => a.action)).toEqual([
        'submission.save',
        'submission.submit',
        'submission.return',
        'submission.submit',
        'submission.approve',
      ]);
      expect(audit[1]?.previous).toEqual({ status: 'draft', revision: 1, approvedLevel: null, comment: null });
      // The trail keeps what a reviewer said when returning.
      expect(audit[2]?.next).toEqual({ status: 'returned', revision: 3, approvedLevel: null, comment: '请核实人次' });
      expect((await listSubmissionRevisions(t.store.connection, assignmentId))[0]?.values).toEqual({ trainees: 10 });
    });

    it.each([
      ['approve before anything was submitted', [], { action: 'approve' as const }, 'invalid_transition'],
      [
        'edit after approval',
        ['submit', 'approve'],
        { action: 'save' as const, values: { trainees: 1 } },
        'invalid_transition',
      ],
      ['return a draft', ['save'], { action: 'return' as const, comment: 'x' }, 'invalid_transition'],
      ['submit against a stale form version', [], { action: 'submit' as const, formVersion: 2 }, 'stale_version'],
    ])('refuses to %s, changing nothing', async (_name, steps, change, code) => {
      for (const step of steps) await write({ action: step as SubmissionWrite['action'], values: { trainees: 1 } });
      const before = await getSubmission(t.store.connection, assignmentId);
      await expect(write(change)).rejects.toMatchObject({ code });
      expect(await getSubmission(t.store.connection, assignmentId)).toEqual(before);
    });

    it('names the status of a refused move in the words the office uses', async () => {
      await write({ action: 'save', values: { trainees: 1 } });
      await expect(write({ action: 'return', comment: 'x' })).rejects.toMatchObject({
        zh: '当前状态为「草稿」，不能退回',
        en: 'cannot return a submission that is draft',
      });
    });

    it('refuses edits in a closed window', async () => {
      await updateAssignment(t.store.connection, assignmentId, { open: false });
      await expect(write({ action: 'save', values: { trainees: 1 } })).rejects.toBeInstanceOf(WorkflowError);
      expect(await getSubmission(t.store.connection, assignmentId)).toBeUndefined();
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
      // The two saves are one editing session: one draft revision, then the submission and the approval.
      expect(await getSubmission(t.store.connection, assignmentId)).toMatchObject({
        status: 'approved',
        revision: 3,
        values: { trainees: 3 },
      });
      expect(
        (await listSubmissionRevisions(t.store.connection, assignmentId)).map((r) => [r.revision, r.action, r.values]),
      ).toEqual([
        [1, 'save', { trainees: 2 }],
        [2, 'submit', { trainees: 3 }],
        [3, 'approve', { trainees: 3 }],
      ]);
    });

    it('replays a retried request with the same idempotency key instead of writing twice', async () => {
      const idempotency = { userId: 'u1', key: 'k-1', requestSha256: 'abc' };
      const first = await write({ action: 'save', values: { trainees: 5 }, idempotency });
      const again = await write({ action: 'save', values: { trainees: 5 }, idempotency });
      expect(again.replayed).toBe(true);
      expect(again.submission).toEqual(first.submission);
      expect(await listSubmissionRevisions(t.store.connection, assignmentId)).toHaveLength(1);
    });
  });

  describe('autosaves of one editing session', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    const revisions = async () =>
      (await listSubmissionRevisions(t.store.connection, assignmentId)).map(
        (r) => `${r.revision}:${r.action}:${r.actor}:${JSON.stringify(r.values)}`,
      );
    const auditActions = async () =>
      (await listAudit(t.store.connection, { entity: 'submission', entityId: assignmentId })).map(
        (a) => `${a.action}:${(a.next as { revision: number }).revision}`,
      );

    it(
      'update one draft revision: its number stays, its values and time move, ' +
        'the audit keeps the entry that started it',
      async () => {
        const first = await write({ action: 'save', values: { trainees: 1 } });
        for (const n of [2, 3]) await write({ action: 'save', values: { trainees: n } });
        const last = await write({ action: 'save', values: { trainees: 4 } });
        expect(last.submission).toMatchObject({ revision: 1, status: 'draft', values: { trainees: 4 } });
        expect(last.submission.updatedAt >= first.submission.updatedAt).toBe(true);
        expect(await revisions()).toEqual(['1:save:reporter:{"trainees":4}']);
        expect(await getSubmission(t.store.connection, assignmentId)).toEqual(last.submission);
        expect(await auditActions()).toEqual(['submission.save:1']);
      },
    );

    it(
      'end at a submit, a return or an approval: ' + 'each adds a revision, and the next save starts a new draft',
      async () => {
        await write({ action: 'save', values: { trainees: 1 } });
        await write({ action: 'submit', values: { trainees: 2 } });
        await write({ action: 'return', actor: 'reviewer', comment: '请核实' });
        await write({ action: 'save', values: { trainees: 3 } });
        await write({ action: 'save', values: { trainees: 4 } });
        await write({ action: 'submit', values: { trainees: 4 } });
        await write({ action: 'approve', actor: 'reviewer' });
        expect(await revisions()).toEqual([
          '1:save:reporter:{"trainees":1}',
          '2:submit:reporter:{"trainees":2}',
          '3:return:reviewer:{"trainees":2}',
          '4:save:reporter:{"trainees":4}',
          '5:submit:reporter:{"trainees":4}',
          '6:approve:reviewer:{"trainees":4}',
        ]);
        expect(await auditActions()).toEqual([
          'submission.save:1',
          'submission.submit:2',
          'submission.return:3',
          'submission.save:4',
          'submission.submit:5',
          'submission.approve:6',
        ]);
      },
    );

    it('end when someone else saves, or after a pause longer than the session gap', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2025-03-01T02:00:00Z'));
      await write({ action: 'save', values: { trainees: 1 } });
      // A colleague of the same unit saves: a revision of their own.
      await write({ action: 'save', actor: 'colleague', values: { trainees: 2 } });
      vi.setSystemTime(new Date(Date.now() + DRAFT_SESSION_GAP_MS));
      await write({ action: 'save', actor: 'colleague', values: { trainees: 3 } });
      vi.setSystemTime(new Date(Date.now() + DRAFT_SESSION_GAP_MS + 1));
      await write({ action: 'save', actor: 'colleague', values: { trainees: 4 } });
      expect(await revisions()).toEqual([
        '1:save:reporter:{"trainees":1}',
        '2:save:colleague:{"trainees":3}',
        '3:save:colleague:{"trainees":4}',
      ]);
      expect((await listSubmissionRevisions(t.store.connection, assignmentId)).map((r) => r.createdAt)).toEqual([
        '2025-03-01 02:00:00.000',
        '2025-03-01 02:30:00.000',
        '2025-03-01 03:00:00.001',
      ]);
    });

    it('continue a draft written before a restart', async () => {
      await write({ action: 'save', values: { trainees: 1 } });
      await t.reopen();
      await write({ action: 'save', values: { trainees: 2 } });
      expect(await revisions()).toEqual(['1:save:reporter:{"trainees":2}']);
    });

    it('replay a retried save as it was answered, even after the draft was saved over', async () => {
      const idempotency = { userId: 'u1', key: 'autosave-1', requestSha256: 'sha-1' };
      const first = await write({ action: 'save', values: { trainees: 5 }, idempotency });
      await write({ action: 'save', values: { trainees: 6 } });
      const again = await write({ action: 'save', values: { trainees: 5 }, idempotency });
      expect(again).toEqual({ submission: first.submission, replayed: true });
      expect(await findIdempotent(t.store.connection, 'u1', 'autosave-1')).toEqual({
        requestSha256: 'sha-1',
        body: first.submission,
      });
      // The retry changed nothing: the draft holds the later save.
      expect(await revisions()).toEqual(['1:save:reporter:{"trainees":6}']);
    });

    it('replay a retried submit as the revision it made', async () => {
      const idempotency = { userId: 'u1', key: 'submit-1', requestSha256: 'sha-2' };
      await write({ action: 'save', values: { trainees: 1 } });
      const submitted = await write({ action: 'submit', values: { trainees: 2 }, idempotency });
      await expect(write({ action: 'save', values: { trainees: 3 } })).rejects.toMatchObject({
        code: 'invalid_transition',
      });
      expect(await write({ action: 'submit', values: { trainees: 2 }, idempotency })).toEqual({
        submission: submitted.submission,
        replayed: true,
      });
    });
  });
});
