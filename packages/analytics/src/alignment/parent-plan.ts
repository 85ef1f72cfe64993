import type { PlanPeriod } from '@kesu/schema';

/** A stored plan as the choice of a parent plan reads it. */
export interface CandidatePlan {
  id: string;
  regionCode: string;
  title: string;
  period: PlanPeriod;
  draft: boolean;
}

export type ParentChoice =
  | { kind: 'found'; plan: CandidatePlan }
  | { kind: 'none'; searched: string[] }
  | { kind: 'ambiguous'; regionCode: string; candidates: CandidatePlan[] };

/** How many years two terms share (none or fewer when they do not meet). */
export const sharedYears = (a: PlanPeriod, b: PlanPeriod) => Math.min(a.end, b.end) - Math.max(a.start, b.start) + 1;

/**
 * Of one region's plans, the one answering a plan of this term: it must share a year with the
 * term; an issued plan goes before a draft, then the longer shared term, then the same first
 * year. Several equal on all three are ambiguous (`tied` holds them all).
 */
export function planForTerm(
  period: PlanPeriod,
  plans: readonly CandidatePlan[],
): { best: CandidatePlan | null; tied: CandidatePlan[] } {
  const rank = (p: CandidatePlan) => [
    Number(!p.draft),
    sharedYears(period, p.period),
    Number(p.period.start === period.start),
  ];
  const ranked = plans
    .filter((p) => sharedYears(period, p.period) > 0)
    .map((p) => ({ p, r: rank(p) }))
    .sort((a, b) => b.r[0]! - a.r[0]! || b.r[1]! - a.r[1]! || b.r[2]! - a.r[2]!);
  const top = ranked[0];
  if (!top) return { best: null, tied: [] };
  const tied = ranked.filter((x) => x.r.every((v, i) => v === top.r[i])).map((x) => x.p);
  return tied.length > 1 ? { best: null, tied } : { best: top.p, tied: [] };
}

/**
 * The parent plan of a plan: the plan of its nearest ancestor region (parent, then the parent's
 * parent …) that has one for an overlapping term. Two equally good plans of that ancestor are
 * not guessed between; nor is a farther ancestor taken past them.
 * @example chooseParentPlan({ start: 2021, end: 2025 }, ['510100', '510000'], stored)
 */
export function chooseParentPlan(
  period: PlanPeriod,
  ancestors: readonly string[],
  plans: readonly CandidatePlan[],
): ParentChoice {
  for (const code of ancestors) {
    const { best, tied } = planForTerm(
      period,
      plans.filter((p) => p.regionCode === code),
    );
    if (best) return { kind: 'found', plan: best };
    if (tied.length > 0) return { kind: 'ambiguous', regionCode: code, candidates: tied };
  }
  return { kind: 'none', searched: [...ancestors] };
}
