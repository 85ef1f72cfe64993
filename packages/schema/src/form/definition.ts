import * as z from 'zod';
import { IndicatorCode } from '../indicator.js';
import { PeriodKind } from '../period-schema.js';
import { checkExpression } from './expression.js';

/** Field ids are identifiers so expressions can name them. */
export const FieldId = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, { error: 'field id: letters, digits and _, not starting with a digit' })
  .refine((s) => !['true', 'false', 'null', 'and', 'or', 'not'].includes(s), { error: 'field id is a reserved word' });
export type FieldId = z.infer<typeof FieldId>;

export const FIELD_TYPES = [
  'integer',
  'decimal',
  'percent',
  'text',
  'long_text',
  'choice',
  'multi_choice',
  'date',
  'yes_no',
  'repeat_table',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A numeric field's link to the indicator it reports, with its disaggregation values. */
export const IndicatorBinding = z.object({
  indicator: IndicatorCode,
  disaggregation: z.record(z.string(), z.string()).default({}),
});
export type IndicatorBinding = z.infer<typeof IndicatorBinding>;

const Expression = z.string().min(1).max(2000);

const fieldBase = {
  id: FieldId,
  label: z.string().min(1).max(200).meta({ label: '字段名称', labelEn: 'Label' }),
  labelEn: z.string().min(1).max(200).optional(),
  help: z.string().max(1000).optional(),
  required: z.boolean().default(false),
  showIf: Expression.optional(),
};

/**
 * The plan target a field reports, by its 1-based position in the plan's targets (the form's
 * plan): progress reads the target from its own field, not from the indicator's total.
 */
const TargetRef = z.int().min(1).max(10_000).meta({ label: '对应目标', labelEn: 'Target reported' });

const numericBase = {
  ...fieldBase,
  target: TargetRef.optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  unit: z.string().max(12).optional(),
  computed: Expression.optional(),
  binding: IndicatorBinding.optional(),
};

export const ChoiceOption = z.object({
  value: z.string().min(1).max(100),
  label: z.string().min(1).max(200),
  labelEn: z.string().min(1).max(200).optional(),
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

const IsoDate = z.iso.date();

export const IntegerField = z.object({ ...numericBase, type: z.literal('integer') });
export const DecimalField = z.object({
  ...numericBase,
  type: z.literal('decimal'),
  scale: z.int().min(0).max(6).default(2),
});
export const PercentField = z.object({
  ...numericBase,
  type: z.literal('percent'),
  scale: z.int().min(0).max(6).default(2),
});
export const TextField = z.object({
  ...fieldBase,
  type: z.literal('text'),
  maxLength: z.int().min(1).max(500).default(200),
  pattern: z.string().max(200).optional(),
});
export const LongTextField = z.object({
  ...fieldBase,
  type: z.literal('long_text'),
  maxLength: z.int().min(1).max(20000).default(5000),
});
export const ChoiceField = z.object({
  ...fieldBase,
  type: z.literal('choice'),
  options: z.array(ChoiceOption).min(1).max(200),
});
export const MultiChoiceField = z.object({
  ...fieldBase,
  type: z.literal('multi_choice'),
  options: z.array(ChoiceOption).min(1).max(200),
  minSelected: z.int().min(0).optional(),
  maxSelected: z.int().min(1).optional(),
});
export const DateField = z.object({
  ...fieldBase,
  type: z.literal('date'),
  min: IsoDate.optional(),
  max: IsoDate.optional(),
});
// A yes/no field may report an indicator or a target too: a milestone done (1) or not yet (0).
export const YesNoField = z.object({
  ...fieldBase,
  type: z.literal('yes_no'),
  binding: IndicatorBinding.optional(),
  target: TargetRef.optional(),
});

/** Fields that may stand in a repeat table's columns: every type but a table. */
export const ColumnField = z.discriminatedUnion('type', [
  IntegerField,
  DecimalField,
  PercentField,
  TextField,
  LongTextField,
  ChoiceField,
  MultiChoiceField,
  DateField,
  YesNoField,
]);
export type ColumnField = z.infer<typeof ColumnField>;

export const RepeatTableField = z.object({
  ...fieldBase,
  type: z.literal('repeat_table'),
  columns: z.array(ColumnField).min(1).max(50),
  minRows: z.int().min(0).default(0),
  maxRows: z.int().min(1).max(1000).default(200),
  /** Column ids whose values together must be unique across rows (no duplicate rows). */
  uniqueBy: z.array(FieldId).default([]),
});

export const Field = z.discriminatedUnion('type', [...ColumnField.options, RepeatTableField]);
export type Field = z.infer<typeof Field>;
export type FieldInput = z.input<typeof Field>;

export const FormSection = z.object({
  id: FieldId,
  title: z.string().min(1).max(200),
  titleEn: z.string().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
  showIf: Expression.optional(),
  fields: z.array(Field).max(500),
});
export type FormSection = z.infer<typeof FormSection>;

export const RULE_SEVERITIES = ['error', 'warning'] as const;

/** A cross-field rule: the expression must hold, else its message is reported. */
export const FormRule = z.object({
  id: FieldId,
  expression: Expression,
  severity: z.enum(RULE_SEVERITIES),
  message: z.string().min(1).max(500),
  messageEn: z.string().min(1).max(500).optional(),
  /** The field the message is shown beside. */
  field: FieldId.optional(),
});
export type FormRule = z.infer<typeof FormRule>;

/** A form (survey) definition: sections of typed fields, show-if conditions, computed fields and rules. */
export const FormDefinition = z
  .object({
    title: z.string().min(1).max(200),
    titleEn: z.string().min(1).max(200).optional(),
    periodKind: PeriodKind,
    sections: z.array(FormSection).min(1).max(100),
    rules: z.array(FormRule).max(500).default([]),
  })
  .superRefine((form, ctx) => {
    const ids = new Set<string>();
    const columns = new Map<string, Set<string>>();
    form.sections.forEach((section, s) => {
      section.fields.forEach((field, f) => {
        if (ids.has(field.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', s, 'fields', f, 'id'],
            message: `duplicate field id ${field.id}`,
          });
        }
        ids.add(field.id);
        if (field.type === 'repeat_table') columns.set(field.id, new Set(field.columns.map((c) => c.id)));
      });
    });
    const check = (src: string | undefined, path: (string | number)[]) => {
      if (src === undefined) return;
      for (const p of checkExpression(src, ids, columns)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${p.en} at ${p.position}`,
          params: { zh: `${p.zh}（第 ${p.position} 个字符）` },
        });
      }
    };
    form.sections.forEach((section, s) => {
      check(section.showIf, ['sections', s, 'showIf']);
      section.fields.forEach((field, f) => {
        check(field.showIf, ['sections', s, 'fields', f, 'showIf']);
        if ('computed' in field) check(field.computed, ['sections', s, 'fields', f, 'computed']);
      });
    });
    form.rules.forEach((rule, r) => check(rule.expression, ['rules', r, 'expression']));
  });
export type FormDefinition = z.infer<typeof FormDefinition>;
export type FormDefinitionInput = z.input<typeof FormDefinition>;
