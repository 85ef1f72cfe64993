import * as z from 'zod';
import { ApprovalProgress } from '../approval.js';
import { Assignment } from '../assignment.js';
import type { FormDefinition } from '../form/definition.js';
import { Period } from '../period-schema.js';
import { RegionCode } from '../region.js';
import { SubmissionStatus } from '../submission-status.js';
import { Submission } from '../submission.js';
import { Target } from '../target.js';

/** A unit in its region: who an assignment goes to. */
export const AssignmentPair = z.strictObject({
  regionCode: RegionCode,
  department: z.string().trim().min(1).max(120),
});
export type AssignmentPair = z.infer<typeof AssignmentPair>;

/** A form version given to units in their regions, one assignment per unit and period. */
export const NewAssignments = z
  .strictObject({
    formId: z.uuid(),
    version: z.int().min(1),
    pairs: z
      .array(AssignmentPair)
      .min(1)
      .max(1000)
      .optional()
      .meta({ description: 'units in their regions; duplicates are merged' }),
    regionCodes: z
      .array(RegionCode)
      .min(1)
      .max(500)
      .optional()
      .meta({ description: 'older form: every region × every department (use pairs)' }),
    departments: z.array(z.string().min(1).max(120)).min(1).max(100).optional(),
    periods: z.array(Period).min(1).max(24),
    dueDate: z.iso.date().nullable().default(null),
  })
  .superRefine((input, check) => {
    const crossed = input.regionCodes !== undefined || input.departments !== undefined;
    if (input.pairs !== undefined && crossed)
      check.addIssue({
        code: 'custom',
        path: ['pairs'],
        message: 'pairs or regions × departments',
        params: {
          code: 'pairs_and_cross',
          zh: '与 regionCodes/departments 只能给一种',
          en: 'cannot be given together with regionCodes/departments',
        },
      });
    else if (input.pairs === undefined && (input.regionCodes === undefined || input.departments === undefined)) {
      check.addIssue({
        code: 'custom',
        path: ['pairs'],
        message: 'missing',
        params: {
          code: 'required',
          zh: '必填：下发给哪些地区的哪些单位',
          en: 'is required: which units of which regions',
        },
      });
    }
  });
export type NewAssignments = z.infer<typeof NewAssignments>;

/** Which assignments to list: by region, region tree, unit, period, where the submission stands. */
export const AssignmentQuery = z.object({
  regionCode: RegionCode.optional(),
  within: RegionCode.optional().meta({ description: 'a region and everything under it' }),
  department: z.string().max(120).optional(),
  period: Period.optional(),
  status: z.union([SubmissionStatus, z.literal('none')]).optional(),
  awaitingMe: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'only what waits for the caller’s review at its level' }),
});
export type AssignmentQuery = z.infer<typeof AssignmentQuery>;

/** Opening or closing an assignment's window, or moving its due date. */
export const AssignmentChange = z.strictObject({
  open: z.boolean().optional(),
  dueDate: z.iso.date().nullable().optional(),
});
export type AssignmentChange = z.infer<typeof AssignmentChange>;

/**
 * An assignment with its form version and submission, and how far the approval has come. The form
 * is described as any value (the document stays as it was); its type is the form definition.
 */
export const AssignmentView = z.object({
  assignment: Assignment,
  form: z.unknown(),
  submission: Submission.nullable(),
  approval: ApprovalProgress,
});
export type AssignmentView = Omit<z.infer<typeof AssignmentView>, 'form'> & { form: FormDefinition };

const Values = z.record(z.string(), z.unknown());
const PeriodValues = z.object({ period: Period, values: Values });

/** What a reporter or reviewer sees beside each field: last period, earlier periods, the plan's target. */
export const AssignmentContext = z.object({
  previous: PeriodValues.nullable(),
  history: z.array(PeriodValues),
  targets: z.record(z.string(), Target),
});
export type AssignmentContext = z.infer<typeof AssignmentContext>;

/** A submission's values as saved or submitted, for a form version. */
export const SubmissionBody = z.strictObject({
  values: z.record(z.string(), z.unknown()),
  formVersion: z.int().min(1),
  /** The reporter's reason for a warning, keyed by the warning's path ('' for the whole form). */
  explanations: z.record(z.string().max(200), z.string().trim().min(1).max(500)).optional(),
});
export type SubmissionBody = z.infer<typeof SubmissionBody>;

/** An approval may confirm values far from the unit's own history, by field id. */
export const ApproveBody = z.strictObject({
  confirmOutliers: z.array(z.string().min(1).max(120)).max(500).default([]).meta({
    label: '确认的异常值字段',
    labelEn: 'Confirmed outlier fields',
    description: 'the fields whose values far from the unit’s own history the reviewer has checked',
  }),
});
export type ApproveBody = z.infer<typeof ApproveBody>;

/** A submission returned one level down, with the reason. */
export const ReturnBody = z.strictObject({ comment: z.string().trim().min(1).max(2000) });
export type ReturnBody = z.infer<typeof ReturnBody>;
