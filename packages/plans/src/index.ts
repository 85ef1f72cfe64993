export { importPlan } from './import-plan.js';
export { parsePlan, type ParseResult } from './parse-plan.js';
export { prepareRegistry, type ImportRegistry, type PreparedRegistry } from './registry.js';
export { MAX_BYTES } from './decode.js';
export type { Rejection, RejectionCode } from './issues.js';
export { ReviewedPlan, scorePlan, type PlanScore } from './score.js';
export { checkPlan, type PlanCheckContext } from './check-plan.js';
export { unitChoices, unitNameFor, type UnitChoice } from './unit-names.js';
export { metricName } from './metric-name.js';
