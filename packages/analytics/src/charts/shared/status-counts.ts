import type { ProgressStatusCounts } from '@kesu/schema';
import { PROGRESS_STATUSES } from '../../progress/status.js';

/** What statusCountsSql adds to a row: the total and one count per status. */
export type StatusCounts = ProgressStatusCounts;

/**
 * `total` and one count per progress status of a grouped query's `status` column, as INTEGER columns
 * named after them.
 */
export function statusCountsSql(total = 'count(*)'): string {
  return [
    `${total}::INTEGER AS total`,
    ...PROGRESS_STATUSES.map((s) => `count(*) FILTER (WHERE status = '${s}')::INTEGER AS ${s}`),
  ].join(',\n  ');
}
