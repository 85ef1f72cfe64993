import type { PlanRegion, Region } from '@kesu/schema';

export interface RegionIndex {
  byCode: Map<string, Region>;
  /** Names and short names (two characters or more) to the regions that carry them. */
  byName: Map<string, Region[]>;
  /** Names by their first character, longest first, for scanning a text. */
  byFirst: Map<string, string[]>;
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
  const byFirst = new Map<string, string[]>();
  for (const name of byName.keys()) byFirst.set(name[0] as string, [...(byFirst.get(name[0] as string) ?? []), name]);
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { byCode: new Map(regions.map((r) => [r.code, r])), byName, byFirst };
}

/**
 * Counts each name where it is the longest name starting there, so 楚雄州 is not also
 * counted as 楚雄 (a different region's short name).
 */
function countLongest(text: string, byFirst: Map<string, string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const hit = byFirst.get(text[i] as string)?.find((n) => text.startsWith(n, i));
    if (!hit) continue;
    counts.set(hit, (counts.get(hit) ?? 0) + 1);
    i += hit.length - 1;
  }
  return counts;
}

/**
 * A short name made by dropping 县/区/市 is often an ordinary word (资源, 友谊): it counts only
 * in the title. Full names and short names such as 克州 or 楚雄州 count everywhere.
 */
function isStrong(name: string, r: Region): boolean {
  return name === r.name || /[州盟]$/.test(name);
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
  const inTitle = countLongest(title, index.byFirst);
  const inText = countLongest(text, index.byFirst);
  for (const name of new Set([...inTitle.keys(), ...inText.keys()])) {
    if (WEAK.has(name)) continue;
    const regions = index.byName.get(name) ?? [];
    // The name right before what the plan is about is the issuer (成都市锦江区全民… → 锦江区, 厦门市同安区“十四五”… → 同安区).
    const titled = inTitle.has(name)
      ? new RegExp(`${name}[“"]?(全民|全面|提升|科学素质|科学文化素质|科普|十四五|关于)`).test(title)
        ? 1.5
        : 1
      : 0;
    const mentions = inText.get(name) ?? 0;
    if (titled === 0 && mentions === 0) continue;
    for (const r of regions) {
      const base = titled * 100 + (isStrong(name, r) ? Math.min(mentions, 20) * (name === r.name ? 2 : 1) : 0);
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
    if (
      score > bestScore ||
      (score === bestScore && best && r.code.slice(2) !== '0000' && best.code.slice(2) === '0000')
    ) {
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
