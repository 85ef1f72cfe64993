import { regionsAbove, type AssignmentPair, type ErrorDetail, type Region } from '@kesu/schema';
import { Failure } from '../http/failure.js';

/** A pair as asked for, with where in the request each half came from (for the error to name). */
interface AskedPair extends AssignmentPair {
  regionPath: string;
  departmentPath: string;
  /** The pair as a person would name it in an error: 第 3 对 / pair 3. */
  zh: string;
  en: string;
}

/** The pairs of a request: given as pairs, or the older regions × departments, which means every combination. */
export function askedPairs(input: {
  pairs?: AssignmentPair[] | undefined;
  regionCodes?: string[] | undefined;
  departments?: string[] | undefined;
}): AskedPair[] {
  if (input.pairs)
    return input.pairs.map((p, i) => ({
      ...p,
      regionPath: `pairs[${i}].regionCode`,
      departmentPath: `pairs[${i}].department`,
      zh: `第 ${i + 1} 对`,
      en: `pair ${i + 1}`,
    }));
  const regions = input.regionCodes ?? [];
  return regions.flatMap((regionCode, r) =>
    (input.departments ?? []).map((department, d) => ({
      regionCode,
      department,
      regionPath: `regionCodes[${r}]`,
      departmentPath: `departments[${d}]`,
      zh: `地区「${regionCode}」与单位「${department}」`,
      en: `region ${regionCode} with unit ${department}`,
    })),
  );
}

interface NameIndex {
  names: Map<string, Region>;
  longest: number;
}
const indexes = new WeakMap<Map<string, Region>, NameIndex>();

/** Names of regions that could open a unit's name; two-character names (东区, 城区) are too likely to be words. */
function nameIndex(regions: Map<string, Region>): NameIndex {
  const known = indexes.get(regions);
  if (known) return known;
  const names = new Map<string, Region>();
  for (const r of regions.values()) if (r.name.length >= 3 && !names.has(r.name)) names.set(r.name, r);
  const index = { names, longest: Math.max(0, ...[...names.keys()].map((n) => n.length)) };
  indexes.set(regions, index);
  return index;
}

/**
 * The region a unit's name says it belongs to, when that is not the pair's own: 安徽省科协 paired
 * with 合肥市 names 安徽省. A name may spell out the way down (四川省成都市锦江区教育局 in 锦江区);
 * a name without a region (区教育局, 各街道) belongs wherever it is assigned.
 */
export function foreignRegion(department: string, own: Region, regions: Map<string, Region>): Region | null {
  const index = nameIndex(regions);
  const chain = [own, ...regionsAbove(regions, own)];
  let rest = department;
  let above: Region | null = null;
  for (;;) {
    const named = chain.filter((r) => rest.startsWith(r.name)).sort((a, b) => b.name.length - a.name.length)[0];
    if (named === own) return null;
    if (!named) break;
    above = named;
    rest = rest.slice(named.name.length);
  }
  if (above) return above;
  for (let length = Math.min(index.longest, rest.length - 1); length >= 3; length--) {
    const other = index.names.get(rest.slice(0, length));
    if (other) return other;
  }
  return null;
}

/**
 * Checks every pair (the region exists, the unit is not another region's) and merges duplicates,
 * keeping the first. Throws the first problem as a 400 naming the pair.
 */
export function checkedPairs(asked: AskedPair[], regions: Map<string, Region>): AssignmentPair[] {
  const seen = new Map<string, AssignmentPair>();
  for (const pair of asked) {
    const own = regions.get(pair.regionCode);
    if (!own) {
      const detail: ErrorDetail = {
        path: pair.regionPath,
        code: 'unknown_region',
        message: '行政区划代码不存在',
        messageEn: 'unknown region code',
      };
      throw new Failure(
        400,
        'unknown_region',
        `${pair.zh}：行政区划代码「${pair.regionCode}」不存在`,
        `${pair.en}: no region with code ${pair.regionCode}`,
        [detail],
      );
    }
    const other = foreignRegion(pair.department, own, regions);
    if (other) {
      const detail: ErrorDetail = {
        path: pair.departmentPath,
        code: 'unit_outside_region',
        message: `单位属于${other.name}，不属于${own.name}`,
        messageEn: `the unit belongs to ${other.name}, not ${own.name}`,
      };
      throw new Failure(
        400,
        'unit_outside_region',
        `${pair.zh}：「${pair.department}」是${other.name}的单位，不能下发给${own.name}`,
        `${pair.en}: ${pair.department} is a unit of ${other.name}, not of ${own.name}`,
        [detail],
      );
    }
    const key = `${pair.regionCode}|${pair.department}`;
    if (!seen.has(key)) seen.set(key, { regionCode: pair.regionCode, department: pair.department });
  }
  return [...seen.values()];
}
