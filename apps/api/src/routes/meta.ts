import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import {
  ApprovalSettings,
  DepartmentFunctionName,
  Disaggregation,
  Indicator,
  Region,
  RegionCodeParam,
  RegionMatch,
  RegionSearchQuery,
  RegionsQuery,
  RegionUnit,
} from '@kesu/schema';
import { loadDepartmentRegistry } from '@kesu/seeds';
import { listRegionUnits } from '@kesu/store';
import { requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { notFound } from '../http/failure.js';
import { jsonContent, router } from '../http/openapi.js';
import { searchRegions } from '../regions/region-search.js';

const regionsRoute = createRoute({
  method: 'get',
  path: '/regions',
  tags: ['reference'],
  summary: '行政区划 / regions under a parent, or the regions with the given codes',
  request: { query: RegionsQuery },
  responses: { 200: jsonContent(z.array(Region), 'regions') },
});

const searchRegionsRoute = createRoute({
  method: 'get',
  path: '/regions/search',
  tags: ['reference'],
  summary: '按名称或代码查找地区（含区县）/ find regions, counties included, by name or code',
  request: { query: RegionSearchQuery },
  responses: { 200: jsonContent(z.array(RegionMatch), 'regions, the closest matches first') },
});

const regionUnitsRoute = createRoute({
  method: 'get',
  path: '/regions/{code}/units',
  tags: ['reference'],
  summary: '地区的已知单位 / the units known in a region (its plans, assignments and accounts)',
  middleware: [requireRole('office')] as const,
  request: { params: RegionCodeParam },
  responses: { 200: jsonContent(z.array(RegionUnit), 'units by name') },
});

const indicatorsRoute = createRoute({
  method: 'get',
  path: '/indicators',
  tags: ['reference'],
  summary: '指标目录 / indicator catalog',
  responses: { 200: jsonContent(z.array(Indicator), 'indicators') },
});

const disaggregationsRoute = createRoute({
  method: 'get',
  path: '/disaggregations',
  tags: ['reference'],
  summary: '指标分组维度及取值 / the breakdowns indicators declare, with their values',
  responses: { 200: jsonContent(z.record(z.string(), Disaggregation), 'breakdowns by name') },
});

const approvalLevelsRoute = createRoute({
  method: 'get',
  path: '/approval-levels',
  tags: ['reference'],
  summary: '审核层级及统计口径 / the approval levels, and the level data counts from',
  responses: { 200: jsonContent(ApprovalSettings, 'settings') },
});

const departmentFunctionsRoute = createRoute({
  method: 'get',
  path: '/department-functions',
  tags: ['reference'],
  summary: '部门职能 / canonical department functions',
  responses: { 200: jsonContent(z.array(DepartmentFunctionName), 'functions') },
});

/**
 * Reference data every screen needs: regions (a level at a time, or by code), the indicator
 * catalog, department functions.
 */
export function metaRoutes(ctx: AppContext) {
  const regions = [...ctx.regions.values()];
  const functions = loadDepartmentRegistry().functions.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }));
  return router()
    .openapi(regionsRoute, (c) => {
      const { parent, codes } = c.req.valid('query');
      if (codes !== undefined)
        return c.json(
          [...new Set(codes.split(','))].flatMap((code) => ctx.regions.get(code) ?? []),
          200,
        );
      return c.json(
        regions.filter((r) => r.parent === (parent ?? null)),
        200,
      );
    })
    .openapi(searchRegionsRoute, (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json(searchRegions(ctx.regions, q, limit), 200);
    })
    .openapi(regionUnitsRoute, async (c) => {
      const { code } = c.req.valid('param');
      if (!ctx.regions.has(code)) throw notFound(`行政区划「${code}」`, `region ${code}`);
      const units = await ctx.store.reads.read((conn) => listRegionUnits(conn, code));
      // Units known only from assignments or accounts get their function the way the importer reads it.
      return c.json(
        units.map((u) => ({ ...u, function: u.function ?? ctx.registry.departments.functionOf(u.name) })),
        200,
      );
    })
    .openapi(indicatorsRoute, (c) => c.json(ctx.registry.indicators.indicators, 200))
    .openapi(disaggregationsRoute, (c) => c.json(ctx.registry.indicators.disaggregations, 200))
    .openapi(approvalLevelsRoute, (c) =>
      c.json({ levels: [...ctx.approvalLevels], countApprovedFrom: ctx.analytics.countApprovedFrom }, 200),
    )
    .openapi(departmentFunctionsRoute, (c) => c.json(functions, 200));
}
