import type { ErrorDetail, FormDefinition, FormSection } from '@kesu/schema';
import { topField } from './form-logic';

/**
 * The errors to show while a form is being filled in: a field's only once the person has left it
 * (a blank is not a mistake before they got there), a table's once they left one of its cells,
 * and all of them once they tried to submit.
 * @example shownErrors(errors, new Set(['people']), false) // the errors of `people` only
 */
export function shownErrors(
  errors: readonly ErrorDetail[],
  touched: ReadonlySet<string>,
  attempted: boolean,
): ErrorDetail[] {
  if (attempted) return [...errors];
  return errors.filter(
    (e) => e.path !== '' && [...touched].some((path) => path === e.path || path.startsWith(`${e.path}[`)),
  );
}

/** The path a table cell's box reports when it is left, as the validator writes it. */
export const cellPath = (table: string, row: number, column: string) => `${table}[${row}].${column}`;

/** One entry of the list of what stops a submit, pointing at where to fix it. */
export interface FormProblem {
  /** Where it is: `people`, `activities[2].people`, or '' for the whole form. */
  path: string;
  /** The field it concerns ('' for the whole form). */
  field: string;
  section: FormSection | null;
  kind: 'error' | 'reason';
  detail: ErrorDetail;
}

/**
 * What stops a submit, in the order of the form: errors to correct and warnings still without a
 * reason, each with the section and field it belongs to; problems of the whole form come first.
 */
export function formProblems(
  definition: FormDefinition,
  errors: readonly ErrorDetail[],
  unexplained: readonly ErrorDetail[],
): FormProblem[] {
  const place = new Map<string, { section: FormSection; order: number }>();
  let order = 0;
  for (const section of definition.sections)
    for (const field of section.fields) place.set(field.id, { section, order: order++ });
  const problems = [
    ...errors.map((detail) => ({ detail, kind: 'error' as const })),
    ...unexplained.map((detail) => ({ detail, kind: 'reason' as const })),
  ].map(({ detail, kind }) => {
    const field = topField(detail.path);
    return { path: detail.path, field, section: place.get(field)?.section ?? null, kind, detail };
  });
  const rank = (p: FormProblem) => (p.field === '' ? -1 : (place.get(p.field)?.order ?? Number.MAX_SAFE_INTEGER));
  // Stable: within a field, problems keep the validator's order (row by row in a table).
  return problems.sort((a, b) => rank(a) - rank(b));
}

/**
 * The id of the box a problem's path is typed in: a field's
 * (`f-people`) or a table cell's (`f-activities-2-people`).
 */
export function inputIdOf(path: string): string | null {
  if (path === '') return null;
  const cell = /^([^.[]+)\[(\d+)\]\.([^.[]+)$/.exec(path);
  return cell ? `f-${cell[1]}-${cell[2]}-${cell[3]}` : `f-${topField(path)}`;
}
