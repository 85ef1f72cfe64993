import {
  formatQuantity,
  formatRatio,
  outliersOf,
  type AssignmentBase,
  type ErrorDetail,
  type Field,
  type FormDefinition,
  type Outlier,
} from '@kesu/schema';
import { getSubmission } from '@kesu/store';
import type { AppContext } from '../context.js';
import { Failure } from '../http/failure.js';
import { assignmentContext } from './assignment-context.js';

function detail(field: Field, value: number, outlier: Outlier): ErrorDetail {
  const unit = 'unit' in field ? field.unit : undefined;
  const amount = (n: number, lang: 'zh' | 'en') => formatQuantity(n, unit, { lang });
  return {
    path: `confirmOutliers.${field.id}`,
    code: 'outlier_unconfirmed',
    message:
      `「${field.label}」填报 ${amount(value, 'zh')}，为本单位往期中位数（${amount(outlier.median, 'zh')}）` +
      `的 ${formatRatio(outlier.ratio)}，请核实后确认`,
    messageEn:
      `"${field.labelEn ?? field.label}" is ${amount(value, 'en')}, ${formatRatio(outlier.ratio, 'en')} ` +
      `the unit’s usual ${amount(outlier.median, 'en')}: check it, then confirm`,
  };
}

/**
 * Refuses to approve a report whose values lie far from the unit's own earlier reports until the
 * reviewer confirms each of them: an approved value moves the region's progress, and a typo
 * (3 for 3,000) must not move it unseen. Returns the fields confirmed, for the approval's record.
 */
export function outlierCheck(ctx: AppContext) {
  const contextOf = assignmentContext(ctx);
  return async (
    assignment: AssignmentBase,
    definition: FormDefinition,
    confirmed: readonly string[],
  ): Promise<Field[]> => {
    const submission = await ctx.store.reads.read((conn) => getSubmission(conn, assignment.id));
    if (!submission) return [];
    const { history } = await contextOf(assignment, definition);
    const fields = definition.sections.flatMap((s) => s.fields);
    const found = outliersOf(fields, submission.values, history);
    const far = fields.filter((f) => found[f.id] !== undefined);
    const open = far.filter((f) => !confirmed.includes(f.id));
    if (open.length > 0) {
      throw new Failure(
        409,
        'outliers_unconfirmed',
        `有 ${open.length} 个数值远离本单位往期，请逐项核实后确认再通过`,
        `${open.length} value(s) lie far from the unit’s earlier reports: check and confirm each before approving`,
        open.map((f) => detail(f, submission.values[f.id] as number, found[f.id] as Outlier)),
      );
    }
    return far;
  };
}
