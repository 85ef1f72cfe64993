import { REGION_LEVELS, regionsAbove, type Region } from '@kesu/schema';

/** A region found by a search, with the names above it (two 鼓楼区 are told apart by their city). */
export interface RegionMatch extends Region {
  path: string[];
}

/** How closely a region matches: an exact name first, then a name that starts with the text, then one containing it. */
function rank(r: Region, q: string): number {
  if (r.name === q || r.short === q || r.code === q) return 0;
  if (r.name.startsWith(q) || r.short.startsWith(q) || r.code.startsWith(q)) return 1;
  return 2;
}

function pathOf(r: Region, regions: Map<string, Region>): string[] {
  return regionsAbove(regions, r)
    .map((at) => at.name)
    .reverse();
}

/**
 * Regions of every level whose name or short name contains the text, or whose code starts with it:
 * the closest first, then higher levels, then by code.
 * @example searchRegions(regions, '锦江', 30) // [{ code: '510104', name: '锦江区', path: ['四川省', '成都市'], … }]
 */
export function searchRegions(regions: Map<string, Region>, text: string, limit: number): RegionMatch[] {
  const q = text.trim();
  const digits = /^\d+$/.test(q);
  const found = [...regions.values()].filter((r) =>
    digits ? r.code.startsWith(q) : r.name.includes(q) || r.short.includes(q),
  );
  const level = (r: Region) => REGION_LEVELS.indexOf(r.level);
  found.sort((a, b) => rank(a, q) - rank(b, q) || level(a) - level(b) || a.code.localeCompare(b.code));
  return found.slice(0, limit).map((r) => ({ ...r, path: pathOf(r, regions) }));
}
