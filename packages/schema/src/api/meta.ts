import * as z from 'zod';
import { Region, RegionCode } from '../region.js';

export const RegionsQuery = z.object({
  parent: RegionCode.optional(),
  /** Comma-separated codes to look up by name (a page showing assignments of many regions). */
  codes: z
    .string()
    .max(2000)
    .regex(/^\d{6}(\d{3})?(,\d{6}(\d{3})?)*$/, { error: 'comma-separated GB/T 2260 codes' })
    .optional(),
});
export type RegionsQuery = z.infer<typeof RegionsQuery>;

export const RegionSearchQuery = z.object({
  q: z.string().trim().min(1).max(40).meta({ description: 'part of a name, or the start of a code' }),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type RegionSearchQuery = z.infer<typeof RegionSearchQuery>;

/** A region found by a search, with the names above it, province first. */
export const RegionMatch = Region.extend({
  path: z.array(z.string()).meta({ description: 'names of the regions above, province first' }),
});
export type RegionMatch = z.infer<typeof RegionMatch>;

export const RegionCodeParam = z.object({ code: RegionCode });
export type RegionCodeParam = z.infer<typeof RegionCodeParam>;

/** A unit known in a region, and where it is known from. */
export const RegionUnit = z.object({
  name: z.string(),
  function: z.string().nullable(),
  sources: z.array(z.enum(['plan', 'assignment', 'user'])),
});
export type RegionUnit = z.infer<typeof RegionUnit>;

/** A canonical department function (教育, 科协 …) as the registry names it. */
export const DepartmentFunctionName = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type DepartmentFunctionName = z.infer<typeof DepartmentFunctionName>;
