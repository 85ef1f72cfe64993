import ExcelJS from 'exceljs';
import { compileForm, draftMayHave, type ErrorDetail, type Field, type FormDefinition } from '@kesu/schema';
import { convert, rawOf, readCell, shown } from './workbook-cells.js';
import {
  badCell,
  capped,
  cellError,
  fileError,
  labelsOf,
  mapValidationErrors,
  notXlsx,
  type ReadState,
  type TablePlace,
  type WorkbookError,
} from './workbook-errors.js';
import {
  allFields,
  COL,
  columnLetter,
  isComputed,
  MAIN_HEADER,
  MAIN_SHEET,
  META_SHEET,
  TABLE_DATA_ROW,
  TABLE_ID_ROW,
  tableFields,
  type TableField,
  type WorkbookIdentity,
} from './workbook-layout.js';
import { checkMeta, namedTableSheet } from './workbook-meta.js';
import { checkZip, verifyZipSizes } from './zip-guard.js';

export type WorkbookReadResult =
  | {
      ok: true;
      assignmentId: string;
      formId: string;
      version: number;
      values: Record<string, unknown>;
      warnings: ErrorDetail[];
    }
  | { ok: false; errors: WorkbookError[] };

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook | null> {
  const wb = new ExcelJS.Workbook();
  try {
    // Ranges in these parts expand cell by cell while loading, and nothing here needs them.
    await wb.xlsx.load(new Uint8Array(bytes).buffer, {
      ignoreNodes: ['dataValidations', 'mergeCells', 'conditionalFormatting', 'hyperlinks', 'extLst'],
    });
    return wb;
  } catch {
    return null;
  }
}

/** The workbook in the bytes, or why they are not one: ZIP limits first, then whether exceljs can read it. */
async function openWorkbook(bytes: Uint8Array): Promise<{ wb: ExcelJS.Workbook } | { error: WorkbookError }> {
  // The directory check is free; the capped inflate runs only on archives that pass it.
  const first = checkZip(bytes);
  const zip = first.ok ? verifyZipSizes(bytes) : first;
  if (!zip.ok)
    return {
      error:
        zip.code === 'not_zip'
          ? notXlsx(bytes, zip.message, zip.messageEn)
          : fileError(zip.code, zip.message, zip.messageEn),
    };
  const wb = await loadWorkbook(bytes);
  if (!wb)
    return {
      error: fileError(
        'malformed',
        '文件已损坏，无法作为 Excel 打开；请重新下载填报表',
        'The file is damaged and cannot be read as Excel; download the workbook again',
      ),
    };
  return { wb };
}

/** Records the row of each field code in column F; codes not of this form, or given twice, are errors. */
function indexMainRows(state: ReadState, ws: ExcelJS.Worksheet, fields: Map<string, Field>): void {
  ws.eachRow((row, n) => {
    const code = rawOf(row.getCell(COL.code).value);
    if (code.kind === 'blank' || (code.kind === 'text' && code.value === MAIN_HEADER[COL.code - 1])) return;
    const id = code.kind === 'text' ? code.value : shown(code);
    const place = { sheet: MAIN_SHEET, cell: `F${n}`, labels: { zh: id, en: id } };
    if (!fields.has(id)) {
      cellError(
        state,
        place,
        '',
        'unknown_field',
        '不是本表的字段代码；请不要改动“字段代码”列',
        'is not a field code of this form; leave the field-code column unchanged',
      );
    } else if (state.mainRows.has(id)) {
      cellError(
        state,
        place,
        id,
        'duplicate_field',
        `重复出现（已在第 ${state.mainRows.get(id)} 行）`,
        `appears twice (already in row ${state.mainRows.get(id)})`,
      );
    } else {
      state.mainRows.set(id, n);
    }
  });
}

function readMainValue(state: ReadState, ws: ExcelJS.Worksheet, field: Exclude<Field, { type: 'repeat_table' }>): void {
  const row = state.mainRows.get(field.id);
  const labels = labelsOf(field);
  if (row === undefined) {
    cellError(
      state,
      { sheet: MAIN_SHEET, cell: '', labels },
      field.id,
      'missing_field',
      '所在行缺失，请重新下载填报表',
      'has no row in the sheet; download the workbook again',
    );
    return;
  }
  const result = convert(field, readCell(ws.getRow(row).getCell(COL.value)), state.date1904);
  if (result === null) return;
  if (result.ok) state.values[field.id] = result.value;
  else badCell(state, { sheet: MAIN_SHEET, cell: `B${row}`, labels }, field.id, result);
}

function readMain(state: ReadState, ws: ExcelJS.Worksheet): void {
  const fields = new Map(allFields(state.def).map((f) => [f.id, f]));
  indexMainRows(state, ws, fields);
  for (const field of fields.values()) {
    if (field.type !== 'repeat_table' && !isComputed(field)) readMainValue(state, ws, field);
  }
}

/** The column id a cell of a table sheet's hidden id row names, if it names one of this table's. */
function columnIdIn(value: unknown, field: TableField): string | undefined {
  const raw = rawOf(value);
  return raw.kind === 'text' && raw.value.startsWith(`${field.id}.`) ? raw.value.slice(field.id.length + 1) : undefined;
}

/** The sheet holding a table: the one _kesu names, else any whose hidden id row names the table. */
function findTableSheet(
  wb: ExcelJS.Workbook,
  field: TableField,
  named: string | undefined,
): ExcelJS.Worksheet | undefined {
  const holds = (ws: ExcelJS.Worksheet) => columnIdIn(ws.getRow(TABLE_ID_ROW).getCell(1).value, field) !== undefined;
  const byName = named === undefined ? undefined : wb.getWorksheet(named);
  if (byName && holds(byName)) return byName;
  return wb.worksheets.find((ws) => ws.name !== META_SHEET && ws.name !== MAIN_SHEET && holds(ws));
}

function tableColumns(ws: ExcelJS.Worksheet, field: TableField): Map<string, number> {
  const columns = new Map<string, number>();
  ws.getRow(TABLE_ID_ROW).eachCell((cell, c) => {
    const id = columnIdIn(cell.value, field);
    if (id !== undefined) columns.set(id, c);
  });
  return columns;
}

/** One table row's values, or null for a blank row; cells that do not convert become errors. */
function readTableRow(
  state: ReadState,
  table: TablePlace,
  row: ExcelJS.Row,
  n: number,
  index: number,
): Record<string, unknown> | null {
  const cells = table.field.columns.map((column) => {
    const col = table.columns.get(column.id) ?? 1;
    return { column, col, raw: readCell(row.getCell(col)) };
  });
  if (cells.every((x) => x.raw.kind === 'blank')) return null;
  const out: Record<string, unknown> = {};
  for (const { column, col, raw } of cells) {
    const result = convert(column, raw, state.date1904);
    if (result === null) continue;
    if (result.ok) out[column.id] = result.value;
    else
      badCell(
        state,
        { sheet: table.sheet, cell: `${columnLetter(col)}${n}`, labels: labelsOf(column) },
        `${table.field.id}[${index}].${column.id}`,
        result,
      );
  }
  return out;
}

function readTable(state: ReadState, wb: ExcelJS.Workbook, field: TableField, named: string | undefined): void {
  const ws = findTableSheet(wb, field, named);
  const labels = labelsOf(field);
  if (!ws) {
    cellError(
      state,
      { sheet: named ?? field.label, cell: '', labels },
      field.id,
      'missing_sheet',
      '所在工作表缺失，请重新下载填报表',
      'has no sheet in the file; download the workbook again',
    );
    return;
  }
  const columns = tableColumns(ws, field);
  const missing = field.columns.filter((c) => !columns.has(c.id));
  if (missing.length > 0) {
    cellError(
      state,
      { sheet: ws.name, cell: 'A1', labels },
      field.id,
      'missing_column',
      `缺少列：${missing.map((c) => c.label).join('、')}；请重新下载填报表`,
      `lacks columns: ${missing.map((c) => labelsOf(c).en).join(', ')}; download the workbook again`,
    );
    return;
  }
  const table: TablePlace = { field, sheet: ws.name, rows: [], columns };
  state.tables.set(field.id, table);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    const values = n < TABLE_DATA_ROW ? null : readTableRow(state, table, row, n, rows.length);
    if (values === null) return;
    rows.push(values);
    table.rows.push(n);
  });
  if (rows.length > 0) state.values[field.id] = rows;
}

/**
 * Reads a filled-in workbook back into submission values, checked whole: the file (ZIP
 * limits, readable .xlsx), the assignment and form version it was made for, every cell,
 * then the form's own validator. Every error names its sheet!cell and field in zh-CN and
 * English; nothing is returned unless the whole file is valid. Read as a draft, a workbook may
 * be incomplete as a draft saved in the browser may (a required cell left blank): those problems
 * come back as warnings, while a malformed cell is still refused.
 * @example
 * const r = await readFormWorkbook(bytes, definition, { assignmentId: 'a1', formId: 'f1', version: 3 });
 * if (r.ok) save(r.values)
 */
export async function readFormWorkbook(
  bytes: Uint8Array,
  def: FormDefinition,
  expected: WorkbookIdentity,
  { asDraft = false }: { asDraft?: boolean } = {},
): Promise<WorkbookReadResult> {
  const opened = await openWorkbook(bytes);
  if ('error' in opened) return { ok: false, errors: [opened.error] };
  const { wb } = opened;
  const checked = checkMeta(wb, expected);
  if ('error' in checked) return { ok: false, errors: [checked.error] };
  const main = wb.getWorksheet(MAIN_SHEET);
  if (!main) {
    return {
      ok: false,
      errors: [
        fileError(
          'missing_sheet',
          `文件缺少「${MAIN_SHEET}」工作表，请重新下载填报表`,
          `The "${MAIN_SHEET}" sheet is missing; download the workbook again`,
          MAIN_SHEET,
        ),
      ],
    };
  }
  const state: ReadState = {
    def,
    date1904: wb.properties.date1904 ?? false,
    errors: [],
    values: {},
    mainRows: new Map(),
    tables: new Map(),
    badPaths: new Set(),
  };
  readMain(state, main);
  for (const field of tableFields(def)) readTable(state, wb, field, namedTableSheet(checked.meta, field.id));
  const form = compileForm(def);
  const result = form.validate(state.values);
  const incomplete = !result.ok && asDraft && result.errors.every(draftMayHave);
  if (!result.ok && !incomplete) mapValidationErrors(state, result.errors, form.labelOf);
  if (state.errors.length > 0 || (!result.ok && !incomplete)) return { ok: false, errors: capped(state.errors) };
  return {
    ok: true,
    assignmentId: expected.assignmentId,
    formId: expected.formId,
    version: expected.version,
    values: result.ok ? result.values : state.values,
    warnings: result.ok ? result.warnings : result.errors,
  };
}
