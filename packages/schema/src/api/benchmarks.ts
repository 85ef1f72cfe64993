import * as z from 'zod';
import { INDICATOR_KINDS } from '../indicator.js';
import { Localized } from '../localized.js';

export const BENCHMARK_WITHIN = ['all', 'province'] as const;

export const CommitmentBenchmarkQuery = z.object({
  indicator: z
    .string()
    .min(1)
    .max(64)
    .default('training_person_times')
    .meta({ description: 'a catalog indicator code' }),
  region: z
    .string()
    .regex(/^\d{6}$/)
    .meta({ description: 'the region placed among the others: plans of regions at its level are compared' }),
  within: z
    .enum(BENCHMARK_WITHIN)
    .default('all')
    .meta({ description: 'all: every imported plan at that level; province: those of its own province' }),
});
export type CommitmentBenchmarkQuery = z.infer<typeof CommitmentBenchmarkQuery>;

/** Five numbers of a distribution, with its count. */
export const BenchmarkSpread = z.object({
  n: z.int(),
  min: z.number(),
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
  max: z.number(),
});
export type BenchmarkSpread = z.infer<typeof BenchmarkSpread>;

/** One plan among its peers: its commitment for the indicator and what it achieved. */
export const BenchmarkPlan = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  committed: z.number(),
  achieved: z.number().nullable(),
  targets: z.int(),
});
export type BenchmarkPlan = z.infer<typeof BenchmarkPlan>;

/** What plans of regions at one level commit for an indicator and reach, and where a region stands. */
export const CommitmentBenchmark = z.object({
  indicator: z.object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    kind: z.enum(INDICATOR_KINDS),
  }),
  region: z.object({ code: z.string(), name: z.string() }),
  within: z.enum(BENCHMARK_WITHIN),
  basis: z.enum(['per_year', 'level']).meta({
    description: 'per_year: flows and a stock’s additions a year; level: a rate or the count a stock reaches',
  }),
  unit: z.string().nullable(),
  entries: z.array(BenchmarkPlan).meta({ description: 'one per plan, lowest commitment first' }),
  committed: BenchmarkSpread.nullable(),
  achieved: BenchmarkSpread.nullable(),
  focus: BenchmarkPlan.nullable().meta({ description: 'the region asked about, when its plan has such a target' }),
  committedBelow: z.int().nullable().meta({ description: 'plans committing less than the region asked about' }),
  leftOut: z.int(),
  note: Localized,
});
export type CommitmentBenchmark = z.infer<typeof CommitmentBenchmark>;
