import { SUBMISSION_STATUSES } from '@kesu/schema';
import { describe, expect, it } from 'vitest';
import { PROGRESS_STATUSES } from '../progress/status.js';
import { codeLabels } from './code-labels.js';
import { WAREHOUSE_TABLES } from './tables.js';

describe('the words of status codes', () => {
  it('names every code the status columns hold, in both languages', () => {
    expect(Object.keys(codeLabels('fact_progress', 'status') ?? {}).sort()).toEqual([...PROGRESS_STATUSES].sort());
    expect(Object.keys(codeLabels('fact_submission', 'status') ?? {}).sort()).toEqual(
      [...SUBMISSION_STATUSES, 'missing'].sort(),
    );
    expect(codeLabels('fact_progress', 'status')?.['behind']).toEqual({ zh: '进度滞后', en: 'Behind' });
  });

  it('labels only documented columns, and no others', () => {
    const documented = (table: string, column: string) =>
      WAREHOUSE_TABLES.some((t) => t.name === table && t.columns.some((c) => c.name === column));
    expect(documented('fact_progress', 'status') && documented('fact_submission', 'status')).toBe(true);
    expect(codeLabels('fact_value', 'region_code')).toBeUndefined();
  });
});
