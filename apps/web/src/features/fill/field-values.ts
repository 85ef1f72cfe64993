import { formatQuantity, labelWithUnit, unitText, type ColumnField, type Field } from '@kesu/schema';
import { contentLang, i18n, pick } from '../../i18n';

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * What a number box holds as a value: blank → null, a number → the number (thousands commas
 * allowed), anything else stays text so the validator can say what is wrong with it.
 * @example parseNumberInput('1,200') // 1200
 */
export function parseNumberInput(text: string): number | string | null {
  const trimmed = text.trim().replace(/[,，]/g, '');
  if (trimmed === '') return null;
  return NUMBER.test(trimmed) ? Number(trimmed) : text;
}

function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * A value as text for reading (review, last period): choices by their labels, yes/no in words,
 * numbers with their unit and every digit (a reviewer checks them against the source).
 */
export function formatValue(field: Field | ColumnField, value: unknown): string {
  const t = i18n.global.t;
  if (isBlankValue(value)) return '—';
  switch (field.type) {
    case 'yes_no':
      return value === true ? t('survey.yes') : value === false ? t('survey.no') : String(value);
    case 'choice': {
      const option = field.options.find((o) => o.value === value);
      return option ? pick(option.label, option.labelEn) : String(value);
    }
    case 'multi_choice':
      return Array.isArray(value)
        ? value.map((v) => formatValue({ ...field, type: 'choice' }, v)).join('、')
        : String(value);
    case 'percent':
      return typeof value === 'number'
        ? formatQuantity(value, fieldUnit(field), { lang: contentLang(), exact: true, digits: field.scale ?? 2 })
        : String(value);
    case 'integer':
      return typeof value === 'number'
        ? formatQuantity(value, field.unit, { lang: contentLang(), exact: true, digits: 0 })
        : String(value);
    case 'decimal':
      return typeof value === 'number'
        ? formatQuantity(value, field.unit, { lang: contentLang(), exact: true, digits: field.scale ?? 2 })
        : String(value);
    case 'repeat_table':
      return Array.isArray(value) ? t('survey.rows', { n: value.length }) : String(value);
    case 'text':
    case 'long_text':
    case 'date':
      return String(value);
    default:
      return field satisfies never;
  }
}

/** The unit a field's numbers are counted in: its own, % for a percentage, none for the rest. */
export function fieldUnit(field: Field | ColumnField | undefined): string | undefined {
  if (!field) return undefined;
  if (field.type === 'percent') return '%';
  return 'unit' in field ? field.unit : undefined;
}

/** What follows a label to say its unit, unless the label says it already: （场次）, (sessions), or ''. */
export function unitSuffix(label: string, unit: string | undefined): string {
  return labelWithUnit(label, unit, contentLang()).slice(label.length);
}

/** A unit as written after a number box in the current language: 人次, person-times ('' for 个 in English). */
export function unitWords(unit: string | undefined): string {
  return unitText(unit, contentLang());
}

/** A field's label in the current language. */
export function fieldLabel(field: { label: string; labelEn?: string | undefined }): string {
  return pick(field.label, field.labelEn);
}
