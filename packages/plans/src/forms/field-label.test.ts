import { describe, expect, it } from 'vitest';
import { Target, type TargetScope } from '@kesu/schema';
import { loadIndicatorCatalog } from '@kesu/seeds';
import { targetFieldNames } from './field-label.js';

const catalog = loadIndicatorCatalog();

/** A target as the importer reads it from a seed plan: its clause, metric, amount and indicator. */
function target(
  text: string,
  metric: string,
  value: number,
  unit: string,
  indicator: string | null,
  extra: { comparator?: string; scope?: TargetScope } = {},
): Target {
  return Target.parse({
    text,
    metric,
    value,
    valueMax: null,
    unit,
    comparator: extra.comparator ?? '>=',
    scope: extra.scope ?? 'cumulative',
    perUnit: null,
    deadline: null,
    section: 0,
    task: '1.',
    leadUnits: [],
    indicator,
    span: { start: 0, end: text.length },
  });
}

describe('targetFieldNames', () => {
  it.each<[string, Target, string, string | undefined]>([
    [
      '000 自治州: the indicator and the target group the clause names',
      target('每年培训农牧民7万人次', '培训农牧民7万人次', 70000, '人次', 'training_person_times'),
      '培训人次 · 农民',
      'Person-times trained · Farmers',
    ],
    [
      '004 锦江区: the school type the clause names',
      target('建立现代课程教学示范校5所', '建立现代课程教学示范校5所', 5, '所', 'featured_schools', {
        comparator: '=',
      }),
      '科技教育特色（示范）学校 · 现代课程教学示范校',
      'Science-featured and model schools · Modern curriculum teaching model school',
    ],
    [
      '004 锦江区: a stock with no breakdown in its words',
      target(
        '力争全区科技志愿服务队伍人数不少于8000人',
        '全区科技志愿服务队伍人数不少于8000人',
        8000,
        '人',
        'science_volunteers',
        { scope: 'point_in_time' },
      ),
      '科技（科普）志愿者人数',
      'Registered science volunteers',
    ],
    [
      '004 锦江区: a rate',
      target('居民健康素养水平达到31%', '居民健康素养水平达到31%', 31, '%', 'health_literacy_rate', {
        scope: 'point_in_time',
      }),
      '居民健康素养水平',
      'Resident health literacy level',
    ],
    [
      '003 东胜区: a breakdown the indicator already says',
      target(
        '每年建设不少于1个长期稳定的农业科技示范基地',
        '建设不少于1个长期稳定的农业科技示范基地',
        1,
        '个',
        'agricultural_demonstration_bases',
        { scope: 'annual' },
      ),
      '农业科技示范基地',
      'Agricultural technology demonstration bases',
    ],
    [
      '003 东胜区: two target groups in one clause',
      target(
        '开展“百嘎丽智惠科普大讲堂”等妇女、儿童科学素质培训5场次',
        '开展“百嘎丽智惠科普大讲堂”等妇女、儿童科学素质培训5场次',
        5,
        '场次',
        'trainings_held',
        { comparator: '=' },
      ),
      '培训场次（期数） · 妇女、儿童',
      'Training sessions held · Women, Children',
    ],
    [
      '003 东胜区: no catalog indicator, the metric without its quantity',
      target('建立1处新品种新技术试验示范基地', '建立1处新品种新技术试验示范基地', 1, '处', 'local_018', {
        comparator: '=',
      }),
      '建立新品种新技术试验示范基地',
      undefined,
    ],
    [
      '004 锦江区: a metric left with its verb keeps what it counts',
      target('培训不少于1000人次', '培训不少于1000人次', 1000, '人次', null),
      '培训人次',
      undefined,
    ],
    [
      'a lecture series',
      target('举办科普讲座100场次', '举办科普讲座100场次', 100, '场次', null),
      '举办科普讲座',
      undefined,
    ],
  ])('%s', (_case, t, label, labelEn) => {
    const [name] = targetFieldNames([t], catalog);
    expect(name?.label).toBe(label);
    expect(name?.labelEn).toBe(labelEn);
  });

  it('names targets the catalog names alike by their own metrics', () => {
    // 004: three kinds of school measured by one indicator, none naming its type in the catalog's words.
    const schools = [
      target('重点建设少年科学院3所', '重点建设少年科学院3所', 3, '所', 'featured_schools', { comparator: '=' }),
      target('重点建设少年科学院分院3所', '重点建设少年科学院分院3所', 3, '所', 'featured_schools', {
        comparator: '=',
      }),
    ];
    expect(targetFieldNames(schools, catalog).map((n) => n.label)).toEqual([
      '重点建设少年科学院',
      '重点建设少年科学院分院',
    ]);
  });

  it('adds the goal to targets printed in one clause', () => {
    // 004: 建成2个区级、1个以上市级科技辅导员名师工作室 is two targets with the same words.
    const text = '建成2个区级、1个以上市级科技辅导员名师工作室';
    const names = targetFieldNames(
      [
        target(text, text, 2, '个', 'master_teacher_studios', { comparator: '=' }),
        target(text, text, 1, '个', 'master_teacher_studios'),
      ],
      catalog,
    );
    expect(names).toEqual([
      {
        label: '科技辅导员名师工作室 · 县区级、市级（目标 2个）',
        labelEn: 'Master science-tutor studios · County / district, Municipal / prefecture (target 2)',
      },
      {
        label: '科技辅导员名师工作室 · 县区级、市级（目标 ≥ 1个）',
        labelEn: 'Master science-tutor studios · County / district, Municipal / prefecture (target ≥ 1)',
      },
    ]);
  });
});
