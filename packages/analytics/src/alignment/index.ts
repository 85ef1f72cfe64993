export { ALIGNMENT_RELATIONS, relationLabels, type AlignmentRelation } from './relations.js';
export {
  alignTargets,
  type AlignedPair,
  type PlanSide,
  type TargetAlignment,
  type TargetRef,
  type UnmatchedTarget,
} from './pair-targets.js';
export { chooseParentPlan, planForTerm, sharedYears, type CandidatePlan, type ParentChoice } from './parent-plan.js';
export { rollUp, type ChildPlan, type RollUp } from './roll-up.js';
export type { PairWithRollUp, PlanAlignment, PlanRef } from './plan-alignment.js';
