import * as z from 'zod';
import { describeIssue, formatPath, type ErrorDetail, type Labels } from '../errors.js';
import type { Field, FormDefinition, FormRule, FormSection } from './definition.js';
import { evaluate, parseExpression, referencesOf, type Expr, type Value } from './expression.js';
import { blankable } from './field-types.js';

/** A submission's values: field id → value, a repeat table as a list of rows. */
export type SubmissionValues = Record<string, unknown>;

export type ValidationResult =
  | { ok: true; values: SubmissionValues; warnings: ErrorDetail[] }
  | { ok: false; errors: ErrorDetail[]; warnings: ErrorDetail[] };

export interface CompiledForm {
  definition: FormDefinition;
  /** The zod validator: strict values in, cleaned values and warnings out. */
  schema: z.ZodType<{ values: SubmissionValues; warnings: ErrorDetail[] }>;
  /** Validates a submission and reports every error and warning with its field path. */
  validate: (input: unknown) => ValidationResult;
  /** The zh-CN and English label for a field path such as `activities[2].people`. */
  labelOf: (path: readonly PropertyKey[]) => Labels;
}

interface Node {
  field: Field;
  section: FormSection;
  showIf: Expr[];
  computed: Expr | null;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function fieldLabels(field: { label: string; labelEn?: string | undefined; id: string }): Labels {
  return { zh: field.label, en: field.labelEn ?? field.id };
}

/** Fields in an order where everything a show-if or formula reads comes first; a cycle is an error. */
function dependencyOrder(nodes: Map<string, Node>): Node[] {
  const order: Node[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    const node = nodes.get(id);
    if (!node || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting')
      throw new Error(`circular show-if/computed dependency: ${[...trail, id].join(' → ')}`);
    state.set(id, 'visiting');
    const exprs = node.computed ? [...node.showIf, node.computed] : node.showIf;
    for (const ref of exprs.flatMap(referencesOf)) if (ref.name !== id) visit(ref.name, [...trail, id]);
    state.set(id, 'done');
    order.push(node);
  };
  for (const id of nodes.keys()) visit(id, []);
  return order;
}

function detail(path: (string | number)[], code: string, label: Labels, zh: string, en: string): ErrorDetail {
  return { path: formatPath(path), code, message: `「${label.zh}」${zh}`, messageEn: `"${label.en}" ${en}` };
}

/** Rows of a repeat table that repeat an earlier row in its `uniqueBy` columns. */
function duplicateRows(
  field: Extract<Field, { type: 'repeat_table' }>,
  rows: Record<string, unknown>[],
): Array<[number, number]> {
  if (field.uniqueBy.length === 0) return [];
  const seen = new Map<string, number>();
  const out: Array<[number, number]> = [];
  rows.forEach((row, i) => {
    const key = JSON.stringify(field.uniqueBy.map((c) => row[c] ?? null));
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else out.push([i + 1, first + 1]);
  });
  return out;
}

/**
 * Compiles a form definition into the validator that the browser and the API both run.
 * Hidden fields are not required and are dropped; computed fields are recomputed, never
 * trusted; warning rules are reported without blocking.
 * @example compileForm(definition).validate({ trainees: 120 })
 */
export function compileForm(definition: FormDefinition): CompiledForm {
  const nodes = new Map<string, Node>();
  const sectionShowIf = new Map(definition.sections.map((s) => [s.id, s.showIf ? [parseExpression(s.showIf)] : []]));
  for (const section of definition.sections) {
    for (const field of section.fields) {
      const showIf = [
        ...(sectionShowIf.get(section.id) ?? []),
        ...(field.showIf ? [parseExpression(field.showIf)] : []),
      ];
      const computed = 'computed' in field && field.computed ? parseExpression(field.computed) : null;
      nodes.set(field.id, { field, section, showIf, computed });
    }
  }
  const order = dependencyOrder(nodes);
  const rules = definition.rules.map((rule) => ({ rule, expr: parseExpression(rule.expression) }));

  const labelOf = (path: readonly PropertyKey[]): Labels => {
    const field = nodes.get(String(path[0]))?.field;
    if (!field) return { zh: formatPath(path) || '表单', en: formatPath(path) || 'form' };
    const base = fieldLabels(field);
    if (field.type !== 'repeat_table' || typeof path[1] !== 'number') return base;
    const row = path[1] + 1;
    const column = field.columns.find((c) => c.id === path[2]);
    const col = column ? fieldLabels(column) : { zh: '', en: '' };
    return {
      zh: `${base.zh}」第 ${row} 行「${col.zh}`.replace(/「$/, ''),
      en: `${base.en}" row ${row} "${col.en}`.replace(/ ""$/, ''),
    };
  };

  const shape = Object.fromEntries([...nodes.values()].map(({ field }) => [field.id, blankable(field)]));

  const finalize = (
    raw: SubmissionValues,
    ctx: z.RefinementCtx,
  ): { values: SubmissionValues; warnings: ErrorDetail[] } => {
    const values: Record<string, Value> = Object.create(null) as Record<string, Value>;
    const warnings: ErrorDetail[] = [];
    const scope = (name: string): Value | undefined => (Object.hasOwn(values, name) ? values[name] : undefined);
    for (const { field, showIf, computed } of order) {
      const given = raw[field.id];
      const label = fieldLabels(field);
      const visible = showIf.every((e) => evaluate(e, scope) === true);
      if (!visible) {
        values[field.id] = null;
        if (!isBlank(given))
          warnings.push(
            detail(
              [field.id],
              'hidden_dropped',
              label,
              '当前不显示，所填内容已忽略',
              'is hidden, so its value was ignored',
            ),
          );
        continue;
      }
      if (computed) {
        const result = evaluate(computed, scope);
        const value = typeof result === 'number' && Number.isFinite(result) ? result : null;
        if (!isBlank(given) && given !== value) {
          warnings.push(
            detail(
              [field.id],
              'computed_replaced',
              label,
              `由系统计算，已改为 ${value ?? '空'}`,
              `is computed; it was set to ${value ?? 'blank'}`,
            ),
          );
        }
        values[field.id] = value;
        continue;
      }
      values[field.id] = isBlank(given) ? null : (given as Value);
      if (field.required && isBlank(given)) {
        ctx.addIssue({
          code: 'custom',
          path: [field.id],
          message: 'required',
          params: { code: 'required', zh: '为必填项', en: 'is required' },
        });
      }
      if (field.type === 'repeat_table' && Array.isArray(given)) {
        for (const [row, first] of duplicateRows(field, given as Record<string, unknown>[])) {
          const en = `row ${row} repeats row ${first}`;
          ctx.addIssue({
            code: 'custom',
            path: [field.id],
            message: en,
            params: { code: 'duplicate_row', zh: `第 ${row} 行与第 ${first} 行重复`, en },
          });
        }
      }
    }
    for (const { rule, expr } of rules) {
      // Only a rule that evaluates to false fires: blanks leave it undecided.
      if (evaluate(expr, scope) !== false) continue;
      const report = ruleDetail(rule, labelOf);
      if (rule.severity === 'warning') warnings.push(report);
      else
        ctx.addIssue({
          code: 'custom',
          path: rule.field ? [rule.field] : [],
          message: report.messageEn,
          params: { code: 'rule', zh: rule.message, en: rule.messageEn ?? rule.message },
        });
    }
    return { values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)), warnings };
  };

  const schema = z.strictObject(shape).transform((raw, ctx) => finalize(raw as SubmissionValues, ctx));

  const validate = (input: unknown): ValidationResult => {
    const parsed = schema.safeParse(input);
    if (parsed.success) return { ok: true, values: parsed.data.values, warnings: parsed.data.warnings };
    return { ok: false, errors: parsed.error.issues.flatMap((i) => issueDetails(i, labelOf)), warnings: [] };
  };

  return { definition, schema, validate, labelOf };
}

function ruleDetail(rule: FormRule, labelOf: (path: readonly PropertyKey[]) => Labels): ErrorDetail {
  const label = rule.field ? labelOf([rule.field]) : null;
  return {
    path: rule.field ?? '',
    code: rule.severity === 'warning' ? 'rule_warning' : 'rule',
    message: label ? `「${label.zh}」${rule.message}` : rule.message,
    messageEn: label ? `"${label.en}" ${rule.messageEn ?? rule.message}` : (rule.messageEn ?? rule.message),
  };
}

/** One detail per problem; an unknown-keys issue becomes one detail per unknown key. */
function issueDetails(issue: z.core.$ZodIssue, labelOf: (path: readonly PropertyKey[]) => Labels): ErrorDetail[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      return {
        path: formatPath(path),
        code: 'unknown_field',
        message: `「${key}」不是本表的字段`,
        messageEn: `"${key}" is not a field of this form`,
      };
    });
  }
  if (issue.code === 'custom' && issue.path.length === 0) {
    const p = (issue.params ?? {}) as { code?: string; zh?: string; en?: string };
    return [{ path: '', code: p.code ?? 'rule', message: p.zh ?? issue.message, messageEn: p.en ?? issue.message }];
  }
  return [describeIssue(issue, labelOf(issue.path))];
}
