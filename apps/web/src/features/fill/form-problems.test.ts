import { describe, expect, it } from 'vitest';
import { FormDefinition } from '@kesu/schema';
import { formLogic, payloadOf, warningsOf } from './form-logic';
import { cellPath, formProblems, inputIdOf, shownErrors } from './form-problems';

const definition = FormDefinition.parse({
  title: '科普活动报表',
  periodKind: 'quarter',
  sections: [
    {
      id: 'people',
      title: '科普队伍',
      fields: [
        { id: 'staff', type: 'integer', label: '专职人员', required: true },
        { id: 'volunteers', type: 'integer', label: '志愿者', required: true },
      ],
    },
    {
      id: 'events',
      title: '科普活动',
      fields: [
        { id: 'lectures', type: 'integer', label: '讲座场次' },
        {
          id: 'activities',
          type: 'repeat_table',
          label: '活动明细',
          columns: [
            { id: 'name', type: 'text', label: '活动名称' },
            { id: 'visitors', type: 'integer', label: '参与人次' },
          ],
        },
      ],
    },
  ],
  rules: [
    {
      id: 'lectures_le',
      expression: 'lectures <= 500',
      severity: 'error',
      message: '讲座场次不超过 500',
      field: 'lectures',
    },
    {
      id: 'many',
      expression: 'volunteers < 1000',
      severity: 'warning',
      message: '志愿者人数偏多',
      field: 'volunteers',
    },
  ],
});
const logic = formLogic(definition);
const errorsOf = (values: Record<string, unknown>) => {
  const result = logic.compiled.validate(payloadOf(logic, values));
  return result.ok ? [] : result.errors;
};

describe('shownErrors', () => {
  const errors = errorsOf({
    lectures: 900,
    activities: [
      { name: '科技周', visitors: '三百' },
      { name: '开放日', visitors: -1 },
    ],
  });

  it('shows nothing, not even a blank required field, before anything was left', () => {
    expect(errorsOf({}).map((e) => e.code)).toEqual(['required', 'required']);
    expect(shownErrors(errorsOf({}), new Set(), false)).toEqual([]);
    expect(shownErrors(errors, new Set(), false)).toEqual([]);
  });

  it('shows the errors of a field once it was left, and of a table cell once that cell was left', () => {
    expect(shownErrors(errorsOf({}), new Set(['staff']), false).map((e) => e.path)).toEqual(['staff']);
    expect(shownErrors(errors, new Set([cellPath('activities', 1, 'visitors')]), false).map((e) => e.path)).toEqual([
      'activities[1].visitors',
    ]);
  });

  it('shows every error once a submit was tried', () => {
    expect(shownErrors(errorsOf({}), new Set(), true).map((e) => e.path)).toEqual(['staff', 'volunteers']);
  });
});

describe('formProblems', () => {
  it('lists errors and warnings without a reason in the order of the form, each with its section', () => {
    const values = { volunteers: 2000, lectures: 900 };
    const errors = errorsOf(values);
    const unexplained = warningsOf(logic, payloadOf(logic, values));
    expect(unexplained.map((w) => w.path)).toEqual(['volunteers']);
    const problems = formProblems(definition, [...errors].reverse(), unexplained);
    expect(problems.map((p) => [p.section?.title, p.path, p.kind])).toEqual([
      ['科普队伍', 'staff', 'error'],
      ['科普队伍', 'volunteers', 'reason'],
      ['科普活动', 'lectures', 'error'],
    ]);
    expect(problems.map((p) => p.detail.message)).toEqual([
      '「专职人员」为必填项',
      '「志愿者」志愿者人数偏多',
      '「讲座场次」讲座场次不超过 500',
    ]);
  });

  it('puts problems of the whole form first, with no section', () => {
    const whole = { path: '', code: 'rule', message: '合计不符', messageEn: 'totals differ' };
    const problems = formProblems(definition, [...errorsOf({ staff: 1 }), whole], []);
    expect(problems.map((p) => [p.section?.title ?? null, p.path])).toEqual([
      [null, ''],
      ['科普队伍', 'volunteers'],
    ]);
  });
});

describe('inputIdOf', () => {
  it('names the box of a field or of a table cell', () => {
    expect(inputIdOf('staff')).toBe('f-staff');
    expect(inputIdOf('activities[2].visitors')).toBe('f-activities-2-visitors');
    expect(inputIdOf('activities')).toBe('f-activities');
    expect(inputIdOf('')).toBeNull();
  });
});
