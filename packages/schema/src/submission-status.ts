import * as z from 'zod';

/** Where a submission stands: its own file, since the workflow and the approval steps both read it. */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const SubmissionStatus = z.enum(SUBMISSION_STATUSES).meta({ label: '状态', labelEn: 'Status' });
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;
