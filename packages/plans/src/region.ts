import type { PlanRegion, Region } from '@kesu/schema';

export interface RegionIndex {
  byCode: Map<string, Region>;
  /** Names and short names (two characters or more) to the regions that carry them. */
  byName: Map<string, Region[]>;
}

export function indexRegions(regions: Region[]): RegionIndex {
  const byName = new Map<string, Region[]>();
  const add = (name: string, r: Region) => {
    if (name.length < 2) return;
    const list = byName.get(name) ?? [];
    if (!list.includes(r)) list.push(r);
    byName.set(name, list);
  };
  for (const r of regions) {
    add(r.name, r);
    add(r.short, r);
  }
  return { byCode: new Map(regions.map((r) => [r.code, r])), byName };
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Generic words that are also region short names and say nothing on their own. */
const WEAK = new Set(['城区', '新区', '高新', '开发', '市中', '郊区', '矿区', '东区', '西区', '南区', '北区', '中区']);

/**
 * Which region issued the plan: names in the title count most, then mentions across the
 * text; a candidate whose parent or province is also mentioned gains, so 东胜区 with
 * 鄂尔多斯 beats a namesake elsewhere.
 */
export function detectRegion(index: RegionIndex, title: string, text: string): Region | null {
  const scores = new Map<Region, number>();
  for (const [name, regions] of index.byName) {
    if (WEAK.has(name)) continue;
    const inTitle = title.includes(name) ? 1 : 0;
    const mentions = count(text, name);
    if (inTitle === 0 && mentions === 0) continue;
    for (const r of regions) {
      const base = inTitle * 100 + Math.min(mentions, 20) * (name === r.name ? 2 : 1);
      scores.set(r, (scores.get(r) ?? 0) + base);
    }
  }
  for (const [r, score] of scores) {
    const parent = r.parent ? index.byCode.get(r.parent) : undefined;
    const kin = [parent?.name, parent?.short].filter((n): n is string => !!n && n.length >= 2);
    if (kin.some((n) => text.includes(n))) scores.set(r, score + 10);
  }
  let best: Region | null = null;
  let bestScore = 0;
  for (const [r, score] of scores) {
    // On a tie the more local region wins: a county plan names its province too.
    if (score > bestScore || (score === bestScore && best && r.code.slice(2) !== '0000' && best.code.slice(2) === '0000')) {
      best = r;
      bestScore = score;
    }
  }
  return bestScore >= 3 ? best : null;
}

/** The plan's region block: names, level, province, parent (null when it is the province). */
export function planRegion(index: RegionIndex, region: Region): PlanRegion {
  const province = index.byCode.get(`${region.code.slice(0, 2)}0000`) ?? region;
  const parent = region.parent ? index.byCode.get(region.parent) : undefined;
  return {
    name: region.name,
    short: region.short,
    level: region.level,
    province: province.name,
    parent: parent && parent.level !== 'province' ? parent.name : null,
    code: region.code,
  };
}
