export { attachWarehouse, hasBuild, WH } from './attach.js';
export { detachWarehouse, WarehouseGenerations, WarehouseView } from './generations.js';
export { buildWarehouse, type BuildOptions, type BuildResult } from './build.js';
export { lastBuild, type LastBuild } from './bookkeeping.js';
export type { StepListener } from './steps.js';
export { disaggregationKey } from './facts.js';
export {
  createTableSql,
  tableRowsSql,
  TABLE_NAMES,
  WAREHOUSE_TABLES,
  type ColumnDoc,
  type TableDoc,
} from './tables.js';
export { CODE_LABELS, codeLabels } from './code-labels.js';
