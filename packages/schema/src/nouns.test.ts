import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { Department, DepartmentFunction } from './department.js';
import { Indicator, IndicatorCatalog, indicatorKinds } from './indicator.js';
import { LiteracyTarget, Plan, Section, Task } from './plan.js';
import { provinceCodeOf, Region, regionsAbove } from './region.js';
import {
  actualUnitOf,
  combineOf,
  describeActual,
  describeTarget,
  scopesWhere,
  Target,
  TARGET_SCOPES,
  targetScopes,
  withScope,
} from './target.js';

/** Every schema gets a row of values it must accept and values it must refuse. */
function table<T extends z.ZodType>(name: string, schema: T, good: unknown[], bad: Array<[string, unknown]>) {
  describe(name, () => {
    it.each(good.map((g, i) => [i, g]))('accepts good value %i', (_i, value) => {
      const result = schema.safeParse(value);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    });
    it.each(bad)('refuses %s', (_why, value) => {
      expect(schema.safeParse(value).success).toBe(false);
    });
  });
}

const region = { code: '653000', name: '克孜勒苏柯尔克孜自治州', short: '克州', level: 'prefecture', parent: '650000' };
table(
  'Region',
  Region,
  [
    region,
    { ...region, code: '650000', level: 'province', parent: null },
    { ...region, code: '510104001', level: 'township' },
  ],
  [
    ['a five-digit code', { ...region, code: '65300' }],
    ['a code with letters', { ...region, code: '65300X' }],
    ['an unknown level', { ...region, level: 'city' }],
    ['a one-character name', { ...region, name: '州' }],
    ['a missing parent key', { code: '653000', name: '克州克州', short: '克州', level: 'prefecture' }],
  ],
);

const fn = {
  code: 'science_association',
  nameZh: '科协',
  nameEn: 'Association for Science and Technology',
  aliases: ['科协', '科学技术协会'],
};
table(
  'DepartmentFunction',
  DepartmentFunction,
  [fn, { ...fn, patterns: ['^共青团.+委员会$'] }],
  [
    ['no aliases', { ...fn, aliases: [] }],
    ['a code with capitals', { ...fn, code: 'Science' }],
    ['an empty alias', { ...fn, aliases: [''] }],
  ],
);

table(
  'Department',
  Department,
  [
    { raw: '区科协', name: '锦江区科学技术协会', function: 'science_association', region: '510104' },
    { raw: '各成员单位', name: '各成员单位', function: 'collective', region: null },
    { raw: '州博物馆', name: '州博物馆', function: null, region: '532300' },
  ],
  [
    ['an empty raw name', { raw: '', name: 'x', function: null, region: null }],
    ['a bad region code', { raw: '区科协', name: '区科协', function: null, region: '5101' }],
    ['a name longer than 120', { raw: '局'.repeat(121), name: 'x', function: null, region: null }],
  ],
);

const indicator = {
  code: 'training_person_times',
  nameZh: '培训人次',
  nameEn: 'Person-times trained',
  unit: '人次',
  kind: 'flow',
  family: 'activities',
  familyZh: '科普活动',
  disaggregations: ['targetGroup'],
  keywords: ['培训', '人次'],
  descriptionZh: '',
  descriptionEn: '',
};
table(
  'Indicator',
  Indicator,
  [indicator, { ...indicator, kind: 'rate', unit: '%' }],
  [
    ['an unknown kind', { ...indicator, kind: 'ratio' }],
    ['a code with a dash', { ...indicator, code: 'training-person' }],
    ['no unit', { ...indicator, unit: '' }],
  ],
);

describe('IndicatorCatalog', () => {
  const disaggregations = {
    targetGroup: {
      nameZh: '重点人群',
      nameEn: 'Target group',
      values: [{ code: 'youth', nameZh: '青少年', nameEn: 'Youth' }],
    },
  };
  it('accepts a consistent catalog', () => {
    expect(IndicatorCatalog.safeParse({ disaggregations, indicators: [indicator] }).success).toBe(true);
  });
  it('refuses duplicate codes and unknown disaggregations', () => {
    const result = IndicatorCatalog.safeParse({ disaggregations: {}, indicators: [indicator, indicator] });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'unknown disaggregation targetGroup',
      'duplicate code training_person_times',
      'unknown disaggregation targetGroup',
    ]);
  });
  it('never sums a rate across regions, sums flows over time', () => {
    expect(indicatorKinds.rate.acrossRegions).toBe('none');
    expect(indicatorKinds.flow.overTime).toBe('sum');
    expect(indicatorKinds.stock.overTime).toBe('latest');
  });
});

const target = {
  text: '每年培训不少于2000名专业技能工人',
  metric: '专业技能工人培训人数',
  value: 2000,
  valueMax: null,
  unit: '名',
  comparator: '>=',
  scope: 'annual',
  perUnit: null,
  deadline: null,
  section: 2,
  task: '12.',
  leadUnits: ['区总工会'],
  indicator: 'training_person_times',
  span: { start: 100, end: 117 },
};
table(
  'Target',
  Target,
  [
    target,
    { ...target, scope: 'cumulative', deadline: 2025 },
    { ...target, scope: 'point_in_time', unit: '%', value: 90 },
    { ...target, scope: 'per_unit', perUnit: '每校每学期', value: 2, unit: '次' },
    { ...target, scope: 'milestone', unit: null, value: 1, deadline: 2023 },
    { ...target, comparator: '=', value: 1, valueMax: 2, unit: '项' },
    { ...target, comparator: '~', value: 50, unit: '户', indicator: null },
  ],
  [
    ['an unknown scope', { ...target, scope: 'monthly' }],
    ['a per-unit target without its unit', { ...target, scope: 'per_unit' }],
    ['a perUnit on an annual target', { ...target, perUnit: '每校' }],
    ['a null unit outside milestones', { ...target, unit: null }],
    ['a range upside down', { ...target, value: 5, valueMax: 2 }],
    ['a negative value', { ...target, value: -1 }],
    ['an unknown comparator', { ...target, comparator: '<' }],
    ['a deadline of 25', { ...target, deadline: 25 }],
    ['a span ending before it starts', { ...target, span: { start: 9, end: 3 } }],
    ['Infinity', { ...target, value: Number.POSITIVE_INFINITY }],
  ],
);

describe('targetScopes', () => {
  it('has rules for every scope, in both languages', () => {
    expect(Object.keys(targetScopes).sort()).toEqual([...TARGET_SCOPES].sort());
    for (const rules of Object.values(targetScopes)) {
      expect(rules.labelZh).toMatch(/[\u4e00-\u9fff]/);
      expect(rules.actualEn).toMatch(/^[\x20-\x7e]+$/);
    }
  });
  it('tells how each kind of target combines', () => {
    expect(combineOf('point_in_time', '人')).toBe('stock');
    expect(combineOf('point_in_time', '%')).toBe('rate');
    expect(combineOf('annual', '人次')).toBe('flow');
    expect(combineOf('cumulative', '个')).toBe('flow');
    expect(combineOf('per_unit', '%')).toBe('rate');
    expect(combineOf('milestone', '项')).toBe('milestone');
  });

  it('picks scopes by a trait and shows each actual in its unit', () => {
    expect(scopesWhere((r) => r.actual === 'share_of_units')).toEqual(['per_unit']);
    expect(scopesWhere((r) => r.actual === 'amount')).toEqual(['annual', 'cumulative', 'point_in_time']);
    expect(actualUnitOf({ scope: 'per_unit', unit: '名' })).toBe('%');
    expect(actualUnitOf({ scope: 'milestone', unit: '项' })).toBe('项');
    expect(actualUnitOf({ scope: 'annual', unit: '人次' })).toBe('人次');
  });

  it('reshapes a target moved to another scope', () => {
    const annual = Target.parse(target);
    const perUnit = withScope(annual, 'per_unit');
    expect(perUnit).toMatchObject({ scope: 'per_unit', perUnit: '', unit: annual.unit });
    expect(withScope({ ...perUnit, perUnit: '每校' } as Target, 'annual')).toMatchObject({
      scope: 'annual',
      perUnit: null,
    });
    expect(withScope({ ...annual, scope: 'milestone', unit: null } as Target, 'cumulative').unit).toBe('');
  });

  it('reads a target back', () => {
    expect(describeTarget(Target.parse(target))).toEqual({
      zh: '每年 不少于 2,000名',
      en: 'Annual at least 2,000 people',
    });
    const perUnit = Target.parse({
      ...target,
      scope: 'per_unit',
      perUnit: '每校每学期',
      value: 2,
      unit: '次',
      deadline: 2025,
    });
    expect(describeTarget(perUnit).zh).toBe('按单元（每校每学期） 不少于 2次 · 2025');
    expect(describeTarget(Target.parse({ ...target, comparator: '=', value: 1, valueMax: 2, unit: '项' })).zh).toBe(
      '每年 1–2项',
    );
  });
  it('reads an actual as its scope counts it', () => {
    expect(describeActual({ scope: 'annual', unit: '名', actual: 1900 }, 'zh')).toBe('1,900名');
    expect(describeActual({ scope: 'per_unit', unit: '名', actual: 95.9 }, 'zh')).toBe('95.9%');
    expect(describeActual({ scope: 'milestone', unit: null, actual: 1 }, 'zh')).toBe('已完成');
    expect(describeActual({ scope: 'milestone', unit: null, actual: 0 }, 'en')).toBe('not done');
    expect(describeActual({ scope: 'cumulative', unit: '所', actual: null }, 'zh')).toBe('—');
  });
  it('carries a previous term on a next-term target, and refuses a status it does not know', () => {
    const previous = {
      text: '每年培训不少于2000名专业技能工人',
      scope: 'annual',
      comparator: '>=',
      value: 2000,
      valueMax: null,
      unit: '名',
      perUnit: null,
      deadline: null,
      actual: 1900,
      year: 2025,
      status: 'at_risk',
    };
    expect(Target.parse({ ...target, previous }).previous?.actual).toBe(1900);
    expect(Target.safeParse({ ...target, previous: { ...previous, status: 'late' } }).success).toBe(false);
  });
});

const task = {
  ordinal: '1.',
  title: '将弘扬科学精神贯穿于育人全链条',
  leadUnits: ['县教育和体育局'],
  responsibleUnits: [],
  span: { start: 0, end: 10 },
};
table(
  'Task',
  Task,
  [task],
  [
    ['an empty title', { ...task, title: '' }],
    ['units as a string', { ...task, leadUnits: '县教育和体育局' }],
  ],
);

const section = {
  kind: 'action',
  ordinal: '(一)',
  title: '青少年科学素质提升行动',
  targetGroup: 'youth',
  leadUnits: [],
  responsibleUnits: [],
  tasks: [task],
  span: { start: 0, end: 50 },
};
table(
  'Section',
  Section,
  [section, { ...section, kind: 'project', targetGroup: null, tasks: [] }],
  [
    ['a full-width ordinal', { ...section, ordinal: '（一）' }],
    ['an unknown target group', { ...section, targetGroup: 'students' }],
    ['an unknown kind', { ...section, kind: 'chapter' }],
  ],
);

table(
  'LiteracyTarget',
  LiteracyTarget,
  [
    { value: 18, stretch: 20, deadline: 2025 },
    { value: 8.7, stretch: null, deadline: 2025 },
  ],
  [
    ['over 100 %', { value: 118, stretch: null, deadline: 2025 }],
    ['no deadline', { value: 18, stretch: null }],
  ],
);

const plan = {
  region: { name: '友谊县', short: '友谊', level: 'county', province: '黑龙江省', parent: '双鸭山市', code: '230522' },
  title: '友谊县全民科学素质行动规划纲要实施方案（2021—2025年）',
  docNumber: '友政办发〔2022〕25号',
  issuedOn: '2022-10-10',
  period: { start: 2021, end: 2025 },
  draft: false,
  literacyTarget: { value: 12.5, stretch: null, deadline: 2025 },
  sections: [section],
  targets: [target],
  departments: [{ raw: '县科协', name: '友谊县科学技术协会', function: 'science_association', region: '230522' }],
  issues: [{ code: 'unit_unresolved', message: '无法识别的单位', messageEn: 'unit not recognised', span: null }],
};
table(
  'Plan',
  Plan,
  [plan, { ...plan, docNumber: null, issuedOn: null, literacyTarget: null, region: { ...plan.region, code: null } }],
  [
    ['an impossible issue date', { ...plan, issuedOn: '2022-02-30' }],
    ['a period ending before it starts', { ...plan, period: { start: 2025, end: 2021 } }],
    ['a draft flag as text', { ...plan, draft: 'no' }],
    ['an issue without a code', { ...plan, issues: [{ message: 'x', messageEn: 'x', span: null }] }],
  ],
);

describe('provinceCodeOf', () => {
  it('keeps the first two digits', () => {
    expect(provinceCodeOf('510104')).toBe('510000');
    expect(provinceCodeOf('653000')).toBe('650000');
  });
});

describe('regions above a region', () => {
  const r = (code: string, name: string, parent: string | null): Region => ({
    code,
    name,
    short: name,
    level: 'county',
    parent,
  });
  const sichuan = r('510000', '四川省', null);
  const chengdu = r('510100', '成都市', '510000');
  const jinjiang = r('510104', '锦江区', '510100');
  const byCode = new Map([sichuan, chengdu, jinjiang].map((x) => [x.code, x]));
  it('lists the parent first, up to the province', () => {
    expect(regionsAbove(byCode, jinjiang).map((x) => x.name)).toEqual(['成都市', '四川省']);
    expect(regionsAbove(byCode, sichuan)).toEqual([]);
  });
  it('stops at a parent the registry lacks, and never loops on a broken link', () => {
    expect(regionsAbove(byCode, r('999999', '某县', '990000'))).toEqual([]);
    const loop = new Map([
      ['110000', r('110000', '甲', '110100')],
      ['110100', r('110100', '乙', '110000')],
    ]);
    expect(regionsAbove(loop, loop.get('110100')!).length).toBe(8);
  });
});
