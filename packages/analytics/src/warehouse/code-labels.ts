import { submissionStatusWords, type Localized, type SubmissionStatus } from '@kesu/schema';
import { statusLabels } from '../progress/status.js';

/** A submission's status words, `missing` being an assignment nobody has started. */
const { none, ...statusWords } = submissionStatusWords;
const submissionLabels: Record<SubmissionStatus | 'missing', Localized> = { ...statusWords, missing: none };

/**
 * The words of the warehouse's English status codes, per table and column. The tables keep the
 * codes, and no label column is added: statisticians filter, group and join on them
 * (`WHERE status = 'behind'`), and exported files feed other tools, where a code is stable and a
 * translated word is not. The workbench grid shows these words over the codes instead.
 */
export const CODE_LABELS: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, Localized>>>>>> = {
  fact_progress: { status: statusLabels },
  fact_submission: { status: submissionLabels },
};

/**
 * The words of a documented column's codes, or undefined for a column that holds none.
 * @example codeLabels('fact_progress', 'status')?.['behind'] // { zh: '进度滞后', en: 'Behind' }
 */
export function codeLabels(table: string, column: string): Readonly<Record<string, Localized>> | undefined {
  return CODE_LABELS[table]?.[column];
}
