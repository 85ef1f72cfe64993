import { COLLECTIVE, type Plan } from '@kesu/schema';

/** A unit in its region: who an assignment goes to. */
export interface UnitPair {
  regionCode: string;
  department: string;
}

export const pairKey = (p: UnitPair) => `${p.regionCode}|${p.department}`;

/**
 * The pairs a plan offers: each of its units in the region it belongs to (the plan's own, unless
 * the importer placed it elsewhere), and the form's own unit first. Collective placeholders such
 * as 各街道 are no unit to assign.
 */
export function planPairs(plan: Plan | null, planRegion: string | null, formDepartment: string): UnitPair[] {
  const units = (plan?.departments ?? [])
    .filter((d) => d.function !== COLLECTIVE)
    .flatMap((d) => {
      const regionCode = d.region ?? planRegion;
      return regionCode ? [{ regionCode, department: d.name }] : [];
    });
  const own = planRegion ? [{ regionCode: planRegion, department: formDepartment }] : [];
  return mergePairs(own, units);
}

/** The pairs of a list and then those added that it does not hold yet, in order. */
export function mergePairs(list: UnitPair[], added: UnitPair[]): UnitPair[] {
  const seen = new Set(list.map(pairKey));
  const out = [...list];
  for (const p of added) {
    if (seen.has(pairKey(p))) continue;
    seen.add(pairKey(p));
    out.push(p);
  }
  return out;
}

/** How many assignments a choice makes: one per distinct pair and period. */
export function assignmentCount(pairs: UnitPair[], periods: string[]): number {
  return new Set(pairs.map(pairKey)).size * new Set(periods).size;
}
