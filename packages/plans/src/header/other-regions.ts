import { inRegionTree, type Region } from '@kesu/schema';
import { quotedPlans } from './quoted-plans.js';
import { detectRegion, type RegionIndex } from './region.js';

/** Another region's plan a page runs on into, and where its part of the text begins. */
export interface ForeignPlan {
  region: Region;
  /** Offset of the first line that names that region: the page's own text ends there. */
  at: number;
}

/** Whether one region lies inside the other: a county plan quotes its province's, and the other way round. */
function related(a: Region, b: Region): boolean {
  return inRegionTree(a.code, b.code) || inRegionTree(b.code, a.code);
}

/**
 * The first plan of an unrelated region that a text quotes, as a news page does when it runs
 * on into the next report (河南's goals, then 重庆市大足区's): its goals are not this plan's.
 * Plans of regions above or below the plan's own (the province's plan a county quotes) are not foreign.
 */
export function foreignPlan(index: RegionIndex, match: string, region: Region): ForeignPlan | null {
  for (const quoted of quotedPlans(match)) {
    const other = detectRegion(index, quoted.title, quoted.title);
    if (!other || related(other, region)) continue;
    const names = [other.name, other.short].filter((n) => n.length >= 2);
    const first = Math.min(...names.map((n) => match.indexOf(n)).filter((i) => i >= 0));
    const at = match.lastIndexOf('\n', first) + 1;
    return { region: other, at };
  }
  return null;
}
