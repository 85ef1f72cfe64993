import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/normalise.js';
import { findTargets } from './targets.js';

const period = { start: 2021, end: 2025 };

function targets(raw: string) {
  const doc = normalise(raw);
  return findTargets(doc.match, 0, period).targets.map((t) => ({
    text: doc.text.slice(t.span.start, t.span.end),
    value: t.value,
    comparator: t.comparator,
    scope: t.scope,
    deadline: t.deadline,
  }));
}

describe('findTargets: what is a target', () => {
  it.each([
    [
      '每年培训不少于2000名专业技能工人。',
      { text: '每年培训不少于2000名专业技能工人', value: 2000, comparator: '>=', scope: 'annual', deadline: null },
    ],
    [
      '到2025年，新增区级以上科普基地3个。',
      { text: '新增区级以上科普基地3个', value: 3, comparator: '=', scope: 'cumulative', deadline: 2025 },
    ],
    [
      '五年发展科普志愿队伍人数不少于1500人。',
      {
        text: '五年发展科普志愿队伍人数不少于1500人',
        value: 1500,
        comparator: '>=',
        scope: 'cumulative',
        deadline: null,
      },
    ],
    [
      '每校每学期举办科普讲座不少于2次。',
      { text: '每校每学期举办科普讲座不少于2次', value: 2, comparator: '>=', scope: 'per_unit', deadline: null },
    ],
    [
      '到“十四五”末，注册科技志愿者人数达1万人以上。',
      { text: '注册科技志愿者人数达1万人以上', value: 10000, comparator: '>=', scope: 'point_in_time', deadline: 2025 },
    ],
    [
      '2023年底前成立罕台镇、兴胜街道办事处基层科协组织。',
      {
        text: '2023年底前成立罕台镇、兴胜街道办事处基层科协组织',
        value: 1,
        comparator: '=',
        scope: 'milestone',
        deadline: 2023,
      },
    ],
    [
      '遴选科技示范户50户左右。',
      { text: '遴选科技示范户50户左右', value: 50, comparator: '~', scope: 'cumulative', deadline: null },
    ],
    [
      '到2025年新培育工匠人才超过200名。',
      { text: '到2025年新培育工匠人才超过200名', value: 200, comparator: '>', scope: 'cumulative', deadline: 2025 },
    ],
  ])('%s', (raw, expected) => {
    expect(targets(raw)).toEqual([expected]);
  });

  it('carries 每年 over the coordinated clauses of a sentence (锦江 004, task 8)', () => {
    expect(targets('每年开展免费技能培训不少于30场，培训不少于1000人次。').map((t) => t.scope)).toEqual([
      'annual',
      'annual',
    ]);
  });

  it('reads the goal of a clause, not the condition of whom it applies to', () => {
    expect(
      targets('到2025年，常住人口100万人以上的城市至少要拥有1座达标科技馆。').map((t) => [
        t.value,
        t.comparator,
        t.scope,
      ]),
    ).toEqual([[1, '>=', 'per_unit']]);
  });

  it('reads a headcount after 其中 as part of the level it details', () => {
    expect(
      targets('到2025年，全省技能人才总量达到700万人，其中高技能人才210万人以上。').map((t) => [t.value, t.scope]),
    ).toEqual([
      [7000000, 'point_in_time'],
      [2100000, 'point_in_time'],
    ]);
  });

  it('splits coordinated goals, but not a shared counted noun (楚雄 002, 锦江 004)', () => {
    expect(targets('选派农村科技特派员100人以上、科技特派团5个以上。').map((t) => t.text)).toEqual([
      '选派农村科技特派员100人以上',
      '科技特派团5个以上',
    ]);
    expect(targets('建成2个区级、1个以上市级科技辅导员名师工作室。').map((t) => t.text)).toEqual([
      '建成2个区级、1个以上市级科技辅导员名师工作室',
      '建成2个区级、1个以上市级科技辅导员名师工作室',
    ]);
  });

  it.each([
    ['document numbers and dates', '依据《通知》（国发〔2021〕9号），2022年10月10日印发。'],
    [
      'structural counts',
      '在“十四五”时期实施5项重点工程，聚焦五大重点人群，开展7个专项行动，组织实施五项科学素质提升行动。',
    ],
    [
      'numerals inside names',
      '推广12396热线、“3+2”模式、15分钟生活圈、“5G+科普”、“万名党员进党校”和三下乡活动，推进教育信息化2.0。',
    ],
    ['party congresses', '深入贯彻党的十九大和十九届历次全会精神，贯彻落实自治区党委十届五次全会精神。'],
    ['goals with no number', '建成一批科普基地，实现全覆盖，人均科普经费不低于全市平均水平。'],
    [
      'achieved and baseline values',
      '2020年全市公民科学素质比例达到10.56%。截至去年底，全市已建成科普基地45个，其中国家级6个。',
    ],
    ['slogans and set phrases', '以“四个面向”要求开展创作，让科学知识走进千家万户。'],
    ['the territory a goal covers', '推动全县24个乡镇科协组织实现全覆盖。'],
    ['a campaign named by a bare numeral', '统筹开展“三下乡”、科普文化进万家等活动。'],
    ["a count of the plan's own work", '《实施方案》部署了两类十项重点工作任务。'],
    ['commendations and awards', '会议表彰了4个先进集体、10名先进个人，颁发一等奖3项。'],
  ])('not a target: %s', (_what, raw) => {
    expect(targets(raw)).toEqual([]);
  });
});

describe('findTargets: the literacy rate', () => {
  it('reads value, stretch and deadline; the 力争 value is a target of its own (锦江 004)', () => {
    const doc = normalise('到2025年，全区公民具备科学素质的比例超过18%，力争达到20%。');
    const found = findTargets(doc.match, 0, period);
    expect(found.literacy).toEqual({ value: 18, stretch: 20, deadline: 2025 });
    expect(found.targets.map((t) => doc.text.slice(t.unitSpan!.start, t.unitSpan!.end))).toEqual(['%', '%']);
    expect(found.targets.map((t) => [t.value, t.comparator, t.scope, t.deadline, t.literacy])).toEqual([
      [18, '>', 'point_in_time', 2025, true],
      [20, '>=', 'point_in_time', 2025, true],
    ]);
  });

  it.each([
    [
      'a value reached by the end of the last term',
      '“十三五”末，全省公民具备科学素质的比例达到9.62%。到2025年，全省公民具备科学素质的比例超过14%，力争达到15%。',
      { value: 14, stretch: 15, deadline: 2025 },
    ],
    [
      'a 2035 goal beside the 2025 one',
      '到2025年，全市公民具备科学素质的比例达到15%；到2035年，全市公民具备科学素质的比例达到25%。',
      { value: 15, stretch: null, deadline: 2025 },
    ],
    [
      'a clause with baseline and goal',
      '全县公民具备科学素质的比例从目前的8%提升至12%。',
      { value: 12, stretch: null, deadline: 2025 },
    ],
    [
      "a value reached in the plan's first year",
      '2021年，全区公民具备科学素质的比例达到24.6%。到2025年，全区公民具备科学素质的比例达到28%。',
      { value: 28, stretch: null, deadline: 2025 },
    ],
  ])('the headline goal skips %s', (_what, raw, expected) => {
    const doc = normalise(raw);
    expect(findTargets(doc.match, 0, period).literacy).toEqual(expected);
  });

  it('keeps a 2035 goal as a target with its own deadline', () => {
    const doc = normalise('到2025年，全市公民具备科学素质的比例达到15%；到2035年，全市公民具备科学素质的比例达到25%。');
    expect(findTargets(doc.match, 0, period).targets.map((t) => [t.value, t.deadline])).toEqual([
      [15, 2025],
      [25, 2035],
    ]);
  });

  it("never takes the national rate quoted in a plan for the region's", () => {
    const doc = normalise(
      '《纲要》提出，到2025年，我国公民具备科学素质的比例超过15%。到2025年，全县公民具备科学素质的比例达到12%。',
    );
    const found = findTargets(doc.match, 0, period);
    expect(found.literacy).toEqual({ value: 12, stretch: null, deadline: 2025 });
    expect(found.targets.map((t) => t.value)).toEqual([12]);
  });

  it('skips a baseline printed before the goal', () => {
    const doc = normalise('全市公民具备科学素质的比例由2020年的10.56%提高到2025年的15%。');
    expect(findTargets(doc.match, 0, period).literacy).toEqual({ value: 15, stretch: null, deadline: 2025 });
  });
});
