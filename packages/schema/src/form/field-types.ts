import * as z from 'zod';
import type { ColumnField, Field, FieldType } from './definition.js';

type FieldOf<T extends FieldType> = Extract<Field, { type: T }>;

/** What each field type accepts, one entry per type; blanks are handled by the compiler. */
export interface FieldTypeRules<T extends FieldType> {
  labelZh: string;
  labelEn: string;
  numeric: boolean;
  value: (field: FieldOf<T>) => z.ZodType;
}

// Counts cannot be negative and beyond 10^12 nothing reported here is plausible.
const COUNT_MAX = 1e12;

function number(field: { min?: number | undefined; max?: number | undefined }, min: number | undefined, max: number) {
  let s = z.number().finite();
  const lo = field.min ?? min;
  if (lo !== undefined) s = s.min(lo);
  return s.max(field.max ?? max);
}

function decimals(scale: number) {
  return (n: number) => Math.abs(Math.round(n * 10 ** scale) - n * 10 ** scale) < 1e-6;
}

const tooManyDecimals = (scale: number) => ({
  error: `at most ${scale} decimal places`,
  params: { code: 'too_many_decimals', zh: `最多保留 ${scale} 位小数`, en: `may have at most ${scale} decimal places` },
});

function options(field: { options: { value: string }[] }) {
  return z.enum(field.options.map((o) => o.value) as [string, ...string[]]);
}

export const fieldTypes: { [T in FieldType]: FieldTypeRules<T> } = {
  integer: { labelZh: '整数', labelEn: 'Integer', numeric: true, value: (f) => number(f, 0, COUNT_MAX).int() },
  decimal: {
    labelZh: '小数',
    labelEn: 'Decimal',
    numeric: true,
    value: (f) => number(f, undefined, 1e15).refine(decimals(f.scale), tooManyDecimals(f.scale)),
  },
  percent: {
    labelZh: '百分比',
    labelEn: 'Percent',
    numeric: true,
    value: (f) => number(f, 0, 100).refine(decimals(f.scale), tooManyDecimals(f.scale)),
  },
  text: {
    labelZh: '单行文本',
    labelEn: 'Text',
    numeric: false,
    value: (f) => {
      const s = z.string().max(f.maxLength);
      if (f.pattern === undefined) return s;
      const re = new RegExp(`^(?:${f.pattern})$`, 'u');
      return s.refine((v) => re.test(v), {
        error: 'pattern',
        params: { code: 'pattern', zh: '格式不符合要求', en: 'does not match the required format' },
      });
    },
  },
  long_text: { labelZh: '多行文本', labelEn: 'Long text', numeric: false, value: (f) => z.string().max(f.maxLength) },
  choice: { labelZh: '单选', labelEn: 'Choice', numeric: false, value: options },
  multi_choice: {
    labelZh: '多选',
    labelEn: 'Multiple choice',
    numeric: false,
    value: (f) => {
      let s = z.array(options(f)).max(f.maxSelected ?? f.options.length);
      if (f.minSelected !== undefined) s = s.min(f.minSelected);
      return s.refine((v) => new Set(v).size === v.length, {
        error: 'duplicate choice',
        params: { code: 'duplicate_choice', zh: '重复选择了同一项', en: 'lists the same choice twice' },
      });
    },
  },
  date: {
    labelZh: '日期',
    labelEn: 'Date',
    numeric: false,
    value: (f) =>
      z.iso.date().refine((v) => (f.min === undefined || v >= f.min) && (f.max === undefined || v <= f.max), {
        error: 'date out of range',
        params: {
          code: 'date_out_of_range',
          zh: `应在 ${f.min ?? '…'} 至 ${f.max ?? '…'} 之间`,
          en: `must be between ${f.min ?? '…'} and ${f.max ?? '…'}`,
        },
      }),
  },
  yes_no: { labelZh: '是/否', labelEn: 'Yes / no', numeric: false, value: () => z.boolean() },
  repeat_table: {
    labelZh: '重复表格',
    labelEn: 'Repeat table',
    numeric: false,
    value: (f) =>
      z
        .array(z.strictObject(Object.fromEntries(f.columns.map((c) => [c.id, blankable(c)]))))
        .min(f.minRows)
        .max(f.maxRows),
  },
};

/** A field's value schema, accepting a blank (null or absent). */
export function blankable(field: Field | ColumnField): z.ZodType {
  const rules = fieldTypes[field.type] as FieldTypeRules<FieldType>;
  return rules
    .value(field as never)
    .nullable()
    .optional();
}

export type NumericField = Extract<Field | ColumnField, { type: 'integer' | 'decimal' | 'percent' }>;

/** Whether a field takes a number, as its type's rules say. */
export function isNumericField(field: Field | ColumnField): field is NumericField {
  return fieldTypes[field.type].numeric;
}
