import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { benchmarkNote, benchmarkOf, commitmentBenchmarkQuery, type BenchmarkRow } from '@kesu/analytics/charts';
import { Localized } from '@kesu/schema';
import { canSeeRegion, requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { Failure, forbidden } from '../http/failure.js';
import { jsonContent, refusals, router } from '../http/openapi.js';

const Query = z.object({
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
    .enum(['all', 'province'])
    .default('all')
    .meta({ description: 'all: every imported plan at that level; province: those of its own province' }),
});

const Spread = z.object({
  n: z.int(),
  min: z.number(),
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
  max: z.number(),
});
const Entry = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  committed: z.number(),
  achieved: z.number().nullable(),
  targets: z.int(),
});

const CommitmentBenchmark = z.object({
  indicator: z.object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    kind: z.enum(['flow', 'stock', 'rate']),
  }),
  region: z.object({ code: z.string(), name: z.string() }),
  within: z.enum(['all', 'province']),
  basis: z.enum(['per_year', 'level']).meta({
    description: 'per_year: flows and a stock’s additions a year; level: a rate or the count a stock reaches',
  }),
  unit: z.string().nullable(),
  entries: z.array(Entry).meta({ description: 'one per plan, lowest commitment first' }),
  committed: Spread.nullable(),
  achieved: Spread.nullable(),
  focus: Entry.nullable().meta({ description: 'the region asked about, when its plan has such a target' }),
  committedBelow: z.int().nullable().meta({ description: 'plans committing less than the region asked about' }),
  leftOut: z.int(),
  note: Localized,
});

/** What plans of regions at one level commit for an indicator, what they reach, and where a region stands. */
export function benchmarkRoutes(ctx: AppContext) {
  const indicators = new Map(ctx.registry.indicators.indicators.map((i) => [i.code, i]));
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/commitments',
      tags: ['analytics'],
      summary:
        '同级方案承诺对标 / ' +
        'what plans of regions at the same level commit for an indicator and reach, and where a region stands',
      middleware: [requireRole('watch')] as const,
      request: { query: Query },
      responses: {
        200: jsonContent(CommitmentBenchmark, 'the spread of commitments and achievements, one entry per plan'),
        ...refusals(404),
      },
    }),
    async (c) => {
      const { indicator: code, region: regionCode, within } = c.req.valid('query');
      const indicator = indicators.get(code);
      if (!indicator) {
        throw new Failure(
          400,
          'unknown_indicator',
          `指标目录中没有「${code}」`,
          `the indicator catalog has no "${code}"`,
          [
            {
              path: 'indicator',
              code: 'unknown_indicator',
              message: '请选择目录中的指标',
              messageEn: 'choose an indicator of the catalog',
            },
          ],
        );
      }
      const region = ctx.regions.get(regionCode);
      if (!region)
        throw new Failure(404, 'not_found', `行政区划代码不存在：${regionCode}`, `no region with code ${regionCode}`, [
          { path: 'region', code: 'unknown_region', message: '行政区划代码不存在', messageEn: 'no such region code' },
        ]);
      if (!canSeeRegion(c.get('user'), regionCode)) throw forbidden();
      const { sql, params } = commitmentBenchmarkQuery({ indicator: code, regionCode, within });
      const rows = (await ctx.analytics.query(sql, params as never)) as unknown as BenchmarkRow[];
      const benchmark = benchmarkOf(rows, indicator, regionCode);
      return c.json(
        {
          indicator: {
            code,
            nameZh: indicator.nameZh,
            nameEn: indicator.nameEn,
            unit: indicator.unit,
            kind: indicator.kind,
          },
          region: { code: regionCode, name: region.name },
          within,
          ...benchmark,
          note: benchmarkNote(benchmark),
        },
        200,
      );
    },
  );
}
