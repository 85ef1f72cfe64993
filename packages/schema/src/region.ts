import * as z from 'zod';

export const REGION_LEVELS = ['province', 'prefecture', 'county', 'district', 'township'] as const;
export const RegionLevel = z.enum(REGION_LEVELS).meta({ label: '行政级别', labelEn: 'Level' });
export type RegionLevel = z.infer<typeof RegionLevel>;

/** GB/T 2260 six-digit administrative division code (township codes are nine digits). */
export const RegionCode = z
  .string()
  .regex(/^\d{6}(\d{3})?$/, { error: 'GB/T 2260 code of 6 or 9 digits' })
  .meta({ label: '行政区划代码', labelEn: 'Division code' });
export type RegionCode = z.infer<typeof RegionCode>;

export const Region = z.object({
  code: RegionCode,
  name: z.string().min(2).max(40).meta({ label: '名称', labelEn: 'Name' }),
  short: z.string().min(1).max(20).meta({ label: '简称', labelEn: 'Short name' }),
  level: RegionLevel,
  parent: RegionCode.nullable().meta({ label: '上级区划', labelEn: 'Parent' }),
});
export type Region = z.infer<typeof Region>;

/** The code of the province a region belongs to: its first two digits followed by zeros. */
export function provinceCodeOf(code: RegionCode): RegionCode {
  return `${code.slice(0, 2)}0000`;
}

/**
 * The code prefix shared by a region and everything under it: 51 for 510000, 5101 for
 * 510100, the whole code for a county.
 * @example regionPrefix('510100') // '5101'
 */
export function regionPrefix(code: RegionCode): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Deeper than any registry goes (province, prefecture, county, township): a broken parent link cannot loop. */
const MAX_DEPTH = 8;

/**
 * The regions above a region, nearest first: its parent, the parent's parent … up to its province.
 * @example regionsAbove(byCode, 锦江区).map((r) => r.name) // ['成都市', '四川省']
 */
export function regionsAbove(regions: ReadonlyMap<string, Region>, region: Region): Region[] {
  const above: Region[] = [];
  for (
    let at = region.parent ? regions.get(region.parent) : undefined;
    at && above.length < MAX_DEPTH;
    at = at.parent ? regions.get(at.parent) : undefined
  )
    above.push(at);
  return above;
}

/** Whether `code` is `scope` or lies under it. */
export function inRegionTree(scope: RegionCode, code: RegionCode): boolean {
  return code.startsWith(regionPrefix(scope));
}
