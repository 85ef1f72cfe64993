import * as z from 'zod';
import { INDICATOR_KINDS } from '../indicator.js';
import { Localized } from '../localized.js';

/** Whose plans a region is set among: every imported plan at its level, or those of its own province. */
export const BENCHMARK_WITHIN = ['all', 'province'] as const;
export type BenchmarkWithin = (typeof BENCHMARK_WITHIN)[number];

/**
 * What the commitments are compared as: `per_year` — a flow or a stock's additions, each target
 * taken per year of its plan (an annual target as it is, a target for the term divided by its
 * years); `level` — a rate, or the level a stock reaches.
 */
export const BENCHMARK_BASES = ['per_year', 'level'] as const;
export type BenchmarkBasis = (typeof BENCHMARK_BASES)[number];

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

/** Five numbers of a distribution (linear interpolation between order statistics), with its count. */
export const BenchmarkSpread = z.object({
  n: z.int(),
  min: z.number(),
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
  max: z.number(),
});
export type BenchmarkSpread = z.infer<typeof BenchmarkSpread>;

/** One plan among its peers: its commitment for the indicator and what it achieved, on the basis. */
export const BenchmarkEntry = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  committed: z.number(),
  /** Null when none of its targets of the indicator has an approved actual. */
  achieved: z.number().nullable(),
  /** How many of the plan's targets of the indicator were added up. */
  targets: z.int(),
});
export type BenchmarkEntry = z.infer<typeof BenchmarkEntry>;

/** Where the plans of regions at one level stand on an indicator, and where the region asked about stands. */
export const BenchmarkFigures = z.object({
  basis: z.enum(BENCHMARK_BASES).meta({
    description: 'per_year: flows and a stock’s additions a year; level: a rate or the count a stock reaches',
  }),
  unit: z.string().nullable(),
  entries: z.array(BenchmarkEntry).meta({ description: 'one per plan, lowest commitment first' }),
  committed: BenchmarkSpread.nullable(),
  achieved: BenchmarkSpread.nullable(),
  focus: BenchmarkEntry.nullable().meta({ description: 'the region asked about, when its plan has such a target' }),
  committedBelow: z.int().nullable().meta({ description: 'plans committing less than the region asked about' }),
  /** Targets of the indicator left out: set on the other basis (a level among additions), or in another unit. */
  leftOut: z.int(),
});
export type BenchmarkFigures = z.infer<typeof BenchmarkFigures>;

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
  ...BenchmarkFigures.shape,
  note: Localized,
});
export type CommitmentBenchmark = z.infer<typeof CommitmentBenchmark>;
