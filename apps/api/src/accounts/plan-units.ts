import { COLLECTIVE, type Plan } from '@kesu/schema';

/** A unit a plan names that reports for itself: a department of a region, with its function when known. */
export interface ReportingUnit {
  regionCode: string;
  department: string;
  function: string | null;
}

/**
 * The units of a plan that report: every named department but collective placeholders (各成员单位,
 * 各街道 stand for many units, none of which could log in as them), each once, in the plan's order.
 * A unit without a region of its own belongs to the plan's region; without either it cannot report.
 * @example reportingUnits(plan) // [{ regionCode: '510104', department: '锦江区教育局', function: 'education' }, …]
 */
export function reportingUnits(plan: Plan): ReportingUnit[] {
  const seen = new Set<string>();
  const units: ReportingUnit[] = [];
  for (const d of plan.departments) {
    const regionCode = d.region ?? plan.region.code;
    if (d.function === COLLECTIVE || regionCode === null) continue;
    const key = `${regionCode}|${d.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    units.push({ regionCode, department: d.name, function: d.function });
  }
  return units;
}
