import * as z from 'zod';
import { COMBINES } from './target.js';

/** A far-off value as JSON carries it: a ratio over a zero median is null (JSON has no Infinity). */
const OutlierShape = z.object({
  direction: z.enum(['high', 'low']),
  ratio: z.number().nullable(),
  median: z.number(),
  basis: z.int(),
});

/** The units behind a target's actual for one year: each unit's value as the verdict counted it. */
export const TargetContributions = z.object({
  targetId: z.string(),
  regionCode: z.string(),
  year: z.int(),
  asOf: z.string().nullable(),
  unit: z.string().nullable(),
  /**
   * field: the target's own form field, every unit's value; indicator: the
   * indicator's values in the region's tree; none: nothing approved.
   */
  source: z.enum(['field', 'indicator', 'none']),
  combine: z.enum(COMBINES),
  actual: z.number().nullable(),
  rows: z.array(
    z.object({
      unit: z.string(),
      regionCode: z.string().nullable(),
      period: z.string(),
      value: z.number(),
      carried: z.boolean(),
      outlier: OutlierShape.nullable(),
    }),
  ),
});
export type TargetContributions = z.infer<typeof TargetContributions>;
