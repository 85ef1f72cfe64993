import type { Localized, PlanPeriod } from '@kesu/schema';
import type { AlignedPair, UnmatchedTarget } from './pair-targets.js';
import type { AlignmentRelation } from './relations.js';
import type { RollUp } from './roll-up.js';

/** A plan as an alignment answer names it. */
export interface PlanRef {
  id: string;
  title: string;
  regionCode: string;
  regionName: string;
  period: PlanPeriod;
  draft: boolean;
}

export interface PairWithRollUp extends AlignedPair {
  /** For a parent target: the sum of the commitments of the regions directly under the parent. */
  rollUp: RollUp | null;
}

/** A plan set against its parent plan, as the API answers and the page shows it. */
export interface PlanAlignment {
  plan: PlanRef;
  parent: PlanRef;
  /** nearest: the plan of the nearest ancestor region with one for the term; asked: the one named. */
  chosenBy: 'nearest' | 'asked';
  pairs: PairWithRollUp[];
  unmatched: UnmatchedTarget[];
  counts: Record<AlignmentRelation, number>;
  summary: Localized;
}
