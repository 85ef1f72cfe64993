import { describe, expect, it } from 'vitest';
import { Plan } from '@kesu/schema';
import type { UnitChoice } from '../../api/plans';
import {
  addTarget,
  readAmount,
  removeTarget,
  setTargetUnits,
  setTaskUnits,
  splitPoints,
  splitTarget,
  targetFromSelection,
} from './plan-edits';

// Shaped like a provincial plan (after the Gansu variant): one section, two tasks, one of them
// without a lead unit, and a target holding two goals in one clause.
const source = [
  '（一）青少年科学素质提升行动', // 0–13
  '（一）加强科技教师队伍建设。每年培训中小学科学教师2000人次以上、科技辅导员500人以上。【牵头单位：省教育厅；参与单位：省科协】',
  '（二）拓展校外科学教育渠道。办好青少年科技创新大赛，到2025年累计吸引参赛学生不少于50万人次。【参与单位：省科协、团省委】',
].join('\n');
const at = (s: string) => ({ start: source.indexOf(s), end: source.indexOf(s) + s.length });
const line = (n: number) => at(source.split('\n')[n] as string);

const twoGoals = '每年培训中小学科学教师2000人次以上、科技辅导员500人以上';
const base = (text: string) => ({
  text,
  metric: text,
  valueMax: null,
  comparator: '>=' as const,
  perUnit: null,
  deadline: null,
  indicator: null,
  span: at(text),
});

const plan: Plan = Plan.parse({
  region: { name: '甘肃省', short: '甘肃', level: 'province', province: '甘肃省', parent: null, code: '620000' },
  title: '甘肃省全民科学素质行动规划纲要实施方案（2021—2025年）',
  docNumber: null,
  issuedOn: null,
  period: { start: 2021, end: 2025 },
  draft: false,
  literacyTarget: null,
  sections: [
    {
      kind: 'action',
      ordinal: '(一)',
      title: '青少年科学素质提升行动',
      targetGroup: 'youth',
      leadUnits: [],
      responsibleUnits: [],
      span: { start: 0, end: source.length },
      tasks: [
        {
          ordinal: '(一)',
          title: '加强科技教师队伍建设',
          leadUnits: ['省教育厅'],
          responsibleUnits: ['省科协'],
          span: line(1),
        },
        {
          ordinal: '(二)',
          title: '拓展校外科学教育渠道',
          leadUnits: [],
          responsibleUnits: ['省科协', '团省委'],
          span: line(2),
        },
      ],
    },
  ],
  targets: [
    {
      ...base(twoGoals),
      value: 2000,
      unit: '人次',
      scope: 'annual',
      section: 0,
      task: '(一)',
      leadUnits: ['省教育厅'],
    },
    {
      ...base('到2025年累计吸引参赛学生不少于50万人次'),
      value: 500000,
      unit: '人次',
      scope: 'cumulative',
      section: 0,
      task: '(二)',
      leadUnits: [],
    },
  ],
  departments: [
    { raw: '省教育厅', name: '甘肃省教育厅', function: 'education', region: '620000' },
    { raw: '省科协', name: '甘肃省科协', function: 'science_association', region: '620000' },
    { raw: '团省委', name: '甘肃省团省委', function: 'youth_league', region: '620000' },
  ],
  issues: [
    {
      code: 'task_without_lead',
      message: '任务「拓展校外科学教育渠道」没有牵头单位（只列了责任单位：省科协、团省委）',
      messageEn: '…',
      span: line(2),
    },
    { code: 'target_without_indicator', message: '目标未对应目录指标', messageEn: '…', span: at(twoGoals) },
  ],
});

const choices: UnitChoice[] = [
  { raw: '省教育厅', name: '甘肃省教育厅', function: 'education', region: '620000', source: 'plan' },
  { raw: '省科技厅', name: '甘肃省科技厅', function: 'science_technology', region: '620000', source: 'registry' },
  { raw: '各成员单位', name: '各成员单位', function: 'collective', region: '620000', source: 'registry' },
];

/** Every target is exactly its source text, as the importer's contract and the API's check require. */
const faithful = (p: Plan) => p.targets.every((t) => source.slice(t.span.start, t.span.end) === t.text);

describe('deleting a target', () => {
  it('takes it and the issue about it alone away, and nothing else', () => {
    const next = removeTarget(plan, 0);
    expect(next.targets.map((t) => t.text)).toEqual(['到2025年累计吸引参赛学生不少于50万人次']);
    expect(next.issues.map((i) => i.code)).toEqual(['task_without_lead']);
    expect(plan.targets).toHaveLength(2);
    expect(removeTarget(plan, 9)).toBe(plan);
  });
});

describe('splitting a target', () => {
  it('offers the joining characters inside its text', () => {
    expect(splitPoints(twoGoals)).toEqual([twoGoals.indexOf('、')]);
    expect(splitPoints('和平')).toEqual([]);
  });

  it('makes two targets, each exactly its part of the source with the amount it names', () => {
    const next = splitTarget(plan, 0, twoGoals.indexOf('、'));
    expect(next.targets.map((t) => [t.text, t.value, t.unit, t.scope, t.leadUnits])).toEqual([
      ['每年培训中小学科学教师2000人次以上', 2000, '人次', 'annual', ['省教育厅']],
      ['科技辅导员500人以上', 500, '人', 'annual', ['省教育厅']],
      ['到2025年累计吸引参赛学生不少于50万人次', 500000, '人次', 'cumulative', []],
    ]);
    expect(faithful(next)).toBe(true);
    expect(Plan.safeParse(next).success).toBe(true);
  });

  it('refuses a place that is no joining character', () => {
    expect(splitTarget(plan, 0, 3)).toBe(plan);
  });
});

describe('adding a target from a selection in the source', () => {
  it('reads the selected clause, places it in its task and among the targets by position', () => {
    const span = at('办好青少年科技创新大赛');
    const made = targetFromSelection(plan, source, span);
    expect(made).toMatchObject({
      text: '办好青少年科技创新大赛',
      value: 1,
      unit: '项',
      section: 0,
      task: '(二)',
      leadUnits: [],
      scope: 'cumulative',
      span,
    });
    const { plan: next, index } = addTarget(plan, made);
    expect(index).toBe(1);
    expect(next.targets.map((t) => t.text)).toEqual([
      twoGoals,
      '办好青少年科技创新大赛',
      '到2025年累计吸引参赛学生不少于50万人次',
    ]);
    expect(faithful(next)).toBe(true);
    expect(Plan.safeParse(next).success).toBe(true);
  });

  it('reads amounts in 万, comparators, 每年 and the year of the clause', () => {
    expect(targetFromSelection(plan, source, at('到2025年累计吸引参赛学生不少于50万人次'))).toMatchObject({
      value: 500000,
      unit: '人次',
      comparator: '>=',
      deadline: 2025,
      scope: 'cumulative',
      metric: '累计吸引参赛学生不少于50万人次',
    });
    expect(targetFromSelection(plan, source, at('科技辅导员500人以上'))).toMatchObject({
      value: 500,
      unit: '人',
      comparator: '>=',
      task: '(一)',
      leadUnits: ['省教育厅'],
    });
    expect(readAmount('全省中小学实验室配备达标率达到95%以上')).toEqual({ value: 95, unit: '%' });
    expect(readAmount('没有数字')).toBeNull();
  });
});

describe('setting units from the registry', () => {
  it('gives a task its lead: its no-lead issue goes, its targets follow, the new unit joins the unit table', () => {
    const next = setTaskUnits(plan, 0, 1, ['省科技厅'], ['省科协', '团省委'], choices);
    expect(next.sections[0]?.tasks[1]).toMatchObject({
      leadUnits: ['省科技厅'],
      responsibleUnits: ['省科协', '团省委'],
    });
    expect(next.targets[1]?.leadUnits).toEqual(['省科技厅']);
    expect(next.targets[0]?.leadUnits).toEqual(['省教育厅']);
    expect(next.issues.map((i) => i.code)).toEqual(['target_without_indicator']);
    expect(next.departments.at(-1)).toEqual({
      raw: '省科技厅',
      name: '甘肃省科技厅',
      function: 'science_technology',
      region: '620000',
    });
    expect(Plan.safeParse(next).success).toBe(true);
  });

  it('keeps the no-lead issue while the task still has no lead, and a target the reviewer led otherwise', () => {
    const ledOtherwise = setTargetUnits(plan, 1, ['省教育厅'], [], choices);
    const next = setTaskUnits(ledOtherwise, 0, 1, [], ['各成员单位'], choices);
    expect(next.issues.map((i) => i.code)).toContain('task_without_lead');
    expect(next.targets[1]?.leadUnits).toEqual(['省教育厅']);
    expect(next.departments.map((d) => d.raw)).toEqual(['省教育厅', '省科协', '团省委', '各成员单位']);
  });

  it('gives a target lead and responsible units of its own', () => {
    const next = setTargetUnits(plan, 0, ['省科技厅'], ['省教育厅'], choices);
    expect(next.targets[0]).toMatchObject({ leadUnits: ['省科技厅'], responsibleUnits: ['省教育厅'] });
    expect(next.departments.filter((d) => d.raw === '省教育厅')).toHaveLength(1);
    expect(plan.targets[0]?.leadUnits).toEqual(['省教育厅']);
  });
});
