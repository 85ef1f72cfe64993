// The Excel round trip of a reporting form; routes and tests import it from here, the modules beside it do the work.
export { MAIN_SHEET, META_SHEET, WORKBOOK_FORMAT, type WorkbookContext } from './workbook-layout.js';
export type { WorkbookError } from './workbook-errors.js';
export { buildFormWorkbook } from './workbook-build.js';
export { readFormWorkbook, type WorkbookReadResult } from './workbook-read.js';
