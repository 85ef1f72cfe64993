import { describe, expect, it } from 'vitest';
import { FormDefinition } from '@kesu/schema';
import { byField, draftPayload, formLogic, formState, payloadOf, topField, warningsOf } from './form-logic';

const logic = formLogic(
  FormDefinition.parse({
    title: '基地报表',
    periodKind: 'year',
    sections: [
      {
        id: 'base',
        title: '科普基地',
        fields: [
          { id: 'has_base', type: 'yes_no', label: '是否有基地', required: true },
          { id: 'urban', type: 'integer', label: '城区基地', showIf: 'has_base == true' },
          { id: 'rural', type: 'integer', label: '农村基地', showIf: 'has_base == true' },
          { id: 'total', type: 'integer', label: '合计', computed: 'urban + rural', showIf: 'has_base == true' },
          { id: 'note', type: 'long_text', label: '说明', required: true },
        ],
      },
    ],
    rules: [
      { id: 'many', expression: 'total < 100', severity: 'warning', message: '基地数偏多', field: 'total' },
      { id: 'rural_le', expression: 'rural <= 50', severity: 'error', message: '农村基地不超过 50', field: 'rural' },
    ],
  }),
);

describe('formState', () => {
  it('hides fields whose show-if fails and computes formulas from what is shown', () => {
    const hidden = formState(logic, { has_base: false, urban: 3 });
    expect([...hidden.visible]).toEqual(['has_base', 'note']);
    const shown = formState(logic, { has_base: true, urban: 3, rural: 4 });
    expect(shown.visible.has('total')).toBe(true);
    expect(shown.computed['total']).toBe(7);
  });
});

describe('payloads', () => {
  it('sends visible, filled, non-computed values only', () => {
    expect(payloadOf(logic, { has_base: false, urban: 3, note: '', total: 9 })).toEqual({ has_base: false });
    expect(payloadOf(logic, { has_base: true, urban: 3, rural: null, total: 9 })).toEqual({ has_base: true, urban: 3 });
  });

  it('leaves malformed values out of a draft so the server accepts the rest', () => {
    expect(draftPayload(logic, { has_base: true, urban: '三', rural: 2 })).toEqual({ has_base: true, rural: 2 });
    // A broken rule or a blank required field does not stop a draft.
    expect(draftPayload(logic, { has_base: true, rural: 80 })).toEqual({ has_base: true, rural: 80 });
  });
});

describe('warningsOf', () => {
  it('reports a warning while required fields are still blank, as soon as values are well-formed', () => {
    const payload = payloadOf(logic, { has_base: true, urban: 90, rural: 20 });
    expect(logic.compiled.validate(payload).ok).toBe(false);
    expect(warningsOf(logic, payload).map((w) => w.path)).toEqual(['total']);
  });

  it('reports none while a value is malformed, and those of the full form once it is valid', () => {
    expect(warningsOf(logic, { has_base: true, urban: 'x' })).toEqual([]);
    expect(warningsOf(logic, { has_base: true, urban: 90, rural: 20, note: '好' }).map((w) => w.code)).toEqual([
      'rule_warning',
    ]);
  });
});

describe('problem paths', () => {
  it('groups details by the field they start with', () => {
    expect(topField('activities[2].people')).toBe('activities');
    const grouped = byField([
      { path: 'a', code: 'x', message: '', messageEn: '' },
      { path: 'rows[0].n', code: 'y', message: '', messageEn: '' },
      { path: '', code: 'z', message: '', messageEn: '' },
    ]);
    expect([...grouped.keys()]).toEqual(['a', 'rows', '']);
  });
});
