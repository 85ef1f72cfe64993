// The alignment's answer as the API sends it is the schema's; its names are kept here for the callers.
export {
  ALIGNMENT_RELATIONS,
  type AlignedPair,
  type AlignmentRelation,
  type PairWithRollUp,
  type PlanAlignment,
  type PlanRef,
  type RollUp,
  type TargetRef,
  type UnmatchedTarget,
} from '@kesu/schema';
export { relationLabels } from './relations.js';
export { alignTargets, type PlanSide, type TargetAlignment } from './pair-targets.js';
export { chooseParentPlan, planForTerm, sharedYears, type CandidatePlan, type ParentChoice } from './parent-plan.js';
export { rollUp, type ChildPlan } from './roll-up.js';
