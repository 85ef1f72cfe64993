export { attachWarehouse, WH } from './attach.js';
export { buildWarehouse, type BuildResult } from './build.js';
export { disaggregationKey } from './facts.js';
export { createTableSql, TABLE_NAMES, WAREHOUSE_TABLES, type ColumnDoc, type TableDoc } from './tables.js';
