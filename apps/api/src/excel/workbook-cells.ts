import type ExcelJS from 'exceljs';
import type { ValueField } from './workbook-layout.js';

export const MULTI_SEPARATOR = '、';
const MULTI_SPLIT = /[、,，;；\n]+/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

type Options = { options: { value: string; label: string }[] };

export function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

export function isoToDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function optionLabels(field: { options: { label: string }[] }): string[] {
  return field.options.map((o) => o.label);
}

function optionLabel(field: Options, value: unknown): string {
  return field.options.find((o) => o.value === value)?.label ?? asText(value);
}

// Writing: a submission value as the cell shows it.

/** A submission value as the cell shows it: numbers, option labels, 是/否, dates. */
export function toCellValue(field: ValueField, value: unknown): ExcelJS.CellValue {
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
    case 'date':
      return dateCellValue(value);
    case 'text':
    case 'long_text':
      return asText(value);
    default:
      return field satisfies never;
  }
}

// Date() rolls 2023-02-30 over into March; only a date that survives the round trip is written as one.
function dateCellValue(value: unknown): ExcelJS.CellValue {
  const date = typeof value === 'string' && ISO_DATE.test(value) ? isoToDate(value) : null;
  return date && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(asText(value)) ? date : asText(value);
}

/** The cell's number format: whole numbers, the field's decimals, a date, or text (`@`) for the rest. */
export function numberFormat(field: ValueField): string {
  switch (field.type) {
    case 'integer':
      return '0';
    case 'decimal':
    case 'percent':
      return field.scale === 0 ? '0' : `0.${'0'.repeat(field.scale)}`;
    case 'date':
      return 'yyyy-mm-dd';
    case 'text':
    case 'long_text':
    case 'choice':
    case 'multi_choice':
    case 'yes_no':
      return '@';
    default:
      return field satisfies never;
  }
}

// Reading: what a reporter typed, back to a submission value.

export type Raw =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; percentFormat: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'bad'; code: string; zh: string; en: string };

/** A cell that holds something a field could take. */
type Present = Exclude<Raw, { kind: 'blank' | 'bad' }>;

export type Converted = { ok: true; value: unknown } | { ok: false; code: string; zh: string; en: string };

function richText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (run && typeof run === 'object' && 'text' in run ? asText(run.text) : ''))
      .join('');
  }
  return null;
}

/** A cell's content reduced to one of a few kinds; formulas give their cached result. */
export function rawOf(value: unknown, numFmt?: string): Raw {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') return { kind: 'number', value, percentFormat: numFmt?.includes('%') ?? false };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  const text = richText(value);
  if (text !== null) return text.trim() === '' ? { kind: 'blank' } : { kind: 'text', value: text.trim() };
  if (typeof value !== 'object') return { kind: 'text', value: asText(value) };
  return rawOfObject(value, numFmt);
}

/** Error values, formulas and links: the exceljs cell values that wrap another value. */
function rawOfObject(value: object, numFmt: string | undefined): Raw {
  if ('error' in value) {
    const e = asText(value.error);
    return { kind: 'bad', code: 'cell_error', zh: `单元格是错误值 ${e}`, en: `holds the error value ${e}` };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    if (result === undefined)
      return {
        kind: 'bad',
        code: 'formula_not_calculated',
        zh: '含有未计算的公式，请在 Excel 中打开、保存后再上传',
        en: 'holds a formula with no calculated result; open and save it in Excel first',
      };
    return rawOf(result, numFmt);
  }
  if ('hyperlink' in value && 'text' in value) return rawOf(value.text, numFmt);
  return { kind: 'bad', code: 'unreadable_cell', zh: '单元格内容无法识别', en: 'holds content that cannot be read' };
}

export function readCell(cell: ExcelJS.Cell): Raw {
  return rawOf(cell.value, cell.numFmt);
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
export function shown(raw: Raw, en = false): string {
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

function matchOption(field: Options, token: string): string | undefined {
  return (field.options.find((o) => o.label === token) ?? field.options.find((o) => o.value === token))?.value;
}

const optionList = (field: Options, sep: string) => clip(optionLabels(field).join(sep), 200);

// A number typed into a choice cell may still name an option whose label or value is digits.
function tokenOf(raw: Present): string | null {
  return raw.kind === 'number' ? String(raw.value) : raw.kind === 'text' ? raw.value : null;
}

/** A cell converted to the submission value its field expects, or why it cannot be. */
export function convert(field: ValueField, raw: Raw, date1904: boolean): Converted | null {
  if (raw.kind === 'blank') return null;
  if (raw.kind === 'bad') return { ok: false, code: raw.code, zh: raw.zh, en: raw.en };
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'percent':
      return toNumber(raw, field.type === 'percent');
    case 'choice':
      return toChoice(field, raw);
    case 'multi_choice':
      return toChoices(field, raw);
    case 'yes_no':
      return toYesNo(raw);
    case 'date':
      return toDate(raw, date1904);
    case 'text':
    case 'long_text':
      return toText(raw);
    default:
      return field satisfies never;
  }
}

function toNumber(raw: Present, percent: boolean): Converted {
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
  if (!Number.isFinite(n))
    return { ok: false, code: 'not_a_number', zh: '不是有限的数字', en: 'is not a finite number' };
  // A cell formatted as a percentage stores 87.5% as 0.875; the form wants 87.5.
  if (percent && raw.kind === 'number' && raw.percentFormat) n = Number((n * 100).toPrecision(12));
  return { ok: true, value: n };
}

function toChoice(field: Options, raw: Present): Converted {
  const token = tokenOf(raw);
  const value = token === null ? undefined : matchOption(field, token);
  if (value !== undefined) return { ok: true, value };
  return {
    ok: false,
    code: 'unknown_option',
    zh: `${shown(raw)}不是可选项，可选：${optionList(field, '、')}`,
    en: `${shown(raw, true)} is not one of the options: ${optionList(field, ', ')}`,
  };
}

function toChoices(field: Options, raw: Present): Converted | null {
  const text = tokenOf(raw);
  if (text === null)
    return {
      ok: false,
      code: 'unknown_option',
      zh: `应填选项名称，单元格里是${shown(raw)}`,
      en: `must list option labels, but the cell holds ${shown(raw, true)}`,
    };
  const tokens = text
    .split(MULTI_SPLIT)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const unknown = tokens.filter((t) => matchOption(field, t) === undefined);
  if (unknown.length > 0) {
    const list = unknown.map((t) => `“${clip(t, 20)}”`);
    const listEn = unknown.map((t) => `"${clip(t, 20)}"`);
    return {
      ok: false,
      code: 'unknown_option',
      zh: `${list.join('、')}不是可选项，可选：${optionList(field, '、')}`,
      en:
        `${listEn.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} ` +
        `not among the options: ${optionList(field, ', ')}`,
    };
  }
  return tokens.length === 0 ? null : { ok: true, value: tokens.map((t) => matchOption(field, t)) };
}

function toYesNo(raw: Present): Converted {
  if (raw.kind === 'boolean') return { ok: true, value: raw.value };
  const t = raw.kind === 'text' ? raw.value.toLowerCase() : '';
  if (['是', 'true', 'yes', 'y'].includes(t)) return { ok: true, value: true };
  if (['否', 'false', 'no', 'n'].includes(t)) return { ok: true, value: false };
  return {
    ok: false,
    code: 'invalid_yes_no',
    zh: `只能填“是”或“否”，单元格里是${shown(raw)}`,
    en: `must be 是 (yes) or 否 (no), but the cell holds ${shown(raw, true)}`,
  };
}

function toDate(raw: Present, date1904: boolean): Converted {
  const iso =
    raw.kind === 'date'
      ? isoOf(raw.value)
      : raw.kind === 'number'
        ? excelSerialDate(raw.value, date1904)
        : raw.kind === 'text'
          ? parseDateText(raw.value)
          : null;
  if (iso !== null) return { ok: true, value: iso };
  return {
    ok: false,
    code: 'invalid_date',
    zh: `${shown(raw)}不是有效日期，请按 YYYY-MM-DD 填写`,
    en: `${shown(raw, true)} is not a valid date; use YYYY-MM-DD`,
  };
}

function toText(raw: Present): Converted {
  if (raw.kind === 'text') return { ok: true, value: raw.value.replace(/\r\n?/g, '\n') };
  if (raw.kind === 'number') return { ok: true, value: String(raw.value) };
  if (raw.kind === 'date') return { ok: true, value: isoOf(raw.value) ?? '' };
  return { ok: true, value: raw.value ? 'TRUE' : 'FALSE' };
}
