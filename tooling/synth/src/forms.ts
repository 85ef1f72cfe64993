import {
  FormDefinition,
  type DepartmentFunction,
  type FieldInput,
  type FormDefinitionInput,
  type Indicator,
  type IndicatorCatalog,
} from '@kesu/schema';
import { REPORTING_FUNCTIONS, type ReportingFunction } from './departments.js';
import { FORM_SPECS, type FieldSpec } from './form-specs.js';

/** How a value is written: counts as integers, money and averages with two decimals, rates with one. */
export type NumberFormat = 'integer' | 'decimal' | 'percent';

/** One numeric field of a form: a total or one of its 其中 sub-totals. */
export interface NumericField {
  id: string;
  label: string;
  format: NumberFormat;
}

/** A catalog indicator on a form: its total field, then a field per sub-total. */
export interface IndicatorGroup {
  spec: FieldSpec;
  indicator: Indicator;
  total: NumericField;
  parts: NumericField[];
}

/** A national quarterly form for one department function, with the layout values are written in. */
export interface SynthForm {
  /** Position in REPORTING_FUNCTIONS, which numbers the form's id and its assignments. */
  index: number;
  reporting: ReportingFunction;
  fn: DepartmentFunction;
  definition: FormDefinition;
  groups: IndicatorGroup[];
}

/** The optional free-text field every form ends with, filled in the year-end report. */
export const NOTE_FIELD = 'note';

function formatOf(indicator: Indicator): NumberFormat {
  if (indicator.unit === '%') return 'percent';
  if (indicator.kind === 'rate' || indicator.unit.includes('元')) return 'decimal';
  return 'integer';
}

/** The field input of a numeric field; `binding.disaggregation` is empty for the total. */
function numericInput(
  field: NumericField,
  indicator: Indicator,
  disaggregation: Record<string, string>,
  help: string,
): FieldInput {
  const base = {
    id: field.id,
    label: field.label,
    unit: indicator.unit,
    help,
    binding: { indicator: indicator.code, disaggregation },
  };
  if (field.format === 'integer') return { ...base, type: 'integer' };
  return { ...base, type: field.format, scale: field.format === 'percent' ? 1 : 2 };
}

/**
 * Field ids: `i<n>` for the n-th indicator of the form, `i<n>_<value>` for its sub-total of one
 * disaggregation value (i2_farmers). Short, because every stored revision repeats them.
 */
function groupOf(spec: FieldSpec, n: number, catalog: IndicatorCatalog): IndicatorGroup {
  const indicator = catalog.indicators.find((i) => i.code === spec.indicator);
  if (!indicator) throw new Error(`form spec names unknown indicator ${spec.indicator}`);
  const format = formatOf(indicator);
  const values = spec.parts ? (catalog.disaggregations[spec.parts.dimension]?.values ?? []) : [];
  const parts = (spec.parts?.values ?? []).map((code) => {
    const value = values.find((v) => v.code === code);
    if (!value) throw new Error(`${spec.indicator}: unknown ${spec.parts?.dimension} value ${code}`);
    return { id: `i${n}_${code}`, label: `其中：${value.nameZh}`, format };
  });
  return { spec, indicator, total: { id: `i${n}`, label: indicator.nameZh, format }, parts };
}

function groupInputs(group: IndicatorGroup): FieldInput[] {
  const help = group.spec.yearly ? '每年第四季度填报全年调查结果' : group.indicator.descriptionZh.slice(0, 200);
  const dimension = group.spec.parts?.dimension ?? '';
  return [
    numericInput(group.total, group.indicator, {}, help),
    ...group.parts.map((part, k) =>
      numericInput(
        part,
        group.indicator,
        { [dimension]: group.spec.parts?.values[k] ?? '' },
        `${group.indicator.nameZh}中的一部分`,
      ),
    ),
  ];
}

/** Sections by indicator family, in the order the form first asks for each. */
function sections(groups: IndicatorGroup[]): FormDefinitionInput['sections'] {
  const byFamily = new Map<string, { title: string; fields: FieldInput[] }>();
  for (const group of groups) {
    const family = group.indicator.family;
    const section = byFamily.get(family) ?? { title: group.indicator.familyZh, fields: [] };
    section.fields.push(...groupInputs(group));
    byFamily.set(family, section);
  }
  const note: FieldInput = {
    id: NOTE_FIELD,
    type: 'long_text',
    label: '年度工作小结',
    help: '第四季度填报：全年工作进展、成效和存在的问题',
    maxLength: 2000,
  };
  return [
    ...[...byFamily].map(([id, s]) => ({ id, title: s.title, fields: s.fields })),
    { id: 'summary', title: '工作小结', fields: [note] },
  ];
}

/** Sub-totals may not exceed their total: the check a statistician applies first. */
function rules(groups: IndicatorGroup[]): FormDefinitionInput['rules'] {
  return groups
    .filter((g) => g.parts.length > 0)
    .map((g) => ({
      id: `${g.total.id}_parts`,
      expression: `sum(${g.parts.map((p) => p.id).join(', ')}) <= ${g.total.id}`,
      severity: 'error' as const,
      message: '各分项之和不能超过合计',
      messageEn: 'the sub-totals may not exceed the total',
      field: g.total.id,
    }));
}

/**
 * Specs grouped by indicator family as the form's sections show them, so that fields are
 * numbered, and values written, in the order the validator returns them.
 */
function inFormOrder(specs: readonly FieldSpec[], catalog: IndicatorCatalog): FieldSpec[] {
  const family = (spec: FieldSpec) => catalog.indicators.find((i) => i.code === spec.indicator)?.family ?? '';
  const families = [...new Set(specs.map(family))];
  return [...specs].sort((a, b) => families.indexOf(family(a)) - families.indexOf(family(b)));
}

function buildForm(
  reporting: ReportingFunction,
  index: number,
  functions: DepartmentFunction[],
  catalog: IndicatorCatalog,
  titleMark: string,
): SynthForm {
  const fn = functions.find((f) => f.code === reporting.code);
  const specs = FORM_SPECS[reporting.code];
  if (!fn || !specs) throw new Error(`no department function or form spec for ${reporting.code}`);
  const groups = inFormOrder(specs, catalog).map((spec, k) => groupOf(spec, k + 1, catalog));
  const definition = FormDefinition.parse({
    title: `${fn.nameZh}科学素质工作季度报表${titleMark}`,
    titleEn: `${fn.nameEn}: quarterly science literacy report`,
    periodKind: 'quarter',
    sections: sections(groups),
    rules: rules(groups),
  });
  return { index, reporting, fn, definition, groups };
}

/**
 * One form per reporting function, parsed by the same schema the API stores forms with;
 * `titleMark` ends each title (（演示） for the demo).
 */
export function buildForms(functions: DepartmentFunction[], catalog: IndicatorCatalog, titleMark = ''): SynthForm[] {
  return REPORTING_FUNCTIONS.map((reporting, index) => buildForm(reporting, index, functions, catalog, titleMark));
}
