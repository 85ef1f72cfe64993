import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, Field, FormDefinition } from '@kesu/schema';
import { fieldOfPath, moveField, moveSection, newField, newSection, uniqueId } from './form-draft';

describe('form drafts', () => {
  it('gives the first free id', () => {
    expect(uniqueId('f', ['f1', 'f2', 'f4'])).toBe('f3');
    expect(uniqueId('s', [])).toBe('s1');
  });

  it.each(FIELD_TYPES)('makes a new %s field the schema accepts', (type) => {
    const field = newField(type, ['f1']);
    expect(field.id).toBe('f2');
    expect(Field.safeParse(field).success).toBe(true);
  });

  it('adds a section that keeps the form valid, and names the field a schema problem points at', () => {
    const def = FormDefinition.parse({
      title: '表',
      periodKind: 'year',
      sections: [{ id: 's1', title: '一', fields: [{ id: 'a', type: 'integer', label: 'A' }] }],
    });
    const section = newSection(def);
    expect(section.id).toBe('s2');
    expect(FormDefinition.safeParse({ ...def, sections: [...def.sections, section] }).success).toBe(true);
    expect(fieldOfPath(def, 'sections[0].fields[0].label')).toBe('a');
    expect(fieldOfPath(def, 'sections[0].title')).toBeNull();
    expect(fieldOfPath(def, 'sections[3].fields[0]')).toBeNull();
  });
});

describe('moving with the keyboard', () => {
  const make = () =>
    FormDefinition.parse({
      title: '表',
      periodKind: 'year',
      sections: [
        {
          id: 's1',
          title: '一',
          fields: [
            { id: 'a', type: 'integer', label: 'A' },
            { id: 'b', type: 'integer', label: 'B' },
          ],
        },
        { id: 's2', title: '二', fields: [{ id: 'c', type: 'integer', label: 'C' }] },
      ],
    });
  const layout = (def: FormDefinition) =>
    def.sections.map((s) => `${s.id}:${s.fields.map((f) => f.id).join('')}`).join(' ');

  it('moves a field within its section, then across into the next and back', () => {
    const def = make();
    moveField(def, 'a', 1);
    expect(layout(def)).toBe('s1:ba s2:c');
    moveField(def, 'a', 1);
    expect(layout(def)).toBe('s1:b s2:ac');
    moveField(def, 'a', -1);
    expect(layout(def)).toBe('s1:ba s2:c');
  });

  it('keeps a field at the very top or bottom where it is', () => {
    const def = make();
    moveField(def, 'a', -1);
    moveField(def, 'c', 1);
    expect(layout(def)).toBe('s1:ab s2:c');
  });

  it('moves sections and ignores a move past the end', () => {
    const def = make();
    moveSection(def, 's2', -1);
    expect(layout(def)).toBe('s2:c s1:ab');
    moveSection(def, 's1', 1);
    expect(layout(def)).toBe('s2:c s1:ab');
  });
});
