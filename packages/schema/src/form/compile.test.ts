import { describe, expect, it } from 'vitest';
import { FormDefinition, type FormDefinitionInput } from './definition.js';
import { compileForm } from './compile.js';

const input: FormDefinitionInput = {
  title: '青少年科学素质提升行动季度报表',
  periodKind: 'quarter',
  sections: [
    {
      id: 'training',
      title: '培训情况',
      fields: [
        { id: 'held', type: 'yes_no', label: '本期是否开展培训', labelEn: 'Training held this period', required: true },
        {
          id: 'sessions',
          type: 'integer',
          label: '培训场次',
          labelEn: 'Sessions',
          unit: '场',
          required: true,
          showIf: 'held == true',
          binding: { indicator: 'training_sessions' },
        },
        {
          id: 'youth',
          type: 'integer',
          label: '青少年培训人次',
          labelEn: 'Youth person-times',
          unit: '人次',
          max: 1000000,
          showIf: 'held == true',
        },
        {
          id: 'teachers',
          type: 'integer',
          label: '教师培训人次',
          labelEn: 'Teacher person-times',
          unit: '人次',
          showIf: 'held == true',
        },
        {
          id: 'total',
          type: 'integer',
          label: '培训总人次',
          labelEn: 'Total person-times',
          computed: 'youth + teachers',
        },
      ],
    },
    {
      id: 'quality',
      title: '质量与经费',
      fields: [
        { id: 'coverage', type: 'percent', label: '学校覆盖率', labelEn: 'School coverage', scale: 1 },
        { id: 'funding', type: 'decimal', label: '投入经费', labelEn: 'Funding', unit: '万元', scale: 2, min: 0 },
        {
          id: 'level',
          type: 'choice',
          label: '活动级别',
          labelEn: 'Level',
          options: [
            { value: 'district', label: '区级' },
            { value: 'city', label: '市级' },
          ],
        },
        {
          id: 'topics',
          type: 'multi_choice',
          label: '活动主题',
          labelEn: 'Topics',
          maxSelected: 2,
          options: [
            { value: 'ai', label: '人工智能' },
            { value: 'space', label: '航天' },
            { value: 'health', label: '健康' },
          ],
        },
        {
          id: 'startedOn',
          type: 'date',
          label: '开始日期',
          labelEn: 'Start date',
          min: '2021-01-01',
          max: '2025-12-31',
        },
        { id: 'contact', type: 'text', label: '联系电话', labelEn: 'Phone', pattern: '1\\d{10}', maxLength: 11 },
        { id: 'note', type: 'long_text', label: '进展说明', labelEn: 'Progress note', maxLength: 50 },
      ],
    },
    {
      id: 'events',
      title: '活动明细',
      fields: [
        {
          id: 'activities',
          type: 'repeat_table',
          label: '活动',
          labelEn: 'Activities',
          maxRows: 3,
          uniqueBy: ['name'],
          columns: [
            { id: 'name', type: 'text', label: '活动名称', labelEn: 'Name', required: true },
            { id: 'people', type: 'integer', label: '参与人数', labelEn: 'Participants' },
          ],
        },
      ],
    },
  ],
  rules: [
    {
      id: 'teachersBelowYouth',
      expression: 'teachers <= youth',
      severity: 'error',
      field: 'teachers',
      message: '不应超过青少年培训人次',
      messageEn: 'should not exceed youth person-times',
    },
    {
      id: 'bigJump',
      expression: 'sessions <= 500',
      severity: 'warning',
      field: 'sessions',
      message: '场次异常偏高，请核实',
      messageEn: 'is unusually high; please check',
    },
  ],
};

const definition = FormDefinition.parse(input);
const form = compileForm(definition);
const valid = { held: true, sessions: 12, youth: 800, teachers: 40 };

type Case = [
  name: string,
  submission: unknown,
  expectation: { ok: boolean; path?: string; code?: string; warning?: string; values?: Record<string, unknown> },
];

const cases: Case[] = [
  ['minimal valid', valid, { ok: true, values: { ...valid, total: 840 } }],
  ['not held: only the flag', { held: false }, { ok: true, values: { held: false } }],
  [
    'every field filled',
    {
      ...valid,
      coverage: 87.5,
      funding: 12.34,
      level: 'city',
      topics: ['ai', 'space'],
      startedOn: '2024-02-29',
      contact: '13800138000',
      note: '按计划推进',
      activities: [
        { name: '科技节', people: 300 },
        { name: '讲座', people: null },
      ],
    },
    { ok: true },
  ],
  ['blank optional fields as null', { ...valid, coverage: null, funding: null, note: '' }, { ok: true }],
  ['required flag missing', {}, { ok: false, path: 'held', code: 'required' }],
  ['required sessions missing when held', { held: true }, { ok: false, path: 'sessions', code: 'required' }],
  ['sessions as string', { ...valid, sessions: '12' }, { ok: false, path: 'sessions', code: 'invalid_type' }],
  ['sessions fractional', { ...valid, sessions: 12.5 }, { ok: false, path: 'sessions', code: 'invalid_type' }],
  ['negative count', { ...valid, youth: -1 }, { ok: false, path: 'youth', code: 'too_small' }],
  ['count above max', { ...valid, youth: 1000001 }, { ok: false, path: 'youth', code: 'too_big' }],
  ['NaN is not a number', { ...valid, youth: Number.NaN }, { ok: false, path: 'youth', code: 'invalid_type' }],
  [
    'Infinity is not a number',
    { ...valid, youth: Number.POSITIVE_INFINITY },
    { ok: false, path: 'youth', code: 'invalid_type' },
  ],
  ['"1e999" string is not a number', { ...valid, youth: '1e999' }, { ok: false, path: 'youth', code: 'invalid_type' }],
  [
    'JSON 1e999 parses to Infinity',
    JSON.parse('{"held":true,"sessions":1,"youth":1e999}'),
    { ok: false, path: 'youth', code: 'invalid_type' },
  ],
  ['huge integer beyond any count', { ...valid, teachers: 1e13 }, { ok: false, path: 'teachers', code: 'too_big' }],
  ['boolean as string', { ...valid, held: 'true' }, { ok: false, path: 'held', code: 'invalid_type' }],
  ['boolean as number', { ...valid, held: 1 }, { ok: false, path: 'held', code: 'invalid_type' }],
  ['percent over 100', { ...valid, coverage: 100.1 }, { ok: false, path: 'coverage', code: 'too_big' }],
  ['percent below 0', { ...valid, coverage: -0.1 }, { ok: false, path: 'coverage', code: 'too_small' }],
  [
    'percent too many decimals',
    { ...valid, coverage: 87.55 },
    { ok: false, path: 'coverage', code: 'too_many_decimals' },
  ],
  [
    'decimal too many decimals',
    { ...valid, funding: 1.234 },
    { ok: false, path: 'funding', code: 'too_many_decimals' },
  ],
  ['decimal negative below min', { ...valid, funding: -5 }, { ok: false, path: 'funding', code: 'too_small' }],
  ['choice not an option', { ...valid, level: 'province' }, { ok: false, path: 'level', code: 'invalid_value' }],
  ['choice wrong type', { ...valid, level: 1 }, { ok: false, path: 'level', code: 'invalid_value' }],
  [
    'multi-choice unknown option',
    { ...valid, topics: ['ai', 'music'] },
    { ok: false, path: 'topics[1]', code: 'invalid_value' },
  ],
  [
    'multi-choice too many',
    { ...valid, topics: ['ai', 'space', 'health'] },
    { ok: false, path: 'topics', code: 'too_big' },
  ],
  [
    'multi-choice duplicate',
    { ...valid, topics: ['ai', 'ai'] },
    { ok: false, path: 'topics', code: 'duplicate_choice' },
  ],
  ['multi-choice not a list', { ...valid, topics: 'ai' }, { ok: false, path: 'topics', code: 'invalid_type' }],
  ['date malformed', { ...valid, startedOn: '2024/01/01' }, { ok: false, path: 'startedOn', code: 'invalid_format' }],
  ['date impossible', { ...valid, startedOn: '2023-02-29' }, { ok: false, path: 'startedOn', code: 'invalid_format' }],
  [
    'date out of range',
    { ...valid, startedOn: '2026-01-01' },
    { ok: false, path: 'startedOn', code: 'date_out_of_range' },
  ],
  ['text pattern mismatch', { ...valid, contact: '12345' }, { ok: false, path: 'contact', code: 'pattern' }],
  ['text too long', { ...valid, contact: '1380013800012' }, { ok: false, path: 'contact', code: 'too_big' }],
  ['long text too long', { ...valid, note: '很'.repeat(51) }, { ok: false, path: 'note', code: 'too_big' }],
  ['unknown field', { ...valid, bonus: 1 }, { ok: false, path: 'bonus', code: 'unknown_field' }],
  [
    'prototype key is unknown',
    JSON.parse('{"held":true,"sessions":1,"__proto__":{"x":1}}'),
    { ok: false, path: '__proto__', code: 'unknown_field' },
  ],
  ['not an object', [valid], { ok: false, path: '', code: 'invalid_type' }],
  ['null body', null, { ok: false, path: '', code: 'invalid_type' }],
  [
    'hidden but filled is dropped',
    { held: false, sessions: 5, youth: 10 },
    { ok: true, warning: 'hidden_dropped', values: { held: false } },
  ],
  [
    'computed tampering is replaced',
    { ...valid, total: 99999 },
    { ok: true, warning: 'computed_replaced', values: { ...valid, total: 840 } },
  ],
  [
    'computed with a blank part stays blank',
    { held: true, sessions: 3, youth: 5 },
    { ok: true, values: { held: true, sessions: 3, youth: 5 } },
  ],
  ['error rule blocks', { ...valid, teachers: 900 }, { ok: false, path: 'teachers', code: 'rule' }],
  ['warning rule reports, does not block', { ...valid, sessions: 800 }, { ok: true, warning: 'rule_warning' }],
  ['rule with a blank side is undecided', { held: true, sessions: 2, teachers: 10 }, { ok: true }],
  [
    'table row unknown column',
    { ...valid, activities: [{ name: 'a', extra: 1 }] },
    { ok: false, path: 'activities[0].extra', code: 'unknown_field' },
  ],
  [
    'table cell wrong type',
    { ...valid, activities: [{ name: 'a', people: 'many' }] },
    { ok: false, path: 'activities[0].people', code: 'invalid_type' },
  ],
  [
    'table negative cell',
    { ...valid, activities: [{ name: 'a', people: -3 }] },
    { ok: false, path: 'activities[0].people', code: 'too_small' },
  ],
  [
    'table too many rows',
    { ...valid, activities: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] },
    { ok: false, path: 'activities', code: 'too_big' },
  ],
  [
    'table duplicate rows',
    {
      ...valid,
      activities: [
        { name: '科技节', people: 1 },
        { name: '科技节', people: 2 },
      ],
    },
    { ok: false, path: 'activities', code: 'duplicate_row' },
  ],
  [
    'table not a list',
    { ...valid, activities: { name: 'a' } },
    { ok: false, path: 'activities', code: 'invalid_type' },
  ],
];

describe('compileForm: submissions', () => {
  it('has a table of at least 40 submissions', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s', (_name, submission, expected) => {
    const result = form.validate(submission);
    expect(result.ok).toBe(expected.ok);
    if (result.ok) {
      if (expected.values) expect(result.values).toEqual(expected.values);
      if (expected.warning) expect(result.warnings.map((w) => w.code)).toContain(expected.warning);
      for (const w of result.warnings) expect(w.message).toMatch(/[\u4e00-\u9fff]/);
      return;
    }
    const match = result.errors.find((e) => e.path === expected.path);
    expect(match, JSON.stringify(result.errors)).toBeDefined();
    expect(match?.code).toBe(expected.code);
    for (const error of result.errors) {
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(error.messageEn).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('names the field by its label in both languages', () => {
    const result = form.validate({ ...valid, youth: -1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toEqual({
        path: 'youth',
        code: 'too_small',
        message: '「青少年培训人次」不能小于 0',
        messageEn: '"Youth person-times" must be at least 0',
      });
    }
  });

  it('names a table cell by row and column', () => {
    const result = form.validate({ ...valid, activities: [{ name: 'a', people: 'x' }] });
    expect(!result.ok && result.errors[0]?.message).toBe('「活动」第 1 行「参与人数」必须是数字');
  });

  it('the zod schema is the validator: strict in, cleaned values out', () => {
    const out = form.schema.parse({ ...valid, total: 1 });
    expect(out.values.total).toBe(840);
    expect(form.schema.safeParse({ ...valid, nope: 1 }).success).toBe(false);
  });
});

describe('FormDefinition', () => {
  it('rejects duplicate field ids', () => {
    const bad = structuredClone(input);
    bad.sections[1]!.fields.push({ id: 'held', type: 'yes_no', label: '重复' });
    expect(FormDefinition.safeParse(bad).success).toBe(false);
  });

  it('rejects expressions naming unknown fields, with the position', () => {
    const bad = structuredClone(input);
    bad.sections[0]!.fields[1]!.showIf = 'held == true && ghost > 1';
    const result = FormDefinition.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("unknown field 'ghost' at 16");
  });

  it('rejects reserved and malformed field ids', () => {
    for (const id of ['and', '1abc', 'a-b', '']) {
      const bad = structuredClone(input);
      bad.sections[0]!.fields[0]!.id = id;
      expect(FormDefinition.safeParse(bad).success, id).toBe(false);
    }
  });

  it('refuses to compile a circular formula', () => {
    const bad = FormDefinition.parse({
      title: 'x',
      periodKind: 'year',
      sections: [
        {
          id: 's',
          title: 's',
          fields: [
            { id: 'a', type: 'integer', label: 'a', computed: 'b + 1' },
            { id: 'b', type: 'integer', label: 'b', computed: 'a + 1' },
          ],
        },
      ],
    });
    expect(() => compileForm(bad)).toThrow(/circular/);
  });

  it('applies section show-if to every field of the section', () => {
    const def = FormDefinition.parse({
      title: 'x',
      periodKind: 'year',
      sections: [
        { id: 's1', title: 's1', fields: [{ id: 'on', type: 'yes_no', label: '开启' }] },
        { id: 's2', title: 's2', showIf: 'on', fields: [{ id: 'n', type: 'integer', label: '数量', required: true }] },
      ],
    });
    const compiled = compileForm(def);
    expect(compiled.validate({ on: false }).ok).toBe(true);
    expect(compiled.validate({ on: true }).ok).toBe(false);
  });
});
