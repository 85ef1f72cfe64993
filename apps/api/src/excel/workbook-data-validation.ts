import type ExcelJS from 'exceljs';
import { clip, isoToDate, MULTI_SEPARATOR, optionLabels } from './workbook-cells.js';
import { columnLetter, META_SHEET, type ValueField } from './workbook-layout.js';

// Mirrors the form compiler's bounds so Excel rejects what the server would.
const COUNT_MAX = 1e12;
const DECIMAL_MAX = 1e15;
const FIRST_DATE = '1900-01-01';
const LAST_DATE = '9999-12-31';

const BASE = {
  allowBlank: true,
  showErrorMessage: true,
  showInputMessage: true,
  errorStyle: 'stop',
  errorTitle: '填写有误',
};

type DateField = Extract<ValueField, { type: 'date' }>;
type MultiChoiceField = Extract<ValueField, { type: 'multi_choice' }>;

/** Choice lists too long or too odd for an inline `"a,b"` list go to columns of the hidden sheet. */
export class OptionLists {
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
    this.columns.forEach((labels, i) =>
      labels.forEach((label, r) => (ws.getCell(r + 1, this.firstColumn + i).value = label)),
    );
  }
}

/** Excel's own check of an input cell, with a prompt and an error message naming the field. */
export function validationFor(field: ValueField, lists: OptionLists): ExcelJS.DataValidation {
  const label = clip(field.label, 60);
  switch (field.type) {
    case 'integer':
      return rangeRule(field, label, field.min ?? 0, field.max ?? COUNT_MAX, '整数');
    case 'decimal':
      return rangeRule(
        field,
        label,
        field.min ?? -DECIMAL_MAX,
        field.max ?? DECIMAL_MAX,
        `数字（最多 ${field.scale} 位小数）`,
      );
    case 'percent':
      return rangeRule(
        field,
        label,
        field.min ?? 0,
        field.max ?? 100,
        `百分数（87.5% 填 87.5，最多 ${field.scale} 位小数）`,
      );
    case 'choice':
      return {
        ...BASE,
        type: 'list',
        formulae: [lists.formula(optionLabels(field))],
        error: clip(`「${label}」请从下拉列表中选择`, 250),
      };
    case 'yes_no':
      return { ...BASE, type: 'list', formulae: ['"是,否"'], error: `「${label}」只能填“是”或“否”` };
    case 'multi_choice':
      return multiChoiceRule(field, label);
    case 'date':
      return dateRule(field, label);
    case 'text':
    case 'long_text':
      return {
        ...BASE,
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [field.maxLength],
        error: `「${label}」不能超过 ${field.maxLength} 个字符`,
      };
    default:
      return field satisfies never;
  }
}

function rangeRule(field: ValueField, label: string, lo: number, hi: number, kind: string): ExcelJS.DataValidation {
  return {
    ...BASE,
    type: field.type === 'integer' ? 'whole' : 'decimal',
    operator: 'between',
    formulae: [lo, hi],
    promptTitle: clip(field.label, 30),
    prompt: clip(`${kind}，${lo} 至 ${hi}`, 250),
    error: clip(`「${label}」应为 ${lo} 至 ${hi} 之间的${kind}`, 250),
  };
}

// Excel cannot check a list of several choices, so only the length is capped and the options are prompted.
function multiChoiceRule(field: MultiChoiceField, label: string): ExcelJS.DataValidation {
  return {
    ...BASE,
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [field.options.reduce((n, o) => n + o.label.length + 1, 0)],
    promptTitle: '可多选，用「、」分隔',
    prompt: clip(optionLabels(field).join(MULTI_SEPARATOR), 250),
    error: clip(`「${label}」请填写选项名称，用「、」分隔`, 250),
  };
}

function dateRule(field: DateField, label: string): ExcelJS.DataValidation {
  return {
    ...BASE,
    type: 'date',
    operator: 'between',
    formulae: [isoToDate(field.min ?? FIRST_DATE), isoToDate(field.max ?? LAST_DATE)],
    promptTitle: '日期',
    prompt: `格式 YYYY-MM-DD${field.min || field.max ? `，${field.min ?? '…'} 至 ${field.max ?? '…'}` : ''}`,
    error: `「${label}」应为 ${field.min ?? FIRST_DATE} 至 ${field.max ?? LAST_DATE} 之间的日期（YYYY-MM-DD）`,
  };
}
