import ExcelJS from 'exceljs';
import { compileForm, type ColumnField, type ErrorDetail, type Field, type FormDefinition, type Labels } from '@kesu/schema';
import { checkZip, verifyZipSizes } from './zip-guard.js';

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

export type WorkbookReadResult =
  | { ok: true; assignmentId: string; formId: string; version: number; values: Record<string, unknown>; warnings: ErrorDetail[] }
  | { ok: false; errors: WorkbookError[] };

/** The sheet with one row per field. */
export const MAIN_SHEET = '填报表';
/** The very hidden sheet naming the assignment, form and version the workbook was made for. */
export const META_SHEET = '_kesu';
/** The format marker in _kesu; a new layout gets a new marker. */
export const WORKBOOK_FORMAT = 'kesu-form-workbook/1';

type ValueField = Exclude<Field, { type: 'repeat_table' }> | ColumnField;
type TableField = Extract<Field, { type: 'repeat_table' }>;

// Main sheet columns: 字段 | 填报值 | 单位 | 目标/说明 | 上期值 | 字段代码.
const COL = { label: 1, value: 2, unit: 3, note: 4, previous: 5, code: 6 } as const;
const MAIN_HEADER = ['字段', '填报值', '单位', '目标/说明', '上期值', '字段代码'];
// Table sheets: labels in row 1, `table.column` ids in hidden row 2, data from row 3.
const TABLE_ID_ROW = 2;
const TABLE_DATA_ROW = 3;
const MAX_ERRORS = 100;
// Mirrors the form compiler's bounds so Excel rejects what the server would.
const COUNT_MAX = 1e12;
const DECIMAL_MAX = 1e15;
const MULTI_SEPARATOR = '、';
const MULTI_SPLIT = /[、,，;；\n]+/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const COMPUTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true };

function labelsOf(field: { id: string; label: string; labelEn?: string | undefined }): Labels {
  return { zh: field.label, en: field.labelEn ?? field.id };
}

/** A1 column letters for a 1-based column number. */
function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

function isoToDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * A table's sheet name under Excel's rules: at most 31 characters, none of : \ / ? * [ ],
 * no apostrophe at either end, not "History", unique ignoring case.
 */
function sheetNameFor(label: string, taken: Set<string>): string {
  // Excel counts UTF-16 units; whole characters are kept so no surrogate pair is split.
  const fit = (s: string, max: number) => {
    let out = '';
    for (const ch of s) {
      if (out.length + ch.length > max) break;
      out += ch;
    }
    return out.replace(/^'+|'+$/g, '').trim();
  };
  let base = fit(label.replace(/[\\/?*:[\]\p{Cc}]/gu, '_'), 31) || '表格';
  if (base.toLowerCase() === 'history') base = `${base}_`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${fit(base, 31 - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

function optionLabel(field: { options: { value: string; label: string }[] }, value: unknown): string {
  return field.options.find((o) => o.value === value)?.label ?? asText(value);
}

/** A submission value as the cell shows it: numbers, option labels, 是/否, dates. */
function toCellValue(field: ValueField, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'percent':
      return typeof value === 'number' ? value : asText(value);
    case 'choice':
      return optionLabel(field, value);
    case 'multi_choice':
      return Array.isArray(value) ? value.map((v) => optionLabel(field, v)).join(MULTI_SEPARATOR) : asText(value);
    case 'yes_no':
      return value === true ? '是' : value === false ? '否' : asText(value);
    case 'date': {
      // Date() rolls 2023-02-30 over into March; only a date that survives the round trip is written as one.
      const date = typeof value === 'string' && ISO_DATE.test(value) ? isoToDate(value) : null;
      return date && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(asText(value)) ? date : asText(value);
    }
    default:
      return asText(value);
  }
}

function numberFormat(field: ValueField): string {
  switch (field.type) {
    case 'integer':
      return '0';
    case 'decimal':
    case 'percent':
      return field.scale === 0 ? '0' : `0.${'0'.repeat(field.scale)}`;
    case 'date':
      return 'yyyy-mm-dd';
    default:
      return '@';
  }
}

function unitOf(field: ValueField): string {
  if (field.type === 'percent') return field.unit ?? '%';
  if ('unit' in field && field.unit !== undefined) return field.unit;
  return field.type === 'date' ? '年-月-日' : '';
}

/** Choice lists too long or too odd for an inline `"a,b"` list go to columns of the hidden sheet. */
class OptionLists {
  readonly columns: string[][] = [];
  // The meta sheet's key/value pairs take columns A and B.
  private readonly firstColumn = 4;

  formula(labels: string[]): string {
    const inline = labels.join(',');
    if (inline.length <= 250 && labels.every((l) => !/[,"]/.test(l))) return `"${inline}"`;
    this.columns.push(labels);
    const col = columnLetter(this.firstColumn + this.columns.length - 1);
    return `'${META_SHEET}'!$${col}$1:$${col}$${labels.length}`;
  }

  write(ws: ExcelJS.Worksheet): void {
    this.columns.forEach((labels, i) => labels.forEach((label, r) => (ws.getCell(r + 1, this.firstColumn + i).value = label)));
  }
}

function validationFor(field: ValueField, lists: OptionLists): ExcelJS.DataValidation {
  const label = clip(field.label, 60);
  const base = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop', errorTitle: '填写有误' };
  const range = (lo: number, hi: number, kind: string): ExcelJS.DataValidation => ({
    ...base,
    type: field.type === 'integer' ? 'whole' : 'decimal',
    operator: 'between',
    formulae: [lo, hi],
    promptTitle: clip(field.label, 30),
    prompt: clip(`${kind}，${lo} 至 ${hi}`, 250),
    error: clip(`「${label}」应为 ${lo} 至 ${hi} 之间的${kind}`, 250),
  });
  switch (field.type) {
    case 'integer':
      return range(field.min ?? 0, field.max ?? COUNT_MAX, '整数');
    case 'decimal':
      return range(field.min ?? -DECIMAL_MAX, field.max ?? DECIMAL_MAX, `数字（最多 ${field.scale} 位小数）`);
    case 'percent':
      return range(field.min ?? 0, field.max ?? 100, `百分数（87.5% 填 87.5，最多 ${field.scale} 位小数）`);
    case 'choice':
      return { ...base, type: 'list', formulae: [lists.formula(field.options.map((o) => o.label))], error: clip(`「${label}」请从下拉列表中选择`, 250) };
    case 'yes_no':
      return { ...base, type: 'list', formulae: ['"是,否"'], error: `「${label}」只能填“是”或“否”` };
    case 'multi_choice':
      return {
        ...base,
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [field.options.reduce((n, o) => n + o.label.length + 1, 0)],
        promptTitle: '可多选，用「、」分隔',
        prompt: clip(field.options.map((o) => o.label).join(MULTI_SEPARATOR), 250),
        error: clip(`「${label}」请填写选项名称，用「、」分隔`, 250),
      };
    case 'date':
      return {
        ...base,
        type: 'date',
        operator: 'between',
        formulae: [isoToDate(field.min ?? '1900-01-01'), isoToDate(field.max ?? '9999-12-31')],
        promptTitle: '日期',
        prompt: `格式 YYYY-MM-DD${field.min || field.max ? `，${field.min ?? '…'} 至 ${field.max ?? '…'}` : ''}`,
        error: `「${label}」应为 ${field.min ?? '1900-01-01'} 至 ${field.max ?? '9999-12-31'} 之间的日期（YYYY-MM-DD）`,
      };
    case 'text':
    case 'long_text':
      return { ...base, type: 'textLength', operator: 'lessThanOrEqual', formulae: [field.maxLength], error: `「${label}」不能超过 ${field.maxLength} 个字符` };
  }
}

function styleInput(cell: ExcelJS.Cell, field: ValueField, lists: OptionLists): void {
  cell.numFmt = numberFormat(field);
  cell.fill = INPUT_FILL;
  cell.border = THIN;
  cell.protection = { locked: false };
  cell.alignment = { vertical: 'top', wrapText: field.type === 'long_text' || field.type === 'multi_choice' };
  cell.dataValidation = validationFor(field, lists);
}

function noteFor(field: Field, ctx: WorkbookContext): string {
  const parts = [ctx.targets?.[field.id] ?? field.help ?? ''];
  if ('computed' in field && field.computed) parts.unshift('自动计算，无需填写');
  if (field.type === 'multi_choice') parts.push(`可多选，用「、」分隔：${field.options.map((o) => o.label).join(MULTI_SEPARATOR)}`);
  return parts.filter((p) => p !== '').join('；');
}

function previousDisplay(field: Field, value: unknown): ExcelJS.CellValue {
  if (field.type === 'repeat_table') return Array.isArray(value) ? `上期 ${value.length} 行` : null;
  return toCellValue(field, value);
}

function writeMainSheet(ws: ExcelJS.Worksheet, def: FormDefinition, ctx: WorkbookContext, values: Record<string, unknown>, tableSheets: Map<string, string>, lists: OptionLists): void {
  ws.columns = [{ width: 34 }, { width: 22 }, { width: 10 }, { width: 44 }, { width: 18 }, { width: 16 }];
  const title = ws.getCell('A1');
  title.value = ctx.title;
  title.font = { bold: true, size: 14 };
  ws.mergeCells('A1:E1');
  const header: Array<[string, string]> = [
    ['地区', ctx.regionName],
    ['单位', ctx.departmentName],
    ['期间', ctx.period],
    ['截止日期', ctx.dueDate ?? '未设定'],
    ['表单版本', `${def.title}（第 ${ctx.version} 版）`],
    ['填写说明', '请只在黄色单元格中填写；灰色为自动计算；带 * 为必填；不要改动“字段代码”列。'],
  ];
  header.forEach(([k, v], i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = k;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = v;
    ws.mergeCells(i + 2, 2, i + 2, 5);
  });
  let r = header.length + 3;
  const head = ws.getRow(r);
  MAIN_HEADER.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  ws.views = [{ state: 'frozen', ySplit: r }];
  for (const section of def.sections) {
    r++;
    const sectionCell = ws.getCell(r, 1);
    sectionCell.value = section.title;
    sectionCell.font = { bold: true };
    sectionCell.fill = SECTION_FILL;
    if (section.description) sectionCell.note = section.description;
    ws.mergeCells(r, 1, r, 5);
    for (const field of section.fields) {
      r++;
      const row = ws.getRow(r);
      const label = row.getCell(COL.label);
      label.value = `${field.label}${field.required ? ' *' : ''}`;
      label.alignment = { vertical: 'top', wrapText: true };
      row.getCell(COL.note).value = noteFor(field, ctx) || null;
      row.getCell(COL.note).alignment = { vertical: 'top', wrapText: true };
      row.getCell(COL.previous).value = previousDisplay(field, ctx.previous?.[field.id]);
      const valueCell = row.getCell(COL.value);
      if (field.type === 'repeat_table') {
        const sheet = tableSheets.get(field.id) ?? field.label;
        // Plain text, not a link: exceljs writes in-workbook links as external relationships.
        valueCell.value = `见工作表「${sheet}」`;
        valueCell.font = { italic: true, color: { argb: 'FF1F4E79' } };
        continue;
      }
      row.getCell(COL.unit).value = unitOf(field) || null;
      row.getCell(COL.previous).numFmt = numberFormat(field);
      const code = row.getCell(COL.code);
      code.value = field.id;
      code.font = { color: { argb: 'FF808080' }, size: 9 };
      if ('computed' in field && field.computed) {
        const v = values[field.id];
        valueCell.value = typeof v === 'number' ? v : '自动计算';
        valueCell.numFmt = numberFormat(field);
        valueCell.fill = COMPUTED_FILL;
        valueCell.font = { italic: true, color: { argb: 'FF595959' } };
        valueCell.border = THIN;
        continue;
      }
      valueCell.value = toCellValue(field, values[field.id]);
      styleInput(valueCell, field, lists);
    }
  }
}

function writeTableSheet(ws: ExcelJS.Worksheet, field: TableField, values: Record<string, unknown>, lists: OptionLists): void {
  const given = values[field.id];
  const rows = Array.isArray(given) ? (given as unknown[]) : [];
  const count = Math.max(field.maxRows, rows.length);
  ws.views = [{ state: 'frozen', ySplit: TABLE_ID_ROW }];
  const header = ws.getRow(1);
  const ids = ws.getRow(TABLE_ID_ROW);
  ids.hidden = true;
  field.columns.forEach((column, c) => {
    ws.getColumn(c + 1).width = Math.min(40, Math.max(12, column.label.length * 2 + 4));
    const cell = header.getCell(c + 1);
    const unit = unitOf(column);
    cell.value = `${column.label}${unit ? `（${unit}）` : ''}${column.required ? ' *' : ''}`;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', wrapText: true };
    const help = [column.help ?? '', column.type === 'multi_choice' ? `可多选，用「、」分隔：${column.options.map((o) => o.label).join(MULTI_SEPARATOR)}` : '']
      .filter((s) => s !== '')
      .join('；');
    if (help) cell.note = help;
    ids.getCell(c + 1).value = `${field.id}.${column.id}`;
    for (let i = 0; i < count; i++) {
      const row = rows[i];
      const data = ws.getCell(TABLE_DATA_ROW + i, c + 1);
      if (row && typeof row === 'object') data.value = toCellValue(column, (row as Record<string, unknown>)[column.id]);
      styleInput(data, column, lists);
    }
  });
}

/**
 * Builds the .xlsx a department fills in offline: the 填报表 sheet (one row per field, by
 * section), one sheet per repeat table, and the hidden _kesu sheet naming the assignment and
 * form version, so the upload can be matched and checked.
 * @example const xlsx = await buildFormWorkbook(definition, { assignmentId: 'a1', formId: 'f1', version: 3, title: '2024 年度报表', regionName: '友谊县', departmentName: '县科协', period: '2024', dueDate: '2025-01-31' })
 */
export async function buildFormWorkbook(def: FormDefinition, ctx: WorkbookContext, values: Record<string, unknown> = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kesu';
  const lists = new OptionLists();
  const main = wb.addWorksheet(MAIN_SHEET);
  const taken = new Set([MAIN_SHEET.toLowerCase(), META_SHEET.toLowerCase()]);
  const tables = def.sections.flatMap((s) => s.fields.filter((f): f is TableField => f.type === 'repeat_table'));
  const tableSheets = new Map(tables.map((t) => [t.id, sheetNameFor(t.label, taken)]));
  writeMainSheet(main, def, ctx, values, tableSheets, lists);
  await main.protect('', PROTECTION);
  for (const table of tables) {
    const ws = wb.addWorksheet(tableSheets.get(table.id) ?? table.id);
    writeTableSheet(ws, table, values, lists);
    await ws.protect('', PROTECTION);
  }
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const pairs: Array<[string, string | number]> = [
    ['format', WORKBOOK_FORMAT],
    ['assignmentId', ctx.assignmentId],
    ['formId', ctx.formId],
    ['version', ctx.version],
    ...tables.map((t): [string, string] => [`table:${t.id}`, tableSheets.get(t.id) ?? '']),
  ];
  pairs.forEach(([k, v], i) => {
    meta.getCell(i + 1, 1).value = k;
    meta.getCell(i + 1, 2).value = v;
  });
  lists.write(meta);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Reading

type Raw =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; percentFormat: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'bad'; code: string; zh: string; en: string };

type Converted = { ok: true; value: unknown } | { ok: false; code: string; zh: string; en: string };

function richText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (run && typeof run === 'object' && 'text' in run ? asText(run.text) : '')).join('');
  }
  return null;
}

/** A cell's content reduced to one of a few kinds; formulas give their cached result. */
function rawOf(value: unknown, numFmt: string | undefined): Raw {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') return { kind: 'number', value, percentFormat: numFmt?.includes('%') ?? false };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  const text = richText(value);
  if (text !== null) return text.trim() === '' ? { kind: 'blank' } : { kind: 'text', value: text.trim() };
  if (typeof value !== 'object') return { kind: 'text', value: asText(value) };
  if ('error' in value) {
    const e = asText(value.error);
    return { kind: 'bad', code: 'cell_error', zh: `单元格是错误值 ${e}`, en: `holds the error value ${e}` };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    if (result === undefined) return { kind: 'bad', code: 'formula_not_calculated', zh: '含有未计算的公式，请在 Excel 中打开、保存后再上传', en: 'holds a formula with no calculated result; open and save it in Excel first' };
    return rawOf(result, numFmt);
  }
  if ('hyperlink' in value && 'text' in value) return rawOf(value.text, numFmt);
  return { kind: 'bad', code: 'unreadable_cell', zh: '单元格内容无法识别', en: 'holds content that cannot be read' };
}

function isoOf(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const year = d.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? d.toISOString().slice(0, 10) : null;
}

function parseDateText(s: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? isoOf(date) : null;
}

function excelSerialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return isoOf(new Date(epoch + Math.floor(serial) * 86_400_000));
}

/** A cell's content quoted for a message; English messages get straight quotes. */
function shown(raw: Raw, en = false): string {
  switch (raw.kind) {
    case 'text':
      return en ? `"${clip(raw.value, 40)}"` : `“${clip(raw.value, 40)}”`;
    case 'number':
      return String(raw.value);
    case 'boolean':
      return raw.value ? 'TRUE' : 'FALSE';
    case 'date':
      return isoOf(raw.value) ?? '日期';
    default:
      return '';
  }
}

function matchOption(field: { options: { value: string; label: string }[] }, token: string): string | undefined {
  return (field.options.find((o) => o.label === token) ?? field.options.find((o) => o.value === token))?.value;
}

const optionList = (field: { options: { label: string }[] }, sep: string) => clip(field.options.map((o) => o.label).join(sep), 200);

/** A cell converted to the submission value its field expects, or why it cannot be. */
function convert(field: ValueField, raw: Raw, date1904: boolean): Converted | null {
  if (raw.kind === 'blank') return null;
  if (raw.kind === 'bad') return { ok: false, code: raw.code, zh: raw.zh, en: raw.en };
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'percent': {
      let n: number;
      if (raw.kind === 'number') n = raw.value;
      else if (raw.kind === 'text' && PLAIN_NUMBER.test(raw.value)) n = Number(raw.value);
      else {
        return {
          ok: false,
          code: 'not_a_number',
          zh: `应填数字，单元格里是${shown(raw)}（请去掉千位分隔符、单位、空格等，只填数字）`,
          en: `must be a number, but the cell holds ${shown(raw, true)} (remove thousands separators, units and spaces)`,
        };
      }
      if (!Number.isFinite(n)) return { ok: false, code: 'not_a_number', zh: '不是有限的数字', en: 'is not a finite number' };
      // A cell formatted as a percentage stores 87.5% as 0.875; the form wants 87.5.
      if (field.type === 'percent' && raw.kind === 'number' && raw.percentFormat) n = Number((n * 100).toPrecision(12));
      return { ok: true, value: n };
    }
    case 'choice': {
      const token = raw.kind === 'number' ? String(raw.value) : raw.kind === 'text' ? raw.value : null;
      const value = token === null ? undefined : matchOption(field, token);
      if (value !== undefined) return { ok: true, value };
      return { ok: false, code: 'unknown_option', zh: `${shown(raw)}不是可选项，可选：${optionList(field, '、')}`, en: `${shown(raw, true)} is not one of the options: ${optionList(field, ', ')}` };
    }
    case 'multi_choice': {
      const text = raw.kind === 'number' ? String(raw.value) : raw.kind === 'text' ? raw.value : null;
      if (text === null) return { ok: false, code: 'unknown_option', zh: `应填选项名称，单元格里是${shown(raw)}`, en: `must list option labels, but the cell holds ${shown(raw, true)}` };
      const tokens = text.split(MULTI_SPLIT).map((t) => t.trim()).filter((t) => t !== '');
      const unknown = tokens.filter((t) => matchOption(field, t) === undefined);
      if (unknown.length > 0) {
        const list = unknown.map((t) => `“${clip(t, 20)}”`);
        const listEn = unknown.map((t) => `"${clip(t, 20)}"`);
        return { ok: false, code: 'unknown_option', zh: `${list.join('、')}不是可选项，可选：${optionList(field, '、')}`, en: `${listEn.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the options: ${optionList(field, ', ')}` };
      }
      return tokens.length === 0 ? null : { ok: true, value: tokens.map((t) => matchOption(field, t)) };
    }
    case 'yes_no': {
      if (raw.kind === 'boolean') return { ok: true, value: raw.value };
      const t = raw.kind === 'text' ? raw.value.toLowerCase() : '';
      if (['是', 'true', 'yes', 'y'].includes(t)) return { ok: true, value: true };
      if (['否', 'false', 'no', 'n'].includes(t)) return { ok: true, value: false };
      return { ok: false, code: 'invalid_yes_no', zh: `只能填“是”或“否”，单元格里是${shown(raw)}`, en: `must be 是 (yes) or 否 (no), but the cell holds ${shown(raw, true)}` };
    }
    case 'date': {
      const iso = raw.kind === 'date' ? isoOf(raw.value) : raw.kind === 'number' ? excelSerialDate(raw.value, date1904) : raw.kind === 'text' ? parseDateText(raw.value) : null;
      if (iso !== null) return { ok: true, value: iso };
      return { ok: false, code: 'invalid_date', zh: `${shown(raw)}不是有效日期，请按 YYYY-MM-DD 填写`, en: `${shown(raw, true)} is not a valid date; use YYYY-MM-DD` };
    }
    case 'text':
    case 'long_text': {
      if (raw.kind === 'text') return { ok: true, value: raw.value.replace(/\r\n?/g, '\n') };
      if (raw.kind === 'number') return { ok: true, value: String(raw.value) };
      if (raw.kind === 'date') return { ok: true, value: isoOf(raw.value) ?? '' };
      return { ok: true, value: raw.value ? 'TRUE' : 'FALSE' };
    }
  }
}

interface Place {
  sheet: string;
  cell: string;
  labels: Labels;
}

interface TablePlace {
  field: TableField;
  sheet: string;
  /** Sheet row of each submitted row. */
  rows: number[];
  columns: Map<string, number>;
}

interface ReadState {
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

function fileError(code: string, message: string, messageEn: string, sheet = '', cell = ''): WorkbookError {
  return { sheet, cell, field: '', path: '', code, message, messageEn };
}

function at(place: Place): { zh: string; en: string } {
  const where = place.cell ? `${place.sheet}!${place.cell}` : place.sheet;
  return { zh: `${where}「${place.labels.zh}」`, en: `${where} "${place.labels.en}"` };
}

function cellError(state: ReadState, place: Place, path: string, code: string, zh: string, en: string): void {
  const prefix = at(place);
  state.errors.push({ sheet: place.sheet, cell: place.cell, field: place.labels.zh, path, code, message: `${prefix.zh}${zh}`, messageEn: `${prefix.en} ${en}` });
}

/** Why bytes that are not a ZIP are not a workbook, in words a reporter recognises. */
function notXlsx(bytes: Uint8Array, message: string, messageEn: string): WorkbookError {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') {
    return fileError('not_xlsx', '这是 PDF 文件，请上传下载的 Excel 填报表（.xlsx）', 'This is a PDF; upload the downloaded Excel workbook (.xlsx)');
  }
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return fileError('not_xlsx', '这是旧版 Excel（.xls）文件，请另存为 .xlsx 后上传', 'This is an old Excel (.xls) file; save it as .xlsx and upload again');
  }
  return fileError('not_xlsx', message, messageEn);
}

type Meta = Map<string, { value: string; row: number }>;

function metaValues(ws: ExcelJS.Worksheet): Meta {
  const out: Meta = new Map();
  ws.eachRow((row, n) => {
    const key = rawOf(row.getCell(1).value, undefined);
    const value = rawOf(row.getCell(2).value, undefined);
    if (key.kind === 'text') out.set(key.value, { value: value.kind === 'text' || value.kind === 'number' ? String(value.value) : '', row: n });
  });
  return out;
}

/** The _kesu sheet's pairs, or why the file is not the workbook made for this assignment and form version. */
function checkMeta(wb: ExcelJS.Workbook, expected: { assignmentId: string; formId: string; version: number }): { meta: Meta } | { error: WorkbookError } {
  const fail = (error: WorkbookError) => ({ error });
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) {
    return fail(fileError(
      'missing_metadata',
      `文件缺少隐藏的「${META_SHEET}」工作表，无法确认对应哪项填报任务；请上传从本系统下载的填报表`,
      `The hidden "${META_SHEET}" sheet is missing, so the file cannot be matched to an assignment; upload the workbook downloaded from Kesu`,
      META_SHEET,
    ));
  }
  const meta = metaValues(ws);
  const get = (key: string) => meta.get(key) ?? { value: '', row: 0 };
  const cellOf = (key: string) => (get(key).row ? `B${get(key).row}` : '');
  if (get('format').value !== WORKBOOK_FORMAT) {
    return fail(fileError('unknown_format', '文件不是本系统生成的填报表格式', 'The file is not in the Kesu workbook format', META_SHEET, cellOf('format')));
  }
  const assignment = get('assignmentId').value;
  if (assignment !== expected.assignmentId) {
    return fail(fileError(
      'wrong_assignment',
      `此文件属于另一项填报任务（${assignment || '未知'}），不是当前任务（${expected.assignmentId}）`,
      `This file belongs to another assignment (${assignment || 'unknown'}), not this one (${expected.assignmentId})`,
      META_SHEET,
      cellOf('assignmentId'),
    ));
  }
  const form = get('formId').value;
  if (form !== expected.formId) {
    return fail(fileError('wrong_form', `此文件对应另一张表单（${form || '未知'}），不是当前表单（${expected.formId}）`, `This file is for another form (${form || 'unknown'}), not this one (${expected.formId})`, META_SHEET, cellOf('formId')));
  }
  const version = get('version').value;
  if (version !== String(expected.version)) {
    return fail(fileError(
      'stale_version',
      `此文件是按第 ${version || '?'} 版表单生成的，当前表单为第 ${expected.version} 版；请重新下载填报表，把数据填入新表后上传`,
      `This file was made for version ${version || '?'} of the form, but the form is now version ${expected.version}; download the workbook again and fill in the new one`,
      META_SHEET,
      cellOf('version'),
    ));
  }
  return { meta };
}

function readMain(state: ReadState, ws: ExcelJS.Worksheet): void {
  const fields = new Map(state.def.sections.flatMap((s) => s.fields).map((f) => [f.id, f]));
  ws.eachRow((row, n) => {
    const code = rawOf(row.getCell(COL.code).value, undefined);
    if (code.kind === 'blank' || (code.kind === 'text' && code.value === MAIN_HEADER[COL.code - 1])) return;
    const id = code.kind === 'text' ? code.value : shown(code);
    const field = fields.get(id);
    const place: Place = { sheet: MAIN_SHEET, cell: `F${n}`, labels: { zh: id, en: id } };
    if (!field) {
      cellError(state, place, '', 'unknown_field', '不是本表的字段代码；请不要改动“字段代码”列', 'is not a field code of this form; leave the field-code column unchanged');
    } else if (state.mainRows.has(id)) {
      cellError(state, place, id, 'duplicate_field', `重复出现（已在第 ${state.mainRows.get(id)} 行）`, `appears twice (already in row ${state.mainRows.get(id)})`);
    } else {
      state.mainRows.set(id, n);
    }
  });
  for (const field of fields.values()) {
    if (field.type === 'repeat_table' || ('computed' in field && field.computed)) continue;
    const row = state.mainRows.get(field.id);
    const labels = labelsOf(field);
    if (row === undefined) {
      cellError(state, { sheet: MAIN_SHEET, cell: '', labels }, field.id, 'missing_field', '所在行缺失，请重新下载填报表', 'has no row in the sheet; download the workbook again');
      continue;
    }
    const cell = ws.getRow(row).getCell(COL.value);
    const result = convert(field, rawOf(cell.value, cell.numFmt), state.date1904);
    if (result === null) continue;
    if (result.ok) state.values[field.id] = result.value;
    else {
      state.badPaths.add(field.id);
      cellError(state, { sheet: MAIN_SHEET, cell: `B${row}`, labels }, field.id, result.code, result.zh, result.en);
    }
  }
}

/** The sheet holding a table: the one _kesu names, else any whose hidden id row names the table. */
function findTableSheet(wb: ExcelJS.Workbook, field: TableField, named: string | undefined): ExcelJS.Worksheet | undefined {
  const holds = (ws: ExcelJS.Worksheet) => {
    const first = rawOf(ws.getRow(TABLE_ID_ROW).getCell(1).value, undefined);
    return first.kind === 'text' && first.value.startsWith(`${field.id}.`);
  };
  const byName = named === undefined ? undefined : wb.getWorksheet(named);
  if (byName && holds(byName)) return byName;
  return wb.worksheets.find((ws) => ws.name !== META_SHEET && ws.name !== MAIN_SHEET && holds(ws));
}

function readTable(state: ReadState, wb: ExcelJS.Workbook, field: TableField, named: string | undefined): void {
  const ws = findTableSheet(wb, field, named);
  const labels = labelsOf(field);
  if (!ws) {
    cellError(state, { sheet: named ?? field.label, cell: '', labels }, field.id, 'missing_sheet', '所在工作表缺失，请重新下载填报表', 'has no sheet in the file; download the workbook again');
    return;
  }
  const columns = new Map<string, number>();
  ws.getRow(TABLE_ID_ROW).eachCell((cell, c) => {
    const raw = rawOf(cell.value, undefined);
    if (raw.kind === 'text' && raw.value.startsWith(`${field.id}.`)) columns.set(raw.value.slice(field.id.length + 1), c);
  });
  const mapped = field.columns.map((column) => ({ column, col: columns.get(column.id) }));
  const missing = mapped.filter((m) => m.col === undefined).map((m) => m.column);
  if (missing.length > 0) {
    const names = missing.map((c) => c.label);
    cellError(state, { sheet: ws.name, cell: 'A1', labels }, field.id, 'missing_column', `缺少列：${names.join('、')}；请重新下载填报表`, `lacks columns: ${missing.map((c) => c.labelEn ?? c.id).join(', ')}; download the workbook again`);
    return;
  }
  const place: TablePlace = { field, sheet: ws.name, rows: [], columns };
  state.tables.set(field.id, place);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n < TABLE_DATA_ROW) return;
    const raws = mapped.map(({ column, col = 1 }) => {
      const cell = row.getCell(col);
      return { column, col, raw: rawOf(cell.value, cell.numFmt) };
    });
    if (raws.every((x) => x.raw.kind === 'blank')) return;
    const index = rows.length;
    const out: Record<string, unknown> = {};
    for (const { column, col, raw } of raws) {
      const result = convert(column, raw, state.date1904);
      if (result === null) continue;
      const path = `${field.id}[${index}].${column.id}`;
      if (result.ok) out[column.id] = result.value;
      else {
        state.badPaths.add(path);
        cellError(state, { sheet: ws.name, cell: `${columnLetter(col)}${n}`, labels: labelsOf(column) }, path, result.code, result.zh, result.en);
      }
    }
    rows.push(out);
    place.rows.push(n);
  });
  if (rows.length > 0) state.values[field.id] = rows;
}

function parsePath(path: string): Array<string | number> {
  return [...path.matchAll(/([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? (m[1] ?? '') : Number(m[2])));
}

/** The sheet and cell a validator path points at, with the labels of what the cell holds. */
function locate(state: ReadState, parts: Array<string | number>): Place {
  const [id, index, column] = parts;
  const table = typeof id === 'string' ? state.tables.get(id) : undefined;
  if (table) {
    const row = typeof index === 'number' ? table.rows[index] : undefined;
    const col = typeof column === 'string' ? table.field.columns.find((c) => c.id === column) : undefined;
    if (row !== undefined && col) return { sheet: table.sheet, cell: `${columnLetter(table.columns.get(col.id) ?? 1)}${row}`, labels: labelsOf(col) };
    return { sheet: table.sheet, cell: `A${row ?? TABLE_DATA_ROW}`, labels: labelsOf(table.field) };
  }
  const field = typeof id === 'string' ? state.def.sections.flatMap((s) => s.fields).find((f) => f.id === id) : undefined;
  const row = typeof id === 'string' ? state.mainRows.get(id) : undefined;
  return { sheet: MAIN_SHEET, cell: row === undefined ? '' : `B${row}`, labels: field ? labelsOf(field) : { zh: '', en: '' } };
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

function stripPrefix(message: string, prefix: string): string {
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

function mapValidationErrors(state: ReadState, errors: ErrorDetail[], labelOf: (path: readonly PropertyKey[]) => Labels): void {
  const duplicates = new Map<string, Array<[number, number]>>();
  for (const error of errors) {
    const parts = parsePath(error.path);
    const id = parts[0];
    if (state.badPaths.has(error.path) || (typeof id === 'string' && state.badPaths.has(id))) continue;
    const table = typeof id === 'string' ? state.tables.get(id) : undefined;
    if (error.code === 'duplicate_row' && table && typeof id === 'string') {
      const pairs = duplicates.get(id) ?? duplicatePairs(table.field, state.values[id]);
      duplicates.set(id, pairs);
      const [row, first] = pairs.shift() ?? [0, 0];
      const rowAt = table.rows[row - 1];
      const firstAt = table.rows[first - 1];
      if (rowAt !== undefined && firstAt !== undefined) {
        const key = table.field.columns.find((c) => c.id === table.field.uniqueBy[0]) ?? table.field.columns[0];
        const keyCol = columnLetter(table.columns.get(key?.id ?? '') ?? 1);
        const by = table.field.uniqueBy.map((u) => table.field.columns.find((c) => c.id === u));
        const place = { sheet: table.sheet, cell: `${keyCol}${rowAt}`, labels: labelsOf(table.field) };
        cellError(
          state,
          place,
          error.path,
          error.code,
          `第 ${rowAt} 行与第 ${firstAt} 行重复（${by.map((c) => c?.label ?? '').join('、')}相同）`,
          `row ${rowAt} repeats row ${firstAt} (same ${by.map((c) => (c ? (c.labelEn ?? c.id) : '')).join(', ')})`,
        );
        continue;
      }
    }
    if (error.path === '') {
      state.errors.push({ sheet: MAIN_SHEET, cell: '', field: '', path: '', code: error.code, message: error.message, messageEn: error.messageEn });
      continue;
    }
    const place = locate(state, parts);
    const original = labelOf(parts);
    const zh = stripPrefix(error.message, `「${original.zh}」`);
    const en = stripPrefix(error.messageEn, `"${original.en}" `);
    cellError(state, place, error.path, error.code, zh, en);
  }
}

function capped(errors: WorkbookError[]): WorkbookError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const rest = errors.length - (MAX_ERRORS - 1);
  return [
    ...errors.slice(0, MAX_ERRORS - 1),
    fileError('too_many_errors', `另有 ${rest} 处错误未列出，请先改正以上错误`, `${rest} more problems are not listed; fix the ones above first`, MAIN_SHEET),
  ];
}

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

/**
 * Reads a filled-in workbook back into submission values, checked whole: the file (ZIP
 * limits, readable .xlsx), the assignment and form version it was made for, every cell,
 * then the form's own validator. Every error names its sheet!cell and field in zh-CN and
 * English; nothing is returned unless the whole file is valid.
 * @example const r = await readFormWorkbook(bytes, definition, { assignmentId: 'a1', formId: 'f1', version: 3 }); if (r.ok) save(r.values)
 */
export async function readFormWorkbook(
  bytes: Uint8Array,
  def: FormDefinition,
  expected: { assignmentId: string; formId: string; version: number },
): Promise<WorkbookReadResult> {
  // The directory check is free; the capped inflate runs only on archives that pass it.
  const first = checkZip(bytes);
  const zip = first.ok ? verifyZipSizes(bytes) : first;
  if (!zip.ok) {
    const error = zip.code === 'not_zip' ? notXlsx(bytes, zip.message, zip.messageEn) : fileError(zip.code, zip.message, zip.messageEn);
    return { ok: false, errors: [error] };
  }
  const wb = await loadWorkbook(bytes);
  if (!wb) {
    return { ok: false, errors: [fileError('malformed', '文件已损坏，无法作为 Excel 打开；请重新下载填报表', 'The file is damaged and cannot be read as Excel; download the workbook again')] };
  }
  const checked = checkMeta(wb, expected);
  if ('error' in checked) return { ok: false, errors: [checked.error] };
  const main = wb.getWorksheet(MAIN_SHEET);
  if (!main) {
    return { ok: false, errors: [fileError('missing_sheet', `文件缺少「${MAIN_SHEET}」工作表，请重新下载填报表`, `The "${MAIN_SHEET}" sheet is missing; download the workbook again`, MAIN_SHEET)] };
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
  for (const field of def.sections.flatMap((s) => s.fields)) {
    if (field.type === 'repeat_table') readTable(state, wb, field, checked.meta.get(`table:${field.id}`)?.value);
  }
  const form = compileForm(def);
  const result = form.validate(state.values);
  if (!result.ok) mapValidationErrors(state, result.errors, form.labelOf);
  if (state.errors.length > 0 || !result.ok) return { ok: false, errors: capped(state.errors) };
  return { ok: true, assignmentId: expected.assignmentId, formId: expected.formId, version: expected.version, values: result.values, warnings: result.warnings };
}
