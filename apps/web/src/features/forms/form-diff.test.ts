import { describe, expect, it } from 'vitest';
import { FormDefinition, type FormDefinitionInput } from '@kesu/schema';
import { diffForms } from './form-diff';

const base: FormDefinitionInput = {
  title: '锦江区教育局季度报表',
  periodKind: 'quarter',
  sections: [
    {
      id: 's1',
      title: '青少年科技活动',
      fields: [
        { id: 'events', type: 'integer', label: '活动场次', unit: '场' },
        { id: 'people', type: 'integer', label: '参与人次', unit: '人次' },
        { id: 'note', type: 'long_text', label: '工作进展', required: true },
      ],
    },
    { id: 's2', title: '科普基地', fields: [{ id: 'bases', type: 'integer', label: '基地数' }] },
  ],
  rules: [{ id: 'r1', expression: 'people >= events', severity: 'warning', message: '参与人次应不少于场次' }],
};

const v1 = FormDefinition.parse(base);
/** The next version: a copy of v1 changed by `edit`. */
function next(edit: (d: FormDefinition) => void): FormDefinition {
  const d = structuredClone(v1);
  edit(d);
  return FormDefinition.parse(d);
}

describe('diffForms', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffForms(v1, structuredClone(v1))).toEqual([]);
  });

  it('reports an added field with its section, and a removed one', () => {
    const v2 = next((d) => {
      d.sections[1]!.fields.push({ id: 'visitors', type: 'integer', label: '接待人次', required: false });
      d.sections[0]!.fields.splice(2, 1);
    });
    expect(diffForms(v1, v2)).toEqual([
      { kind: 'added', target: 'field', id: 'visitors', label: '接待人次', to: 's2' },
      { kind: 'removed', target: 'field', id: 'note', label: '工作进展', from: 's1' },
    ]);
  });

  it('names the properties of a changed field, and a changed header', () => {
    const v2 = next((d) => {
      d.title = '锦江区教育局季度报表（2025版）';
      const f = d.sections[0]!.fields[0]!;
      Object.assign(f, { label: '科技活动场次', min: 0, required: true });
    });
    expect(diffForms(v1, v2)).toEqual([
      { kind: 'changed', target: 'form', id: '', label: '锦江区教育局季度报表（2025版）', properties: ['title'] },
      {
        kind: 'changed',
        target: 'field',
        id: 'events',
        label: '科技活动场次',
        properties: ['label', 'min', 'required'],
      },
    ]);
  });

  it('reports a field dragged to another section, and one dragged within its section, as moved', () => {
    const between = next((d) => {
      const [moved] = d.sections[0]!.fields.splice(0, 1);
      d.sections[1]!.fields.unshift(moved!);
    });
    expect(diffForms(v1, between)).toEqual([
      { kind: 'moved', target: 'field', id: 'events', label: '活动场次', from: 's1', to: 's2' },
    ]);
    const within = next((d) => {
      d.sections[0]!.fields.reverse();
    });
    const moved = diffForms(v1, within).map((e) => e.id);
    // Reversing three items keeps one in place relative to the others; two moved.
    expect(moved).toHaveLength(2);
    expect(diffForms(v1, within).every((e) => e.kind === 'moved' && e.from === 's1' && e.to === 's1')).toBe(true);
  });

  it('reports sections reordered, added and removed, and rule changes', () => {
    const v2 = next((d) => {
      d.sections.reverse();
      d.sections.push({ id: 's3', title: '新分区', fields: [] });
      d.rules[0]!.severity = 'error';
      d.rules.push({ id: 'r2', expression: 'bases >= 0', severity: 'error', message: '基地数不能为负' });
    });
    const entries = diffForms(v1, v2);
    // Two sections swapped: one of them counts as moved, and none of their fields.
    expect(entries.filter((e) => e.kind === 'moved')).toEqual([
      { kind: 'moved', target: 'section', id: expect.stringMatching(/^s[12]$/), label: expect.any(String) },
    ]);
    expect(entries.filter((e) => e.kind !== 'moved')).toEqual([
      { kind: 'added', target: 'section', id: 's3', label: '新分区' },
      { kind: 'changed', target: 'rule', id: 'r1', label: '参与人次应不少于场次', properties: ['severity'] },
      { kind: 'added', target: 'rule', id: 'r2', label: '基地数不能为负' },
    ]);
  });
});
