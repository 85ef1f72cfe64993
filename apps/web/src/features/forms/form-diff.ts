import type { Field, FormDefinition, FormRule, FormSection } from '@kesu/schema';

export type DiffKind = 'added' | 'removed' | 'changed' | 'moved';
export type DiffTarget = 'form' | 'section' | 'field' | 'rule';

/** One difference between two versions of a form. */
export interface DiffEntry {
  kind: DiffKind;
  target: DiffTarget;
  id: string;
  /** The label in the newer version (the older one for a removal). */
  label: string;
  /** Properties whose value differs, for a change. */
  properties?: string[];
  /** Where a moved field was and is: section ids. */
  from?: string;
  to?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The properties two versions of an item disagree on (the nested lists of a section aside). */
function changedProperties(before: object, after: object, skip: string[] = []): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter(
      (k) => !skip.includes(k) && !same((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]),
    )
    .sort();
}

/** Ids in the order both versions keep them: an id that changed places relative to the others moved. */
function reordered(before: string[], after: string[]): Set<string> {
  const kept = new Set(before.filter((id) => after.includes(id)));
  const a = before.filter((id) => kept.has(id));
  const b = after.filter((id) => kept.has(id));
  // The longest common subsequence stays; everything else moved.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] =
        a[i] === b[j] ? (lcs[i + 1] as number[])[j + 1]! + 1 : Math.max((lcs[i + 1] as number[])[j]!, row[j + 1]!);
    }
  }
  const staying = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      staying.add(a[i] as string);
      i++;
      j++;
    } else if ((lcs[i + 1] as number[])[j]! >= (lcs[i] as number[])[j + 1]!) i++;
    else j++;
  }
  return new Set(a.filter((id) => !staying.has(id)));
}

function fieldsWithSection(def: FormDefinition): Map<string, { field: Field; section: FormSection }> {
  return new Map(
    def.sections.flatMap((section) => section.fields.map((field) => [field.id, { field, section }] as const)),
  );
}

/**
 * What changed from one version of a form to the next: header, sections, fields (added, removed,
 * changed, moved within or between sections) and rules, in the newer version's order.
 * @example diffForms(v1, v2) // [{ kind: 'added', target: 'field', id: 'trainees', label: '培训人次' }]
 */
export function diffForms(before: FormDefinition, after: FormDefinition): DiffEntry[] {
  const out: DiffEntry[] = [];
  const header = changedProperties(
    { title: before.title, titleEn: before.titleEn, periodKind: before.periodKind },
    { title: after.title, titleEn: after.titleEn, periodKind: after.periodKind },
  );
  if (header.length) out.push({ kind: 'changed', target: 'form', id: '', label: after.title, properties: header });

  const oldSections = new Map(before.sections.map((s) => [s.id, s]));
  const newSections = new Map(after.sections.map((s) => [s.id, s]));
  const movedSections = reordered(
    before.sections.map((s) => s.id),
    after.sections.map((s) => s.id),
  );
  const oldFields = fieldsWithSection(before);
  const newFields = fieldsWithSection(after);
  // Within a section, a field moved when its order among the fields that stayed there changed.
  const movedFields = new Set(
    after.sections.flatMap((section) => {
      const old = oldSections.get(section.id);
      if (!old) return [];
      const stayed = (fields: Field[]) =>
        fields.map((f) => f.id).filter((id) => oldFields.get(id)?.section.id === section.id);
      return [...reordered(stayed(old.fields), stayed(section.fields))];
    }),
  );

  for (const section of after.sections) {
    const old = oldSections.get(section.id);
    if (!old) out.push({ kind: 'added', target: 'section', id: section.id, label: section.title });
    else {
      const props = changedProperties(old, section, ['fields']);
      if (props.length)
        out.push({ kind: 'changed', target: 'section', id: section.id, label: section.title, properties: props });
      if (movedSections.has(section.id))
        out.push({ kind: 'moved', target: 'section', id: section.id, label: section.title });
    }
    for (const field of section.fields) {
      const was = oldFields.get(field.id);
      if (!was) {
        out.push({ kind: 'added', target: 'field', id: field.id, label: field.label, to: section.id });
        continue;
      }
      const props = changedProperties(was.field, field);
      if (props.length)
        out.push({ kind: 'changed', target: 'field', id: field.id, label: field.label, properties: props });
      if (was.section.id !== section.id || movedFields.has(field.id))
        out.push({
          kind: 'moved',
          target: 'field',
          id: field.id,
          label: field.label,
          from: was.section.id,
          to: section.id,
        });
    }
  }
  for (const [id, { field, section }] of oldFields)
    if (!newFields.has(id)) out.push({ kind: 'removed', target: 'field', id, label: field.label, from: section.id });
  for (const section of before.sections)
    if (!newSections.has(section.id))
      out.push({ kind: 'removed', target: 'section', id: section.id, label: section.title });

  const oldRules = new Map(before.rules.map((r) => [r.id, r]));
  const newRules = new Map(after.rules.map((r) => [r.id, r]));
  const ruleLabel = (r: FormRule) => r.message;
  for (const rule of after.rules) {
    const old = oldRules.get(rule.id);
    if (!old) out.push({ kind: 'added', target: 'rule', id: rule.id, label: ruleLabel(rule) });
    else {
      const props = changedProperties(old, rule);
      if (props.length)
        out.push({ kind: 'changed', target: 'rule', id: rule.id, label: ruleLabel(rule), properties: props });
    }
  }
  for (const rule of before.rules)
    if (!newRules.has(rule.id)) out.push({ kind: 'removed', target: 'rule', id: rule.id, label: ruleLabel(rule) });
  return out;
}
