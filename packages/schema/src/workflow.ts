import * as z from 'zod';
import { APPROVAL_LEVELS, type ApprovalLevel, type ReviewState } from './approval.js';
import type { SubmissionStatus } from './submission-status.js';

export const SUBMISSION_ACTIONS = ['save', 'submit', 'approve', 'accept', 'return'] as const;
export const SubmissionAction = z.enum(SUBMISSION_ACTIONS).meta({ label: '办理', labelEn: 'Step' });
export type SubmissionAction = z.infer<typeof SubmissionAction>;

/**
 * The workflow: which statuses each action starts from and where it leads. `null` stands for
 * "nothing saved yet". Approved data is locked for the reporter; along the approval levels only
 * the next level up may accept or return it (`reviewMove` in approval.ts decides the review steps).
 */
export const submissionActions: Record<
  SubmissionAction,
  { from: Array<SubmissionStatus | null>; to: SubmissionStatus; zh: string; en: string }
> = {
  save: { from: [null, 'draft', 'returned'], to: 'draft', zh: '保存草稿', en: 'save draft' },
  submit: { from: [null, 'draft', 'returned'], to: 'submitted', zh: '提交', en: 'submit' },
  approve: { from: ['submitted'], to: 'approved', zh: '审核通过', en: 'approve' },
  accept: { from: ['approved'], to: 'approved', zh: '接收', en: 'accept' },
  return: { from: ['submitted', 'approved'], to: 'returned', zh: '退回', en: 'return' },
};

/**
 * Whether the reporter may still change a submission in this status (`null`: nothing saved yet):
 * the statuses a save starts from, so the form and the list offer editing exactly where the API allows it.
 */
export function reporterMayEdit(status: SubmissionStatus | null): boolean {
  return submissionActions.save.from.includes(status);
}

/**
 * Whether a draft may be saved with this problem: a draft may be incomplete (a required field left
 * blank, a rule across fields not met yet), never malformed (text in a number field).
 */
export function draftMayHave(problem: { code: string }): boolean {
  return problem.code === 'required' || problem.code === 'rule';
}

/**
 * The refusal of a save or submission made against another version of the form than the
 * assignment's (the reporter's page is out of date), or null when the versions agree.
 */
export function staleVersion(given: number, current: number): { code: 'stale_version'; zh: string; en: string } | null {
  if (given === current) return null;
  return {
    code: 'stale_version',
    zh: `表单已更新为第 ${current} 版，请刷新后重新填报`,
    en: `the form is now version ${current}; reload and fill it again`,
  };
}

const levelRank = (level: ApprovalLevel | null) => (level === null ? -1 : APPROVAL_LEVELS.indexOf(level));

/**
 * What the step that made a revision did, read from where the submission stood before it and where
 * the step left it: the workflow allows one action between any two states. A return from a higher
 * level leaves the report submitted (or approved at a lower level), which says "returned", not
 * "submitted"; accepting raises the approved level.
 * @example
 * revisionAction({ status: 'approved', approvedLevel: 'county' }, { status: 'submitted', approvedLevel: null })
 * // 'return'
 */
export function revisionAction(
  before: ReviewState | null,
  after: ReviewState & { status: SubmissionStatus },
): SubmissionAction {
  switch (after.status) {
    case 'draft':
      return 'save';
    case 'returned':
      return 'return';
    case 'submitted':
      return before?.status === 'approved' ? 'return' : 'submit';
    case 'approved':
      if (before?.status !== 'approved') return 'approve';
      return levelRank(after.approvedLevel) > levelRank(before.approvedLevel) ? 'accept' : 'return';
  }
}
