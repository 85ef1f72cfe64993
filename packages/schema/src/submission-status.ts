import * as z from 'zod';
import type { Localized } from './localized.js';

/** Where a submission stands: its own file, since the workflow and the approval steps both read it. */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const SubmissionStatus = z.enum(SUBMISSION_STATUSES).meta({ label: '状态', labelEn: 'Status' });
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

/**
 * What each status is called, `none` being a report nobody has started. The web's tags, the
 * workflow's refusals and the warehouse's code labels all say these words; a submitted report is
 * "待审核" because that is what the office has to do with it.
 */
export const submissionStatusWords: Readonly<Record<SubmissionStatus | 'none', Localized>> = {
  none: { zh: '未填报', en: 'Not started' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  approved: { zh: '已通过', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** A status's words for use inside a sentence (English lower-cased). */
export function statusInSentence(status: SubmissionStatus | null): Localized {
  const words = submissionStatusWords[status ?? 'none'];
  return { zh: words.zh, en: words.en.toLowerCase() };
}
