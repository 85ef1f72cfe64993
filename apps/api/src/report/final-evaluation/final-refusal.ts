import type { ErrorDetail } from '@kesu/schema';

/** Why a region has no final evaluation to write. */
export type FinalRefusalCode = 'no_plan' | 'plan_not_ended' | 'year_outside_plan';

/**
 * A final evaluation that cannot be written, with the reason in both languages: said to the
 * user in place of a document, never an empty one.
 */
export class FinalEvaluationRefused extends Error {
  constructor(
    readonly code: FinalRefusalCode,
    readonly zh: string,
    readonly en: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(en);
  }
}
