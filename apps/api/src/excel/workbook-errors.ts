import type { ErrorDetail, FormDefinition, Labels } from '@kesu/schema';
import { allFields, columnLetter, MAIN_SHEET, TABLE_DATA_ROW, type TableField } from './workbook-layout.js';

/** One problem in an uploaded workbook, located at a sheet and cell where it has one. */
export type WorkbookError = {
  sheet: string;
  /** A1-style address, or '' when the problem is the file or the form as a whole. */
  cell: string;
  /** The zh-CN label of the field (or table column) the cell holds; '' for the whole file. */
  field: string;
  /** The field path in the submission, e.g. `activities[2].people`. */
  path: string;
  code: string;
  message: string;
  messageEn: string;
};

const MAX_ERRORS = 100;

export interface Place {
  sheet: string;
  cell: string;
  labels: Labels;
}

export interface TablePlace {
  field: TableField;
  sheet: string;
  /** Sheet row of each submitted row. */
  rows: number[];
  columns: Map<string, number>;
}

/** What reading has gathered so far, with where each value came from so any error can name its cell. */
export interface ReadState {
  def: FormDefinition;
  date1904: boolean;
  errors: WorkbookError[];
  values: Record<string, unknown>;
  /** Main-sheet row of each field read there. */
  mainRows: Map<string, number>;
  tables: Map<string, TablePlace>;
  /** Paths whose cell could not be converted; the validator's view of them is not reported again. */
  badPaths: Set<string>;
}

export function labelsOf(field: { id: string; label: string; labelEn?: string | undefined }): Labels {
  return { zh: field.label, en: field.labelEn ?? field.id };
}

export function fileError(code: string, message: string, messageEn: string, sheet = '', cell = ''): WorkbookError {
  return { sheet, cell, field: '', path: '', code, message, messageEn };
}

function at(place: Place): { zh: string; en: string } {
  const where = place.cell ? `${place.sheet}!${place.cell}` : place.sheet;
  return { zh: `${where}「${place.labels.zh}」`, en: `${where} "${place.labels.en}"` };
}

export function cellError(state: ReadState, place: Place, path: string, code: string, zh: string, en: string): void {
  const prefix = at(place);
  state.errors.push({
    sheet: place.sheet,
    cell: place.cell,
    field: place.labels.zh,
    path,
    code,
    message: `${prefix.zh}${zh}`,
    messageEn: `${prefix.en} ${en}`,
  });
}

/** A cell that does not convert; its path is remembered so the validator's view of it is dropped. */
export function badCell(
  state: ReadState,
  place: Place,
  path: string,
  why: { code: string; zh: string; en: string },
): void {
  state.badPaths.add(path);
  cellError(state, place, path, why.code, why.zh, why.en);
}

/** Why bytes that are not a ZIP are not a workbook, in words a reporter recognises. */
export function notXlsx(bytes: Uint8Array, message: string, messageEn: string): WorkbookError {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') {
    return fileError(
      'not_xlsx',
      '这是 PDF 文件，请上传下载的 Excel 填报表（.xlsx）',
      'This is a PDF; upload the downloaded Excel workbook (.xlsx)',
    );
  }
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return fileError(
      'not_xlsx',
      '这是旧版 Excel（.xls）文件，请另存为 .xlsx 后上传',
      'This is an old Excel (.xls) file; save it as .xlsx and upload again',
    );
  }
  return fileError('not_xlsx', message, messageEn);
}

export function capped(errors: WorkbookError[]): WorkbookError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const rest = errors.length - (MAX_ERRORS - 1);
  return [
    ...errors.slice(0, MAX_ERRORS - 1),
    fileError(
      'too_many_errors',
      `另有 ${rest} 处错误未列出，请先改正以上错误`,
      `${rest} more problems are not listed; fix the ones above first`,
      MAIN_SHEET,
    ),
  ];
}

function parsePath(path: string): Array<string | number> {
  return [...path.matchAll(/([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)].map((m) =>
    m[2] === undefined ? (m[1] ?? '') : Number(m[2]),
  );
}

/** The sheet and cell a validator path points at, with the labels of what the cell holds. */
function locate(state: ReadState, parts: Array<string | number>): Place {
  const [id, index, column] = parts;
  const table = typeof id === 'string' ? state.tables.get(id) : undefined;
  if (table) {
    const row = typeof index === 'number' ? table.rows[index] : undefined;
    const col = typeof column === 'string' ? table.field.columns.find((c) => c.id === column) : undefined;
    if (row !== undefined && col)
      return {
        sheet: table.sheet,
        cell: `${columnLetter(table.columns.get(col.id) ?? 1)}${row}`,
        labels: labelsOf(col),
      };
    return { sheet: table.sheet, cell: `A${row ?? TABLE_DATA_ROW}`, labels: labelsOf(table.field) };
  }
  const field = typeof id === 'string' ? allFields(state.def).find((f) => f.id === id) : undefined;
  const row = typeof id === 'string' ? state.mainRows.get(id) : undefined;
  return {
    sheet: MAIN_SHEET,
    cell: row === undefined ? '' : `B${row}`,
    labels: field ? labelsOf(field) : { zh: '', en: '' },
  };
}

/** Pairs (row, first row it repeats), 1-based, exactly as the form compiler finds them. */
function duplicatePairs(field: TableField, rows: unknown): Array<[number, number]> {
  if (!Array.isArray(rows) || field.uniqueBy.length === 0) return [];
  const seen = new Map<string, number>();
  const out: Array<[number, number]> = [];
  (rows as Record<string, unknown>[]).forEach((row, i) => {
    const key = JSON.stringify(field.uniqueBy.map((c) => row[c] ?? null));
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else out.push([i + 1, first + 1]);
  });
  return out;
}

/**
 * Puts the next duplicate of a table on its key cell, naming the row it repeats; false when
 * that row is not on the sheet.
 */
function duplicateRowError(
  state: ReadState,
  error: ErrorDetail,
  table: TablePlace,
  pairs: Array<[number, number]>,
): boolean {
  const [row, first] = pairs.shift() ?? [0, 0];
  const rowAt = table.rows[row - 1];
  const firstAt = table.rows[first - 1];
  if (rowAt === undefined || firstAt === undefined) return false;
  const { field } = table;
  const columnOf = (id: string | undefined) => field.columns.find((c) => c.id === id);
  const key = columnOf(field.uniqueBy[0]) ?? field.columns[0];
  const keyCol = columnLetter(table.columns.get(key?.id ?? '') ?? 1);
  const by = field.uniqueBy.map((u) => columnOf(u));
  cellError(
    state,
    { sheet: table.sheet, cell: `${keyCol}${rowAt}`, labels: labelsOf(field) },
    error.path,
    error.code,
    `第 ${rowAt} 行与第 ${firstAt} 行重复（${by.map((c) => c?.label ?? '').join('、')}相同）`,
    `row ${rowAt} repeats row ${firstAt} (same ${by.map((c) => (c ? labelsOf(c).en : '')).join(', ')})`,
  );
  return true;
}

function stripPrefix(message: string, prefix: string): string {
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** The form validator's errors, each moved onto the cell its path was read from. */
export function mapValidationErrors(
  state: ReadState,
  errors: ErrorDetail[],
  labelOf: (path: readonly PropertyKey[]) => Labels,
): void {
  const duplicates = new Map<string, Array<[number, number]>>();
  for (const error of errors) {
    const parts = parsePath(error.path);
    const id = typeof parts[0] === 'string' ? parts[0] : undefined;
    if (state.badPaths.has(error.path) || (id !== undefined && state.badPaths.has(id))) continue;
    const table = id === undefined ? undefined : state.tables.get(id);
    if (error.code === 'duplicate_row' && table) {
      const pairs = duplicates.get(table.field.id) ?? duplicatePairs(table.field, state.values[table.field.id]);
      duplicates.set(table.field.id, pairs);
      if (duplicateRowError(state, error, table, pairs)) continue;
    }
    if (error.path === '') {
      state.errors.push(fileError(error.code, error.message, error.messageEn, MAIN_SHEET));
      continue;
    }
    const original = labelOf(parts);
    cellError(
      state,
      locate(state, parts),
      error.path,
      error.code,
      stripPrefix(error.message, `「${original.zh}」`),
      stripPrefix(error.messageEn, `"${original.en}" `),
    );
  }
}
