import { describe, expect, it } from 'vitest';
import { PairWithRollUp, UnmatchedTarget, type Plan, type RegionLevel, type Target } from '@kesu/schema';
import { loadIndicatorCatalog } from '@kesu/seeds';
import { alignTargets, chooseParentPlan, rollUp, type CandidatePlan, type PlanSide } from './index.js';

const catalog = loadIndicatorCatalog();

type Spec = Pick<Target, 'text' | 'value' | 'unit'> &
  Partial<Omit<Target, 'scope'>> & { scope: Target['scope']; indicator: string | null };

function target(spec: Spec): Target {
  return {
    metric: spec.text,
    valueMax: null,
    comparator: '>=',
    perUnit: null,
    deadline: null,
    section: null,
    task: null,
    leadUnits: [],
    span: { start: 0, end: 0 },
    ...spec,
  } as Target;
}

function side(level: RegionLevel, targets: Spec[], period = { start: 2021, end: 2025 }): PlanSide {
  const plan: Plan = {
    region: { name: '某地区', short: '某', level, province: '某省', parent: null, code: null },
    title: '实施方案',
    docNumber: null,
    issuedOn: null,
    period,
    draft: false,
    literacyTarget: null,
    sections: [],
    targets: targets.map(target),
    departments: [],
    issues: [],
  };
  return { plan, level };
}

const literacy = (value: number, comparator: Target['comparator'] = '>', deadline = 2025): Spec => ({
  text: `公民具备科学素质的比例超过${value}%`,
  value,
  unit: '%',
  scope: 'point_in_time',
  comparator,
  deadline,
  indicator: 'science_literacy_rate',
});

describe('alignment relations, worked examples', () => {
  it('a rate is compared value to value: stricter, the same, looser', () => {
    const parent = side('province', [literacy(13)]);
    const [stricter] = alignTargets(side('district', [literacy(18)]), parent, catalog).pairs;
    expect(stricter).toMatchObject({ relation: 'stricter', amount: 18, parentAmount: 13 });
    expect(stricter?.note.zh).toBe('本级「> 18%」高于上级「> 13%」');
    expect(alignTargets(side('district', [literacy(13)]), parent, catalog).pairs[0]?.relation).toBe('same');
    expect(alignTargets(side('district', [literacy(12)]), parent, catalog).pairs[0]?.relation).toBe('looser');
  });

  it('a 力争 value and a 2035 goal are set against the parent goal the headline met', () => {
    const local = side('district', [
      literacy(18),
      { ...literacy(20, '>='), text: '力争达到20%' },
      literacy(25, '>=', 2035),
    ]);
    const pairs = alignTargets(local, side('prefecture', [literacy(15.1, '>=')]), catalog).pairs;
    expect(pairs.map((p) => [p.amount, p.parentAmount, p.relation])).toEqual([
      [18, 15.1, 'stricter'],
      [20, 15.1, 'stricter'],
      [25, 15.1, 'stricter'],
    ]);
    expect(pairs[2]?.note.zh).toContain('目标年份不同');
  });

  it('at equal values, more than asks more than at least; different years are said', () => {
    const [pair] = alignTargets(
      side('county', [literacy(13, '>', 2024)]),
      side('prefecture', [literacy(13, '>=')]),
      catalog,
    ).pairs;
    expect(pair?.relation).toBe('stricter');
    expect(pair?.note.zh).toContain('目标年份不同（本级 2024 年，上级 2025 年）');
  });

  it('counts of a region against its parent’s are a share over the term, an annual target times the years', () => {
    const local = side('district', [
      {
        text: '每年培训不少于2000名专业技能工人',
        value: 2000,
        unit: '名',
        scope: 'annual',
        indicator: 'persons_trained',
      },
    ]);
    const parent = side('prefecture', [
      {
        text: '五年培训专业技能工人10万人',
        value: 100000,
        unit: '人',
        scope: 'cumulative',
        indicator: 'persons_trained',
      },
    ]);
    const [pair] = alignTargets(local, parent, catalog).pairs;
    expect(pair).toMatchObject({ relation: 'share', amount: 10000, parentAmount: 100000 });
    expect(pair?.note.zh).toBe('本级规划期合计 每年 ≥ 2,000名 × 5 年 = 1万名，占上级 ≥ 10万人 的 10%');
  });

  it('a count larger than the parent’s whole is flagged for a scope check', () => {
    const local = side('district', [
      { text: '新增科普基地30个', value: 30, unit: '个', scope: 'cumulative', indicator: 'science_bases' },
    ]);
    const parent = side('prefecture', [
      { text: '新增科普基地20个', value: 20, unit: '个', scope: 'cumulative', indicator: 'science_bases' },
    ]);
    expect(alignTargets(local, parent, catalog).pairs[0]?.note.zh).toContain('超过上级总量，请核对口径');
  });

  it('a level reached and an amount added are different scopes, never compared', () => {
    const local = side('district', [
      {
        text: '建设科普基地5个',
        value: 5,
        unit: '个',
        scope: 'point_in_time',
        deadline: 2025,
        indicator: 'science_bases',
      },
    ]);
    const parent = side('prefecture', [
      { text: '新增科普基地20个', value: 20, unit: '个', scope: 'cumulative', indicator: 'science_bases' },
    ]);
    const [pair] = alignTargets(local, parent, catalog).pairs;
    expect(pair).toMatchObject({ relation: 'different_scope', amount: null, parentAmount: null });
    expect(pair?.note.zh).toBe('本级为时点值目标（≥ 5个），上级为规划期累计目标（≥ 20个），口径不同，不作比较');
  });

  it('a parent asking so much of each county a year is compared with the county’s count over the term', () => {
    const local = side('county', [
      {
        text: '每年开展科普活动不少于60场',
        value: 60,
        unit: '场',
        scope: 'annual',
        indicator: 'science_activities_held',
      },
    ]);
    const parent = side('prefecture', [
      {
        text: '每个县（市、区）每年开展科普活动不少于50场',
        value: 50,
        unit: '场',
        scope: 'per_unit',
        perUnit: '每县每年',
        indicator: 'science_activities_held',
      },
    ]);
    const [pair] = alignTargets(local, parent, catalog).pairs;
    expect(pair).toMatchObject({ relation: 'stricter', amount: 300, parentAmount: 250 });
    expect(pair?.note.zh).toBe(
      '本级承诺 每年 ≥ 60场 × 5 年 = 300场，多于上级对每个地区的要求 每县每年 ≥ 50场 × 5 年 = 250场',
    );
  });

  it('a per-unit target of the same unit is compared value to value', () => {
    const lectures = (value: number): Spec => ({
      text: `每校每学期举办科普讲座不少于${value}次`,
      value,
      unit: '次',
      scope: 'per_unit',
      perUnit: '每校每学期',
      indicator: 'science_lectures',
    });
    expect(
      alignTargets(side('district', [lectures(2)]), side('prefecture', [lectures(3)]), catalog).pairs[0]?.relation,
    ).toBe('looser');
  });

  it('milestones: the earlier deadline asks more', () => {
    const founded = (deadline: number): Spec => ({
      text: `${deadline}年底前成立基层科协组织`,
      value: 1,
      unit: null,
      scope: 'milestone',
      deadline,
      indicator: 'grassroots_science_associations',
    });
    const [pair] = alignTargets(side('district', [founded(2023)]), side('prefecture', [founded(2024)]), catalog).pairs;
    expect(pair?.relation).toBe('stricter');
    expect(pair?.note.zh).toBe('本级 2023 年底前完成，上级要求 2024 年底前完成');
  });

  it('targets of one side only are listed as such, the local ones first', () => {
    const local = side('district', [
      literacy(18),
      { text: '健康素养水平达到31%', value: 31, unit: '%', scope: 'point_in_time', indicator: 'health_literacy_rate' },
    ]);
    const parent = side('prefecture', [
      literacy(13),
      { text: '新增科普基地20个', value: 20, unit: '个', scope: 'cumulative', indicator: 'science_bases' },
    ]);
    expect(
      alignTargets(local, parent, catalog).pairs.map((p) => [
        p.relation,
        p.target?.index ?? null,
        p.parentTarget?.index ?? null,
      ]),
    ).toEqual([
      ['stricter', 0, 0],
      ['local_only', 1, null],
      ['parent_only', null, 1],
    ]);
  });

  it('人 and 人次 are different units: no pair, both sides said why', () => {
    const local = side('district', [
      { text: '培训农民5000人', value: 5000, unit: '人', scope: 'cumulative', indicator: 'training_person_times' },
    ]);
    const parent = side('prefecture', [
      {
        text: '培训农民10万人次',
        value: 100000,
        unit: '人次',
        scope: 'cumulative',
        indicator: 'training_person_times',
      },
    ]);
    const result = alignTargets(local, parent, catalog);
    expect(result.pairs).toEqual([]);
    expect(result.unmatched.map((u) => [u.side, u.reason])).toEqual([
      ['plan', 'unit_differs'],
      ['parent', 'unit_differs'],
    ]);
    expect(result.unmatched[0]?.note.zh).toBe('本级以「人」计，上级同一指标以「人次」计，单位不同，不作比较');
  });

  it('different breakdowns never pair; one group pairs with the parent’s count of everyone, never the reverse', () => {
    const farmers: Spec = {
      text: '培训农民1000人次',
      value: 1000,
      unit: '人次',
      scope: 'cumulative',
      indicator: 'training_person_times',
    };
    const workers: Spec = {
      text: '培训产业工人2万人次',
      value: 20000,
      unit: '人次',
      scope: 'cumulative',
      indicator: 'training_person_times',
    };
    const all: Spec = {
      text: '开展各类培训10万人次',
      value: 100000,
      unit: '人次',
      scope: 'cumulative',
      indicator: 'training_person_times',
    };
    expect(
      alignTargets(side('county', [farmers]), side('prefecture', [workers]), catalog).pairs.map((p) => p.relation),
    ).toEqual(['local_only', 'parent_only']);
    const [pair] = alignTargets(side('county', [farmers]), side('prefecture', [workers, all]), catalog).pairs;
    expect(pair).toMatchObject({ relation: 'share', parentTarget: { index: 1 } });
    expect(pair?.note.zh).toContain('本级为其中一部分人群，上级不分组');
    expect(
      alignTargets(side('county', [all]), side('prefecture', [farmers]), catalog).pairs.map((p) => p.relation),
    ).toEqual(['local_only', 'parent_only']);
  });

  it('a target no catalog indicator measures is not paired', () => {
    const local = side('district', [
      { text: '建立1处新品种新技术试验示范基地', value: 1, unit: '处', scope: 'annual', indicator: 'local_018' },
    ]);
    const result = alignTargets(local, side('prefecture', [literacy(13)]), catalog);
    expect(result.unmatched).toMatchObject([{ side: 'plan', reason: 'no_indicator' }]);
    expect(result.pairs.map((p) => p.relation)).toEqual(['parent_only']);
  });
});

describe('roll-up of the children’s commitments', () => {
  const trainings = (value: number, scope: 'annual' | 'cumulative'): Spec => ({
    text: `培训专业技能工人${value}人`,
    value,
    unit: '人',
    scope,
    indicator: 'persons_trained',
  });
  const parent = side('prefecture', [trainings(100000, 'cumulative'), literacy(13)]);
  const child = (code: string, targets: Spec[]) => ({ ...side('county', targets), regionCode: code, regionName: code });

  it('adds flows over the term across the children and compares with the parent; a rate is never summed', () => {
    const children = [
      child('a', [trainings(2000, 'annual'), literacy(14)]),
      child('b', [trainings(50000, 'cumulative'), literacy(15)]),
    ];
    const [flows, rate] = rollUp(parent, children, 2, catalog);
    expect(flows).toMatchObject({
      parentIndex: 0,
      verdict: 'short',
      sum: 60000,
      parentAmount: 100000,
      committing: [
        { regionCode: 'a', amount: 10000 },
        { regionCode: 'b', amount: 50000 },
      ],
    });
    expect(flows?.note.zh).toBe('全部 2 个下级地区合计 6万人，比上级 10万人 少 4万人');
    expect(rate).toMatchObject({ parentIndex: 1, verdict: 'not_summed', sum: null });
  });

  it('is incomplete while some children have no such target, covered once the sum reaches the parent’s', () => {
    expect(rollUp(parent, [child('a', [trainings(2000, 'annual')])], 3, catalog)[0]).toMatchObject({
      verdict: 'incomplete',
      sum: 10000,
    });
    expect(rollUp(parent, [child('a', [trainings(120000, 'cumulative')])], 3, catalog)[0]).toMatchObject({
      verdict: 'covered',
      sum: 120000,
    });
  });
});

describe('choosing the parent plan', () => {
  const plan = (id: string, regionCode: string, start: number, end: number, draft = false): CandidatePlan => ({
    id,
    regionCode,
    title: id,
    period: { start, end },
    draft,
  });
  const term = { start: 2021, end: 2025 };

  it('takes the nearest ancestor with a plan of an overlapping term', () => {
    const stored = [
      plan('province', '510000', 2021, 2025),
      plan('city-old', '510100', 2016, 2020),
      plan('city', '510100', 2021, 2025),
    ];
    expect(chooseParentPlan(term, ['510100', '510000'], stored)).toMatchObject({ kind: 'found', plan: { id: 'city' } });
    expect(chooseParentPlan(term, ['510100', '510000'], stored.slice(0, 2))).toMatchObject({
      kind: 'found',
      plan: { id: 'province' },
    });
  });

  it('says when there is none, and does not guess between two equal candidates', () => {
    expect(chooseParentPlan(term, ['510100', '510000'], [])).toEqual({ kind: 'none', searched: ['510100', '510000'] });
    const two = [
      plan('a', '510100', 2021, 2025),
      plan('b', '510100', 2021, 2025),
      plan('province', '510000', 2021, 2025),
    ];
    expect(chooseParentPlan(term, ['510100', '510000'], two)).toMatchObject({
      kind: 'ambiguous',
      regionCode: '510100',
      candidates: [{ id: 'a' }, { id: 'b' }],
    });
  });

  it('prefers an issued plan to a draft, then the longer shared term', () => {
    const stored = [
      plan('draft', '510100', 2021, 2025, true),
      plan('issued', '510100', 2022, 2025),
      plan('next', '510100', 2025, 2030),
    ];
    expect(chooseParentPlan(term, ['510100'], stored)).toMatchObject({ kind: 'found', plan: { id: 'issued' } });
  });
});

/** What the walk below needs of a zod schema (this package does not depend on zod itself). */
interface Schema {
  def: { type: string };
  safeParse(value: unknown): { error?: unknown };
  nullable(): Schema;
  array(): Schema;
}
type ObjectSchema = Schema & { shape: Record<string, Schema>; extend(s: Record<string, Schema>): { strict(): Schema } };

/** The schema with every object in it strict, so that a field it does not name fails the parse. */
function strictly(schema: Schema): Schema {
  switch (schema.def.type) {
    case 'object': {
      const { shape, extend } = schema as ObjectSchema;
      const fields = Object.entries(shape).map(([name, field]) => [name, strictly(field)]);
      return extend.call(schema, Object.fromEntries(fields)).strict();
    }
    case 'array':
      return strictly((schema as Schema & { element: Schema }).element).array();
    case 'nullable':
      return strictly((schema as Schema & { unwrap(): Schema }).unwrap()).nullable();
    default:
      return schema;
  }
}

describe('the answer the API sends', () => {
  it('is exactly the schema’s shape: no field more, none missing, none of another type', () => {
    const trainings = (value: number, scope: 'annual' | 'cumulative'): Spec => ({
      text: `培训专业技能工人${value}人`,
      value,
      unit: '人',
      scope,
      indicator: 'persons_trained',
    });
    const local = side('district', [
      literacy(18),
      trainings(2000, 'annual'),
      { text: '培训农民5000人', value: 5000, unit: '人', scope: 'cumulative', indicator: 'training_person_times' },
      { text: '建立1处新品种新技术试验示范基地', value: 1, unit: '处', scope: 'annual', indicator: 'local_018' },
    ]);
    const parent = side('prefecture', [
      trainings(100000, 'cumulative'),
      literacy(13),
      {
        text: '培训农民10万人次',
        value: 100000,
        unit: '人次',
        scope: 'cumulative',
        indicator: 'training_person_times',
      },
      { text: '新增科普基地20个', value: 20, unit: '个', scope: 'cumulative', indicator: 'science_bases' },
    ]);
    const child = { ...local, regionCode: 'a', regionName: '某区' };
    const rollUps = rollUp(parent, [child], 2, catalog);
    const { pairs, unmatched } = alignTargets(local, parent, catalog);
    const withRollUps = pairs.map((p) => ({
      ...p,
      rollUp: rollUps.find((r) => r.parentIndex === p.parentTarget?.index) ?? null,
    }));
    expect(new Set(pairs.map((p) => p.relation))).toEqual(new Set(['share', 'stricter', 'parent_only']));
    expect(unmatched.map((u) => u.reason).sort()).toEqual(['no_indicator', 'unit_differs', 'unit_differs']);
    expect(withRollUps.filter((p) => p.rollUp !== null)).toHaveLength(3);
    for (const pair of withRollUps) expect(strictly(PairWithRollUp).safeParse(pair).error).toBeUndefined();
    for (const u of unmatched) expect(strictly(UnmatchedTarget).safeParse(u).error).toBeUndefined();
  });

  it('fails a field the schema does not name, however deep', () => {
    const [pair] = alignTargets(side('district', [literacy(18)]), side('province', [literacy(13)]), catalog).pairs;
    const deep = { ...pair, rollUp: null, target: { ...pair?.target, extra: 1 } };
    expect(PairWithRollUp.safeParse(deep).success).toBe(true);
    expect(strictly(PairWithRollUp).safeParse(deep).error).toBeDefined();
  });
});
