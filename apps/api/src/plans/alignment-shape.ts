import * as z from 'zod';
import { ALIGNMENT_RELATIONS } from '@kesu/analytics';
import { Comparator, Localized, Plan, TARGET_SCOPES } from '@kesu/schema';

const TargetRef = z.object({
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

const RollUp = z.object({
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

export const PlanRefShape = z.object({
  id: z.string(),
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  period: z.object({ start: z.int(), end: z.int() }),
  draft: z.boolean(),
});

/** The answer of `GET /plans/{id}/alignment`. */
export const PlanAlignmentShape = z.object({
  plan: PlanRefShape,
  parent: PlanRefShape,
  chosenBy: z.enum(['nearest', 'asked']).meta({
    description: 'nearest: the nearest ancestor region’s plan for the term; asked: the one named by `parent`',
  }),
  pairs: z.array(
    z.object({
      target: TargetRef.nullable(),
      parentTarget: TargetRef.nullable(),
      relation: z.enum(ALIGNMENT_RELATIONS),
      note: Localized,
      amount: z
        .number()
        .nullable()
        .meta({ description: 'this plan’s amount as compared (over the plan period for counts)' }),
      parentAmount: z.number().nullable(),
      rollUp: RollUp.nullable(),
    }),
  ),
  unmatched: z.array(
    z.object({
      side: z.enum(['plan', 'parent']),
      target: TargetRef,
      reason: z.enum(['no_indicator', 'unit_differs']),
      note: Localized,
    }),
  ),
  counts: z.record(z.enum(ALIGNMENT_RELATIONS), z.int()),
  summary: Localized,
});

/** The answer of `POST /plans/{id}/next-term?preview=true`: the draft, its text, its alignment with the parent. */
export const NextTermDraftShape = z.object({ plan: Plan, text: z.string(), parent: PlanAlignmentShape.nullable() });
