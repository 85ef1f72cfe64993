import { provinceCodeOf, type Region } from '@kesu/schema';

export const SCALES = ['national', 'province', 'tiny', 'demo'] as const;
export type Scale = (typeof SCALES)[number];

/** The province of the `province` scale: 四川, home of the 锦江区 seed plan, 205 regions. */
export const PROVINCE_SCALE = '51';

/** The `tiny` scale: a province, one of its cities and two of that city's counties. */
const TINY = ['510000', '510100', '510104', '510121'];

/**
 * The `demo` scale: the seed plans' regions, the provinces they lie in and every region directly
 * under those provinces, so a province's dashboard compares all its prefectures and its
 * drill-down reaches the seed region (四川省 → 成都市 → 锦江区).
 */
function demoRegions(regions: readonly Region[], seedRegions: readonly string[]): Region[] {
  const provinces = new Set(seedRegions.map(provinceCodeOf));
  return regions.filter(
    (r) => seedRegions.includes(r.code) || provinces.has(r.code) || (r.parent !== null && provinces.has(r.parent)),
  );
}

function chosenAt(scale: Scale, regions: readonly Region[], seedRegions: readonly string[]): Region[] {
  switch (scale) {
    case 'national':
      return [...regions];
    case 'province':
      return regions.filter((r) => r.code.startsWith(PROVINCE_SCALE));
    case 'tiny':
      return regions.filter((r) => TINY.includes(r.code));
    case 'demo':
      return demoRegions(regions, seedRegions);
  }
}

/**
 * The regions a scale covers, one group per province in code order: each group is written in
 * one transaction, which bounds what is held in memory. `seedRegions` are the seed plans'
 * regions, which the `demo` scale is built around.
 */
export function regionsAt(scale: Scale, regions: readonly Region[], seedRegions: readonly string[] = []): Region[][] {
  const chosen = chosenAt(scale, regions, seedRegions);
  const groups = new Map<string, Region[]>();
  for (const region of [...chosen].sort((a, b) => a.code.localeCompare(b.code))) {
    const province = region.code.slice(0, 2);
    const group = groups.get(province) ?? [];
    group.push(region);
    groups.set(province, group);
  }
  return [...groups.values()];
}
