import type { Region } from '@kesu/schema';

export const SCALES = ['national', 'province', 'tiny'] as const;
export type Scale = (typeof SCALES)[number];

/** The province of the `province` scale: 四川, home of the 锦江区 seed plan, 205 regions. */
export const PROVINCE_SCALE = '51';

/** The `tiny` scale: a province, one of its cities and two of that city's counties. */
const TINY = ['510000', '510100', '510104', '510121'];

/**
 * The regions a scale covers, one group per province in code order: each group is written in
 * one transaction, which bounds what is held in memory.
 */
export function regionsAt(scale: Scale, regions: readonly Region[]): Region[][] {
  const chosen = scale === 'tiny' ? regions.filter((r) => TINY.includes(r.code)) : regions.filter((r) => scale === 'national' || r.code.startsWith(PROVINCE_SCALE));
  const groups = new Map<string, Region[]>();
  for (const region of [...chosen].sort((a, b) => a.code.localeCompare(b.code))) {
    const province = region.code.slice(0, 2);
    const group = groups.get(province) ?? [];
    group.push(region);
    groups.set(province, group);
  }
  return [...groups.values()];
}
