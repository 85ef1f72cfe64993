import * as z from 'zod';
import { APPROVAL_LEVELS, ApprovalLevel, type ReviewState } from './approval.js';
import { ErrorDetail } from './errors.js';
import { FormDefinition } from './form/definition.js';
import { Period } from './period-schema.js';
import { RegionCode } from './region.js';
import { SubmissionStatus } from './submission-status.js';

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

export const Assignment = z.object({
  id: z.string(),
  formId: z.string(),
  version: z.int().min(1),
  regionCode: RegionCode,
  department: z.string().min(1).max(120),
  period: Period,
  dueDate: z.iso.date().nullable(),
  open: z.boolean(),
  status: SubmissionStatus.nullable(),
  /** The highest level that approved the current submission (null until approved). */
  approvedLevel: ApprovalLevel.nullable(),
});
export type Assignment = z.infer<typeof Assignment>;
/** An assignment itself, without where its submission stands (which only the submission knows). */
export type AssignmentBase = Omit<Assignment, 'status' | 'approvedLevel'>;

export const Submission = z.object({
  assignmentId: z.string(),
  status: SubmissionStatus,
  revision: z.int().min(1),
  formVersion: z.int().min(1),
  values: z.record(z.string(), z.unknown()),
  warnings: z.array(ErrorDetail),
  comment: z.string().nullable(),
  /** The highest level that approved the data (null until approved). */
  approvedLevel: ApprovalLevel.nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type Submission = z.infer<typeof Submission>;

/** One revision of a submission: where the step left it, what the step was, and who took it. */
export const SubmissionRevision = z.object({
  revision: z.int().min(1),
  status: SubmissionStatus,
  action: SubmissionAction,
  values: z.record(z.string(), z.unknown()),
  comment: z.string().nullable(),
  approvedLevel: ApprovalLevel.nullable(),
  /** The user name, as stored. */
  actor: z.string(),
  /** The person's display name (null for an actor with no account, such as synthetic data). */
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type SubmissionRevision = z.infer<typeof SubmissionRevision>;

export const AuditEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  previous: z.unknown(),
  next: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const FormRecord = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  department: z.string(),
  departmentFunction: z.string().nullable(),
  definition: FormDefinition,
  latestVersion: z.int().min(0),
  updatedAt: z.string(),
});
export type FormRecord = z.infer<typeof FormRecord>;
