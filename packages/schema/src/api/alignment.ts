import * as z from 'zod';
import { Localized } from '../localized.js';
import { Plan } from '../plan.js';
import { Comparator, TARGET_SCOPES } from '../target.js';

/** How a target of a plan stands to its parent plan's, in the order the page lists them. */
export const ALIGNMENT_RELATIONS = [
  'same',
  'stricter',
  'looser',
  'share',
  'different_scope',
  'local_only',
  'parent_only',
] as const;
export const AlignmentRelation = z.enum(ALIGNMENT_RELATIONS);
export type AlignmentRelation = z.infer<typeof AlignmentRelation>;

/** A target as an alignment answer shows it. */
export const TargetRef = z.object({
  index: z.int().min(0).meta({ description: 'position in its plan’s targets' }),
  text: z.string(),
  metric: z.string(),
  scope: z.enum(TARGET_SCOPES),
  comparator: Comparator,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  perUnit: z.string().nullable(),
  deadline: z.int().nullable(),
  indicator: z.string().nullable(),
  breakdown: z.array(z.string()).meta({ description: 'breakdown values its words name (target group, level …)' }),
});
export type TargetRef = z.infer<typeof TargetRef>;

/** A target of the plan and the parent plan's target it is set against, one of them missing when unpaired. */
export const AlignedPair = z.object({
  target: TargetRef.nullable(),
  parentTarget: TargetRef.nullable(),
  relation: AlignmentRelation,
  note: Localized,
  amount: z
    .number()
    .nullable()
    .meta({ description: 'this plan’s amount as compared (over the plan period for counts)' }),
  parentAmount: z.number().nullable(),
});
export type AlignedPair = z.infer<typeof AlignedPair>;

/** A target no rule can pair: no catalog indicator measures it, or the parent counts it in another unit. */
export const UnmatchedTarget = z.object({
  side: z.enum(['plan', 'parent']),
  target: TargetRef,
  reason: z.enum(['no_indicator', 'unit_differs']),
  note: Localized,
});
export type UnmatchedTarget = z.infer<typeof UnmatchedTarget>;

/** The sum of the commitments of the regions directly under the parent against one of its targets. */
export const RollUp = z.object({
  /** The parent target's position in its plan. */
  parentIndex: z.int(),
  verdict: z.enum(['covered', 'short', 'incomplete', 'not_summed']).meta({
    description:
      'covered: the children add up to the parent; short: all children committed and fall short; ' +
      'incomplete: short while some have no such target; not_summed: a rate, per-unit target or milestone',
  }),
  children: z.int().meta({ description: 'regions directly under the parent region' }),
  committing: z.array(z.object({ regionCode: z.string(), regionName: z.string(), amount: z.number() })),
  sum: z.number().nullable(),
  parentAmount: z.number().nullable(),
  note: Localized,
});
export type RollUp = z.infer<typeof RollUp>;

/** A pair with, for a parent target, the sum of the commitments of the regions directly under the parent. */
export const PairWithRollUp = AlignedPair.extend({ rollUp: RollUp.nullable() });
export type PairWithRollUp = z.infer<typeof PairWithRollUp>;

/** A plan as an alignment answer names it. */
export const PlanRef = z.object({
  id: z.string(),
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  period: z.object({ start: z.int(), end: z.int() }),
  draft: z.boolean(),
});
export type PlanRef = z.infer<typeof PlanRef>;

/** A plan set against its parent plan, as `GET /plans/{id}/alignment` answers and the page shows it. */
export const PlanAlignment = z.object({
  plan: PlanRef,
  parent: PlanRef,
  chosenBy: z.enum(['nearest', 'asked']).meta({
    description: 'nearest: the nearest ancestor region’s plan for the term; asked: the one named by `parent`',
  }),
  pairs: z.array(PairWithRollUp),
  unmatched: z.array(UnmatchedTarget),
  counts: z.record(AlignmentRelation, z.int()),
  summary: Localized,
});
export type PlanAlignment = z.infer<typeof PlanAlignment>;

/** The answer of `POST /plans/{id}/next-term?preview=true`. */
export const NextTermDraft = z.object({
  plan: Plan,
  /** The document written from the draft, which its spans point into. */
  text: z.string(),
  /** The draft set against the parent region's plan for the new term, when one is imported. */
  parent: PlanAlignment.nullable(),
});
export type NextTermDraft = z.infer<typeof NextTermDraft>;
