import ExcelJS from 'exceljs';
import {
  labelWithUnit,
  periodWords,
  type ColumnField,
  type Field,
  type FormDefinition,
  type FormSection,
} from '@kesu/schema';
import { MULTI_SEPARATOR, numberFormat, optionLabels, toCellValue } from './workbook-cells.js';
import { OptionLists, validationFor } from './workbook-data-validation.js';
import {
  COL,
  isComputed,
  MAIN_HEADER,
  MAIN_SHEET,
  META_SHEET,
  TABLE_DATA_ROW,
  TABLE_ID_ROW,
  tableFields,
  type TableField,
  type ValueField,
  type WorkbookContext,
} from './workbook-layout.js';
import { writeMetaSheet } from './workbook-meta.js';

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const INPUT_FILL = solid('FFFFF2CC');
const COMPUTED_FILL = solid('FFEDEDED');
const HEADER_FILL = solid('FFD9E1F2');
const SECTION_FILL = solid('FFDDEBF7');
const EDGE: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const THIN: Partial<ExcelJS.Borders> = { top: EDGE, left: EDGE, bottom: EDGE, right: EDGE };
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};
const SHEET_NAME_MAX = 31;

/** What the main sheet is written from. */
interface MainSheetInput {
  def: FormDefinition;
  ctx: WorkbookContext;
  values: Record<string, unknown>;
  /** Sheet name of each repeat table, by field id. */
  tableSheets: Map<string, string>;
  lists: OptionLists;
}

// Excel counts UTF-16 units; whole characters are kept so no surrogate pair is split.
function fitSheetName(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.replace(/^'+|'+$/g, '').trim();
}

/**
 * A table's sheet name under Excel's rules: at most 31 characters, none of : \ / ? * [ ],
 * no apostrophe at either end, not "History", unique ignoring case.
 */
function sheetNameFor(label: string, taken: Set<string>): string {
  let base = fitSheetName(label.replace(/[\\/?*:[\]\p{Cc}]/gu, '_'), SHEET_NAME_MAX) || '表格';
  if (base.toLowerCase() === 'history') base = `${base}_`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${fitSheetName(base, SHEET_NAME_MAX - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

function unitOf(field: ValueField): string {
  if (field.type === 'percent') return field.unit ?? '%';
  if ('unit' in field && field.unit !== undefined) return field.unit;
  return field.type === 'date' ? '年-月-日' : '';
}

function joinNotes(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('；');
}

function multiChoiceHint(field: Field | ColumnField): string {
  return field.type === 'multi_choice' ? `可多选，用「、」分隔：${optionLabels(field).join(MULTI_SEPARATOR)}` : '';
}

function noteFor(field: Field, ctx: WorkbookContext): string {
  return joinNotes(
    isComputed(field) ? '自动计算，无需填写' : '',
    ctx.targets?.[field.id] ?? field.help ?? '',
    multiChoiceHint(field),
  );
}

function previousDisplay(field: Field, value: unknown): ExcelJS.CellValue {
  if (field.type === 'repeat_table') return Array.isArray(value) ? `上期 ${value.length} 行` : null;
  return toCellValue(field, value);
}

function styleHeader(cell: ExcelJS.Cell): void {
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.border = THIN;
}

function styleInput(cell: ExcelJS.Cell, field: ValueField, lists: OptionLists): void {
  cell.numFmt = numberFormat(field);
  cell.fill = INPUT_FILL;
  cell.border = THIN;
  cell.protection = { locked: false };
  cell.alignment = { vertical: 'top', wrapText: field.type === 'long_text' || field.type === 'multi_choice' };
  cell.dataValidation = validationFor(field, lists);
}

/** Title, the assignment's particulars and the column header; returns the header's row. */
function writeHeading(ws: ExcelJS.Worksheet, def: FormDefinition, ctx: WorkbookContext): number {
  const title = ws.getCell('A1');
  title.value = ctx.title;
  title.font = { bold: true, size: 14 };
  ws.mergeCells('A1:E1');
  const particulars: Array<[string, string]> = [
    ['地区', ctx.regionName],
    ['单位', ctx.departmentName],
    ['期间', periodWords(ctx.period)],
    ['截止日期', ctx.dueDate ?? '未设定'],
    ['表单版本', `${def.title}（第 ${ctx.version} 版）`],
    ['填写说明', '请只在黄色单元格中填写；灰色为自动计算；带 * 为必填；不要改动“字段代码”列。'],
  ];
  particulars.forEach(([k, v], i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = k;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = v;
    ws.mergeCells(i + 2, 2, i + 2, 5);
  });
  const r = particulars.length + 3;
  const head = ws.getRow(r);
  MAIN_HEADER.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    styleHeader(cell);
  });
  ws.views = [{ state: 'frozen', ySplit: r }];
  return r;
}

function writeSectionRow(ws: ExcelJS.Worksheet, r: number, section: FormSection): void {
  const cell = ws.getCell(r, 1);
  cell.value = section.title;
  cell.font = { bold: true };
  cell.fill = SECTION_FILL;
  if (section.description) cell.note = section.description;
  ws.mergeCells(r, 1, r, 5);
}

function writeFieldRow(row: ExcelJS.Row, field: Field, input: MainSheetInput): void {
  const label = row.getCell(COL.label);
  label.value = `${field.label}${field.required ? ' *' : ''}`;
  label.alignment = { vertical: 'top', wrapText: true };
  const note = row.getCell(COL.note);
  note.value = noteFor(field, input.ctx) || null;
  note.alignment = { vertical: 'top', wrapText: true };
  row.getCell(COL.previous).value = previousDisplay(field, input.ctx.previous?.[field.id]);
  if (field.type === 'repeat_table')
    writeTablePointer(row.getCell(COL.value), input.tableSheets.get(field.id) ?? field.label);
  else writeValueCells(row, field, input);
}

// Plain text, not a link: exceljs writes in-workbook links as external relationships.
function writeTablePointer(cell: ExcelJS.Cell, sheet: string): void {
  cell.value = `见工作表「${sheet}」`;
  cell.font = { italic: true, color: { argb: 'FF1F4E79' } };
}

function writeValueCells(
  row: ExcelJS.Row,
  field: Exclude<Field, { type: 'repeat_table' }>,
  input: MainSheetInput,
): void {
  row.getCell(COL.unit).value = unitOf(field) || null;
  row.getCell(COL.previous).numFmt = numberFormat(field);
  const code = row.getCell(COL.code);
  code.value = field.id;
  code.font = { color: { argb: 'FF808080' }, size: 9 };
  const cell = row.getCell(COL.value);
  if (isComputed(field)) {
    writeComputed(cell, field, input.values[field.id]);
    return;
  }
  cell.value = toCellValue(field, input.values[field.id]);
  styleInput(cell, field, input.lists);
}

function writeComputed(cell: ExcelJS.Cell, field: ValueField, value: unknown): void {
  cell.value = typeof value === 'number' ? value : '自动计算';
  cell.numFmt = numberFormat(field);
  cell.fill = COMPUTED_FILL;
  cell.font = { italic: true, color: { argb: 'FF595959' } };
  cell.border = THIN;
}

function writeMainSheet(ws: ExcelJS.Worksheet, input: MainSheetInput): void {
  ws.columns = [{ width: 34 }, { width: 22 }, { width: 10 }, { width: 44 }, { width: 18 }, { width: 16 }];
  let r = writeHeading(ws, input.def, input.ctx);
  for (const section of input.def.sections) {
    writeSectionRow(ws, ++r, section);
    for (const field of section.fields) writeFieldRow(ws.getRow(++r), field, input);
  }
}

function writeTableHeader(ws: ExcelJS.Worksheet, column: ColumnField, c: number): void {
  ws.getColumn(c).width = Math.min(40, Math.max(12, column.label.length * 2 + 4));
  const cell = ws.getRow(1).getCell(c);
  const unit = unitOf(column);
  cell.value = `${labelWithUnit(column.label, unit)}${column.required ? ' *' : ''}`;
  styleHeader(cell);
  cell.alignment = { vertical: 'middle', wrapText: true };
  const help = joinNotes(column.help ?? '', multiChoiceHint(column));
  if (help) cell.note = help;
}

function writeTableSheet(
  ws: ExcelJS.Worksheet,
  field: TableField,
  values: Record<string, unknown>,
  lists: OptionLists,
): void {
  const given = values[field.id];
  const rows = Array.isArray(given) ? (given as unknown[]) : [];
  const count = Math.max(field.maxRows, rows.length);
  ws.views = [{ state: 'frozen', ySplit: TABLE_ID_ROW }];
  const ids = ws.getRow(TABLE_ID_ROW);
  ids.hidden = true;
  field.columns.forEach((column, i) => {
    const c = i + 1;
    writeTableHeader(ws, column, c);
    ids.getCell(c).value = `${field.id}.${column.id}`;
    for (let n = 0; n < count; n++) {
      const row = rows[n];
      const data = ws.getCell(TABLE_DATA_ROW + n, c);
      if (row && typeof row === 'object') data.value = toCellValue(column, (row as Record<string, unknown>)[column.id]);
      styleInput(data, column, lists);
    }
  });
}

/**
 * Builds the .xlsx a department fills in offline: the 填报表 sheet (one row per field, by
 * section), one sheet per repeat table, and the hidden _kesu sheet naming the assignment and
 * form version, so the upload can be matched and checked.
 * @example
 * const xlsx = await buildFormWorkbook(definition, {
 *   assignmentId: 'a1', formId: 'f1', version: 3, title: '2024 年度报表',
 *   regionName: '友谊县', departmentName: '县科协', period: '2024', dueDate: '2025-01-31',
 * })
 */
export async function buildFormWorkbook(
  def: FormDefinition,
  ctx: WorkbookContext,
  values: Record<string, unknown> = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kesu';
  const lists = new OptionLists();
  const main = wb.addWorksheet(MAIN_SHEET);
  const taken = new Set([MAIN_SHEET.toLowerCase(), META_SHEET.toLowerCase()]);
  const tables = tableFields(def);
  const tableSheets = new Map(tables.map((t) => [t.id, sheetNameFor(t.label, taken)]));
  writeMainSheet(main, { def, ctx, values, tableSheets, lists });
  await main.protect('', PROTECTION);
  for (const table of tables) {
    const ws = wb.addWorksheet(tableSheets.get(table.id) ?? table.id);
    writeTableSheet(ws, table, values, lists);
    await ws.protect('', PROTECTION);
  }
  lists.write(writeMetaSheet(wb, ctx, tables, tableSheets));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
