import * as z from 'zod';
import { ApprovalLevel } from './approval.js';
import { Period } from './period-schema.js';
import { RegionCode } from './region.js';
import { SubmissionStatus } from './submission-status.js';

/** A form version given to a department of a region for a period, with where its submission stands. */
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
