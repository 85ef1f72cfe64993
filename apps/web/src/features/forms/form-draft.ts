import type { ColumnField, Field, FieldType, FormDefinition, FormSection } from '@kesu/schema';
import { i18n } from '../../i18n';

/** What the builder's property panel shows: a section, a field, or nothing. */
export type BuilderSelection = { kind: 'section'; id: string } | { kind: 'field'; id: string } | null;

/** The first `prefix` + number not yet taken: f1, f2 … */
export function uniqueId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function fieldIds(def: FormDefinition): string[] {
  return def.sections.flatMap((s) => s.fields.map((f) => f.id));
}

/** A column of a new repeat table, or a new column added to one. */
export function newColumn(taken: string[]): ColumnField {
  return {
    id: uniqueId('c', taken),
    type: 'text',
    label: i18n.global.t('forms.newField'),
    required: false,
    maxLength: 200,
  };
}

/**
 * A new field of a type with the defaults the schema would give it, under an id not yet used.
 * @example newField('integer', ['f1']) // { id: 'f2', type: 'integer', label: '新字段', required: false }
 */
export function newField(type: FieldType, taken: string[]): Field {
  const base = { id: uniqueId('f', taken), label: i18n.global.t('forms.newField'), required: false };
  const option = (n: number) => ({ value: `o${n}`, label: i18n.global.t('forms.optionDefault', { n }) });
  switch (type) {
    case 'integer':
      return { ...base, type };
    case 'decimal':
    case 'percent':
      return { ...base, type, scale: 2 };
    case 'text':
      return { ...base, type, maxLength: 200 };
    case 'long_text':
      return { ...base, type, maxLength: 2000 };
    case 'choice':
      return { ...base, type, options: [option(1), option(2)] };
    case 'multi_choice':
      return { ...base, type, options: [option(1), option(2)] };
    case 'date':
    case 'yes_no':
      return { ...base, type };
    case 'repeat_table':
      return { ...base, type, columns: [newColumn([])], minRows: 0, maxRows: 200, uniqueBy: [] };
    default:
      return type satisfies never;
  }
}

export function newSection(def: FormDefinition): FormSection {
  return {
    id: uniqueId(
      's',
      def.sections.map((s) => s.id),
    ),
    title: i18n.global.t('forms.newSection'),
    fields: [],
  };
}

/**
 * The field a problem reported by the schema concerns, from its path: `sections[1].fields[0].label`
 * → the id of that field.
 */
export function fieldOfPath(def: FormDefinition, path: string): string | null {
  const m = /^sections\[(\d+)\]\.fields\[(\d+)\]/.exec(path);
  if (!m) return null;
  return def.sections[Number(m[1])]?.fields[Number(m[2])]?.id ?? null;
}

/** Where a field sits: its section's index and its own. */
export function locateField(def: FormDefinition, id: string): { s: number; f: number } | null {
  for (let s = 0; s < def.sections.length; s++) {
    const f = (def.sections[s] as FormSection).fields.findIndex((x) => x.id === id);
    if (f >= 0) return { s, f };
  }
  return null;
}

/**
 * Moves a field one place up or down; past the edge of its section it goes to the end of the
 * section before (or the start of the one after). The keyboard's way of dragging.
 */
export function moveField(def: FormDefinition, id: string, delta: -1 | 1): void {
  const at = locateField(def, id);
  if (!at) return;
  const section = def.sections[at.s] as FormSection;
  const [field] = section.fields.splice(at.f, 1) as [Field];
  const to = at.f + delta;
  if (to >= 0 && to <= section.fields.length && !(delta === 1 && at.f === section.fields.length)) {
    section.fields.splice(to, 0, field);
    return;
  }
  const neighbour = def.sections[at.s + delta];
  if (!neighbour) section.fields.splice(at.f, 0, field);
  else if (delta === -1) neighbour.fields.push(field);
  else neighbour.fields.unshift(field);
}

/** Moves a section one place up or down. */
export function moveSection(def: FormDefinition, id: string, delta: -1 | 1): void {
  const at = def.sections.findIndex((s) => s.id === id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= def.sections.length) return;
  const [section] = def.sections.splice(at, 1) as [FormSection];
  def.sections.splice(to, 0, section);
}
