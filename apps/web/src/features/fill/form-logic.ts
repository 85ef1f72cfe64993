import {
  compileForm,
  draftMayHave,
  evaluate,
  parseExpression,
  type CompiledForm,
  type ErrorDetail,
  type Expr,
  type Field,
  type FormDefinition,
  type Scope,
  type Value,
} from '@kesu/schema';

export type FormValues = Record<string, unknown>;

/** A definition's expressions parsed once: show-if per field (its section's included) and formulas. */
export interface FormLogic {
  compiled: CompiledForm;
  /** The same form with nothing required and only its warning rules, to find warnings early. */
  relaxed: CompiledForm;
  fields: Field[];
  showIf: Map<string, Expr[]>;
  computed: Map<string, Expr>;
}

/** Compiles a definition for the browser; it is the same validator the API runs. */
export function formLogic(definition: FormDefinition): FormLogic {
  const showIf = new Map<string, Expr[]>();
  const computed = new Map<string, Expr>();
  const fields: Field[] = [];
  for (const section of definition.sections) {
    const sectionIf = section.showIf ? [parseExpression(section.showIf)] : [];
    for (const field of section.fields) {
      fields.push(field);
      showIf.set(field.id, [...sectionIf, ...(field.showIf ? [parseExpression(field.showIf)] : [])]);
      if ('computed' in field && field.computed) computed.set(field.id, parseExpression(field.computed));
    }
  }
  const relaxed = compileForm({
    ...definition,
    sections: definition.sections.map((s) => ({ ...s, fields: s.fields.map((f) => ({ ...f, required: false })) })),
    rules: definition.rules.filter((r) => r.severity === 'warning'),
  });
  return { compiled: compileForm(definition), relaxed, fields, showIf, computed };
}

/**
 * Warnings of the values so far. The validator reports warnings only for a form without errors, so
 * blanks still to be filled in would hide them; the relaxed form shows them as soon as values are
 * well-formed.
 */
export function warningsOf(logic: FormLogic, payload: FormValues): ErrorDetail[] {
  const full = logic.compiled.validate(payload);
  if (full.ok) return full.warnings;
  const relaxed = logic.relaxed.validate(payload);
  return relaxed.ok ? relaxed.warnings : [];
}

export interface FormState {
  /** Fields shown now: show-if conditions hold (a hidden section hides its fields). */
  visible: Set<string>;
  /** Computed fields' values, recomputed from what is filled in. */
  computed: Record<string, number | null>;
}

/**
 * What is visible and what the formulas give for these values. Fields are settled in form order
 * and repeated until nothing changes, so a formula may read a field defined after it.
 */
export function formState(logic: FormLogic, values: FormValues): FormState {
  const current: Record<string, unknown> = { ...values };
  const visible = new Set<string>();
  const computedValues: Record<string, number | null> = {};
  const scope: Scope = (name) => (Object.hasOwn(current, name) ? (current[name] as Value) : undefined) ?? null;
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const field of logic.fields) {
      const shown = (logic.showIf.get(field.id) ?? []).every((e) => evaluate(e, scope) === true);
      if (shown !== visible.has(field.id)) changed = true;
      if (shown) visible.add(field.id);
      else visible.delete(field.id);
      const formula = logic.computed.get(field.id);
      if (formula) {
        const result = shown ? evaluate(formula, scope) : null;
        const value = typeof result === 'number' && Number.isFinite(result) ? result : null;
        if (computedValues[field.id] !== value) changed = true;
        computedValues[field.id] = value;
        current[field.id] = value;
      }
      if (!shown) current[field.id] = null;
    }
    if (!changed) break;
  }
  return { visible, computed: computedValues };
}

/** Values as the API wants them: blanks and hidden fields dropped, computed fields left to the server. */
export function payloadOf(logic: FormLogic, values: FormValues): FormValues {
  const { visible } = formState(logic, values);
  return Object.fromEntries(
    Object.entries(values).filter(
      ([id, v]) =>
        visible.has(id) &&
        !logic.computed.has(id) &&
        v !== null &&
        v !== undefined &&
        v !== '' &&
        !(Array.isArray(v) && v.length === 0),
    ),
  );
}

/**
 * The values a draft can be saved with: fields holding something malformed (text in a number
 * field) are left out, so the server accepts the rest; the browser keeps the full copy.
 */
export function draftPayload(logic: FormLogic, values: FormValues): FormValues {
  const payload = payloadOf(logic, values);
  const result = logic.compiled.validate(payload);
  if (result.ok) return payload;
  const bad = new Set(result.errors.filter((e) => !draftMayHave(e)).map((e) => topField(e.path)));
  return Object.fromEntries(Object.entries(payload).filter(([id]) => !bad.has(id)));
}

/** The field a detail's path starts with: `activities[2].people` → `activities`. */
export function topField(path: string): string {
  return /^[^.[]*/.exec(path)?.[0] ?? path;
}

/** Details grouped by the field they concern ('' for the whole form). */
export function byField(details: ErrorDetail[]): Map<string, ErrorDetail[]> {
  const out = new Map<string, ErrorDetail[]>();
  for (const d of details) {
    const key = topField(d.path);
    out.set(key, [...(out.get(key) ?? []), d]);
  }
  return out;
}
