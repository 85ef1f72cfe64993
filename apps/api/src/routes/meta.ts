import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { Indicator, Region, RegionCode } from '@kesu/schema';
import type { AppContext } from '../context.js';
import { jsonContent, router } from '../http/openapi.js';

const RegionQuery = z.object({ parent: RegionCode.optional() });

/** Reference data every screen needs: regions (a level at a time) and the indicator catalog. */
export function metaRoutes(ctx: AppContext) {
  const regions = [...ctx.regions.values()];
  return router()
    .openapi(
      createRoute({ method: 'get', path: '/regions', tags: ['reference'], summary: '行政区划 / regions under a parent', request: { query: RegionQuery }, responses: { 200: jsonContent(z.array(Region), 'regions') } }),
      (c) => {
        const { parent } = c.req.valid('query');
        return c.json(regions.filter((r) => r.parent === (parent ?? null)), 200);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/indicators', tags: ['reference'], summary: '指标目录 / indicator catalog', responses: { 200: jsonContent(z.array(Indicator), 'indicators') } }),
      (c) => c.json(ctx.registry.indicators.indicators, 200),
    );
}
