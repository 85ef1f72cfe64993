import * as z from 'zod';
import { PeriodKind } from '../period-schema.js';
import { Plan } from '../plan.js';

/** A stored plan without its body, as the plan list shows it. */
export const PlanSummary = z.object({
  id: z.string(),
  regionCode: z.string().nullable(),
  title: z.string(),
  documentSha256: z.string(),
  revision: z.int(),
  reviewed: z.boolean(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/** A stored plan: its latest revision with the plan itself. */
export const PlanRecord = PlanSummary.extend({ plan: Plan });
export type PlanRecord = z.infer<typeof PlanRecord>;

/** Why a stored plan is taken for the document being imported. */
export const SamePlanReason = z
  .enum(['same_document', 'same_region_title'])
  .meta({ description: 'same normalised text, or same region and title' });
export type SamePlanReason = z.infer<typeof SamePlanReason>;

/** A stored plan an imported document would duplicate, and why. */
export const SamePlan = PlanSummary.extend({ reason: SamePlanReason });
export type SamePlan = z.infer<typeof SamePlan>;

/** What a document is, read without storing it, and the stored plans it would duplicate. */
export const ImportPreview = z.object({
  title: z.string(),
  regionCode: z.string().nullable(),
  documentSha256: z.string(),
  duplicates: z.array(SamePlan),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** The query of `POST /plans/import`: the file's name, and whether to preview or store it, as what. */
export const ImportQuery = z.object({
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, { error: 'a file name, not a path' })
    .default('plan.txt'),
  preview: z
    .enum(['true', 'false'])
    .default('false')
    .meta({ description: 'true: read the document and name the plans it would duplicate, store nothing' }),
  as: z
    .enum(['plan', 'revision'])
    .default('plan')
    .meta({ description: 'revision: store the document as the next revision of `plan`' }),
  plan: z.uuid().optional().meta({ description: 'the plan a revision belongs to' }),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/** A plan document's bytes as uploaded: .txt, .docx or a saved .html page. */
export const PlanDocumentBytes = z.string().meta({ description: 'file bytes' });

/** The normalised source text of a plan, which its spans point into. */
export const PlanSource = z.object({ text: z.string() });
export type PlanSource = z.infer<typeof PlanSource>;

/** A reviewed revision of a plan, as saved. */
export const PlanBody = z.strictObject({ plan: Plan });
export type PlanBody = z.infer<typeof PlanBody>;

/** Which department a draft form is generated for, and per which period. */
export const GenerateForm = z.strictObject({ department: z.string().min(1).max(120), periodKind: PeriodKind });
export type GenerateForm = z.infer<typeof GenerateForm>;

/** The parent plan asked for when setting a plan against it. */
export const AlignmentQuery = z.object({
  parent: z.uuid().optional().meta({
    description: 'the parent plan to use (a plan of any region above); default: the nearest one for the term',
  }),
});
export type AlignmentQuery = z.infer<typeof AlignmentQuery>;

/** Whether the next term's draft is only shown or stored. */
export const NextTermQuery = z.object({ preview: z.enum(['true', 'false']).default('false') });
export type NextTermQuery = z.infer<typeof NextTermQuery>;

/** A unit a task or target may be given: named by the plan, known in its region, or made from the registry. */
export const UnitChoice = z.object({
  raw: z.string(),
  name: z.string(),
  function: z.string().nullable(),
  region: z.string().nullable(),
  source: z
    .enum(['plan', 'region', 'registry'])
    .meta({ description: 'named by the plan, known in its region, or made from the registry' }),
});
export type UnitChoice = z.infer<typeof UnitChoice>;
