import * as z from 'zod';
import { ApprovalLevel } from './approval.js';
import { ErrorDetail } from './errors.js';
import { SubmissionStatus } from './submission-status.js';
import { SubmissionAction } from './workflow.js';

/** What a department reported for an assignment: its values, where it stands, who changed it last. */
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
