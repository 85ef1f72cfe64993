import { provinceCodeOf, type Region, type RegionLevel } from '@kesu/schema';
import { hash32, Random } from './random.js';

/** What sets one region apart in the synthetic data, drawn once from its own stream. */
export interface RegionProfile {
  region: Region;
  province: Region;
  parent: Region | null;
  /** Multiplies an average county's flows and stocks: the level's weight times the region's size. */
  scale: number;
  /** Weak reporters leave reports missing, in draft or returned about three times as often. */
  weak: boolean;
  literacy: Literacy;
}

/** The share of scientifically literate citizens: where it stood in 2020 and how it moves. */
export interface Literacy {
  baseline: number;
  /** Points gained per year, 0.5–1.0. */
  rise: number;
  /** The plan's target for 2025: sometimes more than the rise reaches, so some regions fall behind. */
  target: number;
  stretch: number | null;
}

/** How much more a city or province bureau does than a county's, before its size. */
export const LEVEL_WEIGHT: Record<RegionLevel, number> = {
  province: 6,
  prefecture: 2.5,
  county: 1,
  district: 1.2,
  township: 0.2,
};

// The 2020 survey put the east well ahead of the west; the plans' baselines follow it.
const EAST = new Set(['11', '12', '31', '32', '33', '35', '37', '44']);
const WEST = new Set(['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']);

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Regions by code and how many each one holds, to size cities and provinces. */
export interface RegionIndex {
  byCode: Map<string, Region>;
  children: Map<string, number>;
  descendants: Map<string, number>;
}

export function indexRegions(regions: Region[]): RegionIndex {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const children = new Map<string, number>();
  const descendants = new Map<string, number>();
  for (const r of regions) {
    if (r.parent) children.set(r.parent, (children.get(r.parent) ?? 0) + 1);
    for (let up = r.parent ? byCode.get(r.parent) : undefined; up; up = up.parent ? byCode.get(up.parent) : undefined) {
      descendants.set(up.code, (descendants.get(up.code) ?? 0) + 1);
    }
  }
  return { byCode, children, descendants };
}

/** A province or city is as big as what it holds; a county draws its size. */
function sizeOf(region: Region, index: RegionIndex, random: Random): number {
  if (region.level === 'province') return Math.sqrt((index.descendants.get(region.code) ?? 1) / 110);
  if (region.level === 'prefecture') return Math.sqrt((index.children.get(region.code) ?? 1) / 9);
  return Math.min(2.5, Math.max(0.4, random.spread(0.35)));
}

function literacyOf(region: Region, random: Random): Literacy {
  const province = region.code.slice(0, 2);
  const tilt = EAST.has(province) ? 13.5 : WEST.has(province) ? 10.5 : 12;
  const baseline = round1(Math.min(16, Math.max(8, tilt + 0.8 * random.normal())));
  const rise = Math.round(random.between(0.5, 1.0) * 100) / 100;
  const target = round1(baseline + 5 * random.between(0.6, 1.05));
  const stretch = random.chance(0.2) ? target + random.int(1, 2) : null;
  return { baseline, rise, target, stretch };
}

export function profileOf(region: Region, index: RegionIndex, seed: number): RegionProfile {
  const random = new Random(hash32(seed, 'region', region.code));
  const province = index.byCode.get(provinceCodeOf(region.code)) ?? region;
  const parent = region.parent ? (index.byCode.get(region.parent) ?? null) : null;
  const scale = LEVEL_WEIGHT[region.level] * sizeOf(region, index, random);
  return { region, province, parent, scale, weak: random.chance(0.1), literacy: literacyOf(region, random) };
}

/**
 * The profile of a region whose plan is its own (an imported seed plan): its literacy rate rises
 * towards that plan's target and ends a little either side of it, as a synthetic region's does.
 */
export function withPlanLiteracy(
  profile: RegionProfile,
  target: { value: number; stretch: number | null } | null,
  seed: number,
): RegionProfile {
  if (target === null) return profile;
  const random = new Random(hash32(seed, 'plan-literacy', profile.region.code));
  const reached = target.value * random.between(0.95, 1.03);
  const baseline = round1(reached - 5 * profile.literacy.rise);
  return { ...profile, literacy: { ...profile.literacy, baseline, target: target.value, stretch: target.stretch } };
}
