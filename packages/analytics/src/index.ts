export { progressRules, type Observation, type Progress, type ProgressInput } from './progress/rules.js';
export { meets, paceStatus, PROGRESS_STATUSES, statusLabels, type ProgressStatus } from './progress/status.js';
export { regionScore } from './progress/region-score.js';
export { regionObservations, type Contribution, type UnitValue } from './progress/unit-values.js';
export { valuesRead } from './progress/flags.js';
export { targetContributions, type WarehouseReader } from './progress/contributions.js';
export * from './warehouse/index.js';
export * from './lake/index.js';
export { renderSvg } from './report/svg.js';
export { reportChartRows, type ChartRows } from './report/chart-rows.js';
export { subRegionCount } from './report/sub-regions.js';
export { progressReportData, type ProgressReportData } from './report/progress-report-data.js';
export {
  departmentTerms,
  finalVerdicts,
  literacyReadings,
  regionPlans,
  type DepartmentTerm,
  type FinalPlan,
  type FinalTarget,
  type LiteracyReading,
  type LiteracyReadings,
} from './report/final-evaluation-data.js';
export * from './sandbox/index.js';
export * from './alignment/index.js';
