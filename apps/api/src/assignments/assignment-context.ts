import {
  comparePeriods,
  periodKindOf,
  shiftPeriod,
  type AssignmentBase,
  type AssignmentContext,
  type Field,
  type FormDefinition,
  type Plan,
  type Target,
} from '@kesu/schema';
import { getForm, getFormVersion, getPlan, getSubmission, listAssignments } from '@kesu/store';
import type { AppContext } from '../context.js';

// Enough earlier periods to tell an outlier from the unit's usual values.
const HISTORY = 8;

function fieldsOf(definition: FormDefinition): Field[] {
  return definition.sections.flatMap((s) => s.fields);
}

/** The indicator (and disaggregation) a field reports: how a value carries over to another form. */
function bindingKey(field: Field): string | null {
  if (!('binding' in field) || !field.binding) return null;
  const parts = Object.entries(field.binding.disaggregation).sort(([a], [b]) => a.localeCompare(b));
  return `${field.binding.indicator}|${parts.map(([k, v]) => `${k}=${v}`).join(',')}`;
}

/** Values of another form's fields, renamed to this form's fields reporting the same indicator. */
function carryOver(values: Record<string, unknown>, from: FormDefinition, to: FormDefinition): Record<string, unknown> {
  const byKey = new Map(
    fieldsOf(from).flatMap((f) => (bindingKey(f) && f.id in values ? [[bindingKey(f), values[f.id]] as const] : [])),
  );
  return Object.fromEntries(
    fieldsOf(to).flatMap((f) => (byKey.has(bindingKey(f)) ? [[f.id, byKey.get(bindingKey(f))]] : [])),
  );
}

/**
 * The plan target each field reports on: the one the generator quoted in its help text, else the
 * only target of the plan measuring the field's indicator.
 */
function targetsOf(plan: Plan, definition: FormDefinition): Record<string, Target> {
  const out: Record<string, Target> = {};
  for (const field of fieldsOf(definition)) {
    const quoted = field.help ? plan.targets.find((t) => field.help?.includes(`“${t.text}”`)) : undefined;
    const key = 'binding' in field ? field.binding?.indicator : undefined;
    const measuring = key ? plan.targets.filter((t) => t.indicator === key) : [];
    const target = quoted ?? (measuring.length === 1 ? measuring[0] : undefined);
    if (target) out[field.id] = target;
  }
  return out;
}

/** Builds the context of an assignment the caller may already see. */
export function assignmentContext(ctx: AppContext) {
  const read = ctx.store.reads.read.bind(ctx.store.reads);
  return async (a: AssignmentBase, definition: FormDefinition): Promise<AssignmentContext> => {
    const kind = periodKindOf(a.period);
    const siblings = await read((conn) =>
      listAssignments(conn, { regionCode: a.regionCode, department: a.department }),
    );
    const earlier = siblings
      .filter((s) => s.status !== null && periodKindOf(s.period) === kind && comparePeriods(s.period, a.period) < 0)
      .sort((x, y) => comparePeriods(y.period, x.period));
    const valuesOf = async (id: string) => (await read((conn) => getSubmission(conn, id)))?.values ?? {};

    const reported = earlier
      .filter((s) => s.formId === a.formId && (s.status === 'submitted' || s.status === 'approved'))
      .slice(0, HISTORY);
    const history = await Promise.all(reported.map(async (s) => ({ period: s.period, values: await valuesOf(s.id) })));

    // Last period of this form first; another form of the unit still says what it reported.
    const last = earlier
      .filter((s) => s.period === shiftPeriod(a.period, -1))
      .sort((x, y) => Number(y.formId === a.formId) - Number(x.formId === a.formId))[0];
    let previous: AssignmentContext['previous'] = null;
    if (last) {
      const values = await valuesOf(last.id);
      const other =
        last.formId === a.formId ? null : await read((conn) => getFormVersion(conn, last.formId, last.version));
      previous = { period: last.period, values: other ? carryOver(values, other, definition) : values };
    }

    const form = await read((conn) => getForm(conn, a.formId));
    const plan = form?.planId ? await read((conn) => getPlan(conn, form.planId as string)) : undefined;
    return { previous, history, targets: plan ? targetsOf(plan.plan, definition) : {} };
  };
}
