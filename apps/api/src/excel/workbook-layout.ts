import type { ColumnField, Field, FormDefinition } from '@kesu/schema';

/** What the workbook is for: the assignment, the form version and the header shown to the reporter. */
export interface WorkbookContext {
  assignmentId: string;
  formId: string;
  version: number;
  title: string;
  regionName: string;
  departmentName: string;
  period: string;
  dueDate: string | null;
  /** Help text per field id, e.g. the plan target "每年不少于 2000 名". */
  targets?: Record<string, string>;
  /** Last period's values per field id, shown beside each field. */
  previous?: Record<string, unknown>;
}

/** The assignment, form and version a workbook is made for, and an upload is checked against. */
export type WorkbookIdentity = Pick<WorkbookContext, 'assignmentId' | 'formId' | 'version'>;

/** The sheet with one row per field. */
export const MAIN_SHEET = '填报表';
/** The very hidden sheet naming the assignment, form and version the workbook was made for. */
export const META_SHEET = '_kesu';
/** The format marker in _kesu; a new layout gets a new marker. */
export const WORKBOOK_FORMAT = 'kesu-form-workbook/1';

/** A field or table column whose value sits in a single cell. */
export type ValueField = Exclude<Field, { type: 'repeat_table' }> | ColumnField;
export type TableField = Extract<Field, { type: 'repeat_table' }>;

// Main sheet columns: 字段 | 填报值 | 单位 | 目标/说明 | 上期值 | 字段代码.
export const COL = { label: 1, value: 2, unit: 3, note: 4, previous: 5, code: 6 } as const;
export const MAIN_HEADER = ['字段', '填报值', '单位', '目标/说明', '上期值', '字段代码'];
// Table sheets: labels in row 1, `table.column` ids in hidden row 2, data from row 3.
export const TABLE_ID_ROW = 2;
export const TABLE_DATA_ROW = 3;

export function allFields(def: FormDefinition): Field[] {
  return def.sections.flatMap((s) => s.fields);
}

/** The repeat tables in form order; each gets its own sheet. */
export function tableFields(def: FormDefinition): TableField[] {
  return allFields(def).filter((f): f is TableField => f.type === 'repeat_table');
}

/** Computed fields are shown, never read: the server recomputes them. */
export function isComputed(field: Field): boolean {
  return 'computed' in field && Boolean(field.computed);
}

/** A1 column letters for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
