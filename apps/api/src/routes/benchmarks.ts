import { createRoute } from '@hono/zod-openapi';
import { benchmarkNote, benchmarkOf, commitmentBenchmarkQuery, type BenchmarkRow } from '@kesu/analytics/charts';
import { CommitmentBenchmark, CommitmentBenchmarkQuery } from '@kesu/schema';
import { canSeeRegion, requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { Failure, forbidden } from '../http/failure.js';
import { jsonContent, refusals, router } from '../http/openapi.js';

const commitmentBenchmarkRoute = createRoute({
  method: 'get',
  path: '/commitments',
  tags: ['analytics'],
  summary:
    '同级方案承诺对标 / ' +
    'what plans of regions at the same level commit for an indicator and reach, and where a region stands',
  middleware: [requireRole('watch')] as const,
  request: { query: CommitmentBenchmarkQuery },
  responses: {
    200: jsonContent(CommitmentBenchmark, 'the spread of commitments and achievements, one entry per plan'),
    ...refusals(404),
  },
});

/** What plans of regions at one level commit for an indicator, what they reach, and where a region stands. */
export function benchmarkRoutes(ctx: AppContext) {
  const indicators = new Map(ctx.registry.indicators.indicators.map((i) => [i.code, i]));
  return router().openapi(commitmentBenchmarkRoute, async (c) => {
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
  });
}
