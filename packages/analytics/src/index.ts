export { progressRules, type Observation, type Progress, type ProgressInput } from './progress/rules.js';
export { meets, paceStatus, PROGRESS_STATUSES, statusLabels, type ProgressStatus } from './progress/status.js';
export { regionScore } from './progress/region-score.js';
export {
  combineOf,
  regionObservations,
  type Combine,
  type Contribution,
  type UnitValue,
} from './progress/unit-values.js';
export { valuesRead } from './progress/flags.js';
export * from './warehouse/index.js';
export * from './lake/index.js';
export { renderSvg } from './report/svg.js';
export * from './sandbox/index.js';
export * from './alignment/index.js';
