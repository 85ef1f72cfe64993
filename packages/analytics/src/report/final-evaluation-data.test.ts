import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '@kesu/store';
import { LITERACY_INDICATOR } from '../charts/literacy-rate/query.js';
import { departmentTerms, finalVerdicts, literacyReadings, regionPlans } from './final-evaluation-data.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from './test-warehouse.js';

const { kizilsu, akto, akqi, beijing } = REGIONS;

const plan = (
  id: string,
  region: { code: string },
  start: number,
  end: number,
  over: Record<string, unknown> = {},
) => ({
  plan_id: id,
  title: `方案${start}`,
  region_code: region.code,
  start_year: start,
  end_year: end,
  literacy_target: null,
  literacy_stretch: null,
  ...over,
});
const literacy = (region: { code: string }, period: string, value: number, disaggregation = '') => ({
  assignment_id: `${region.code}-${period}-${disaggregation}`,
  region_code: region.code,
  year: Number(period.slice(0, 4)),
  period,
  department: '统计局',
  indicator_code: LITERACY_INDICATOR,
  disaggregation,
  value,
});
const assignment = (region: { code: string }, year: number, department: string, over: Record<string, unknown>) => ({
  assignment_id: `${region.code}-${year}-${department}`,
  region_code: region.code,
  year,
  period: String(year),
  department,
  ...over,
});
const onTime = { status: 'approved', submitted_at: '2022-01-10 09:00:00', late: false };

let warehouse: TestWarehouse;
const read = (q: Parameters<TestWarehouse['query']>[0]) => warehouse.query<Row>(q);

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    dim_plan: [
      plan('p2016', kizilsu, 2016, 2020, { literacy_target: 10 }),
      plan('p2021', kizilsu, 2021, 2025, { literacy_target: 15, literacy_stretch: 16 }),
      plan('akto', akto, 2021, 2025),
    ],
    dim_target: [
      {
        target_id: 'p2021#10',
        plan_id: 'p2021',
        region_code: kizilsu.code,
        metric: '科普活动',
        scope: 'annual',
        comparator: '>=',
        value: 60,
        unit: '场',
        lead_units: '科协、教育局',
        text: '每年开展科普活动不少于60场',
      },
      {
        target_id: 'p2021#2',
        plan_id: 'p2021',
        region_code: kizilsu.code,
        metric: '科普基地',
        indicator_code: 'bases',
        scope: 'point_in_time',
        comparator: '~',
        value: 8,
        value_max: 10,
        unit: '个',
        deadline: 2025,
      },
      {
        target_id: 'p2021#1',
        plan_id: 'p2021',
        region_code: kizilsu.code,
        metric: '学校达标比例',
        scope: 'per_unit',
        comparator: '>=',
        value: 90,
        unit: '%',
        per_unit: '校',
        lead_units: '教育局',
        text: '90%以上学校达标',
      },
    ],
    fact_progress: [
      {
        target_id: 'p2021#1',
        region_code: kizilsu.code,
        year: 2025,
        as_of: '2025',
        status: 'achieved',
        actual: 95,
        expected: 100,
        rule_zh: '达标',
        rule_en: 'met',
      },
      // An earlier year's verdict, and one of another region: not the final one.
      { target_id: 'p2021#2', region_code: kizilsu.code, year: 2024, as_of: '2024', status: 'behind', actual: 3 },
      { target_id: 'p2021#10', region_code: akto.code, year: 2025, as_of: '2025', status: 'achieved', actual: 70 },
    ],
    fact_value: [
      literacy(kizilsu, '2020S1', 9),
      literacy(kizilsu, '2020', 9.5),
      literacy(kizilsu, '2023', 12),
      literacy(kizilsu, '2025', 14.2),
      // After the term, a breakdown, another region: none of them the region's own rate for it.
      literacy(kizilsu, '2026', 15),
      literacy(kizilsu, '2025', 30, 'targetGroup=youth'),
      literacy(akto, '2025', 50),
    ],
    fact_submission: [
      assignment(kizilsu, 2021, '科协', onTime),
      assignment(kizilsu, 2022, '科协', { status: 'submitted', submitted_at: '2023-02-01 09:00:00', late: true }),
      assignment(akto, 2023, '教育局', { status: 'missing', late: true }),
      assignment(akqi, 2025, '科协', onTime),
      // Before and after the term, and outside the region.
      assignment(akqi, 2020, '科协', onTime),
      assignment(akto, 2026, '教育局', { status: 'missing', late: true }),
      assignment(beijing, 2023, '科协', onTime),
    ],
  });
});
afterAll(() => warehouse.close());

describe('the final evaluation’s data', () => {
  it('lists the region’s plans, the latest term first', async () => {
    expect(await regionPlans(read, kizilsu.code)).toEqual([
      { planId: 'p2021', title: '方案2021', start: 2021, end: 2025, literacyTarget: 15, literacyStretch: 16 },
      { planId: 'p2016', title: '方案2016', start: 2016, end: 2020, literacyTarget: 10, literacyStretch: null },
    ]);
    expect(await regionPlans(read, akqi.code)).toEqual([]);
  });

  it('reads every target of the plan in its order with the region’s verdict for the year', async () => {
    const targets = await finalVerdicts(read, 'p2021', 2025);
    expect(targets.map((t) => t.targetId)).toEqual(['p2021#1', 'p2021#2', 'p2021#10']);
    expect(targets[0]).toEqual({
      targetId: 'p2021#1',
      number: 1,
      text: '90%以上学校达标',
      metric: '学校达标比例',
      indicatorCode: null,
      scope: 'per_unit',
      comparator: '>=',
      value: 90,
      valueMax: null,
      unit: '%',
      perUnit: '校',
      deadline: null,
      leadUnits: '教育局',
      status: 'achieved',
      actual: 95,
      expected: 100,
      asOf: '2025',
      ruleZh: '达标',
      ruleEn: 'met',
    });
    // Without a verdict for the year the target has no data; without its own text it prints its metric.
    expect(targets[1]).toMatchObject({
      number: 2,
      text: '科普基地',
      indicatorCode: 'bases',
      valueMax: 10,
      deadline: 2025,
      leadUnits: '',
      status: 'no_data',
      actual: null,
      asOf: null,
      ruleZh: null,
    });
    expect(targets[2]).toMatchObject({ number: 10, leadUnits: '科协、教育局', status: 'no_data', actual: null });
  });

  it('takes the literacy rate’s base before the term, else at its start, and its last within the term', async () => {
    expect(await literacyReadings(read, kizilsu.code, { start: 2021, end: 2025 })).toEqual({
      baseline: { period: '2020', value: 9.5 },
      final: { period: '2025', value: 14.2 },
    });
    expect(await literacyReadings(read, kizilsu.code, { start: 2016, end: 2020 })).toEqual({
      baseline: { period: '2020S1', value: 9 },
      final: { period: '2020', value: 9.5 },
    });
    expect(await literacyReadings(read, akqi.code, { start: 2021, end: 2025 })).toEqual({
      baseline: null,
      final: null,
    });
  });

  it('counts each unit’s assignments over the term in the region’s tree, the region’s own first', async () => {
    expect(await departmentTerms(read, kizilsu.code, { start: 2021, end: 2025 })).toEqual([
      {
        regionCode: kizilsu.code,
        regionName: kizilsu.name,
        department: '科协',
        assigned: 2,
        onTime: 1,
        late: 1,
        missing: 0,
        approved: 1,
      },
      {
        regionCode: akto.code,
        regionName: akto.name,
        department: '教育局',
        assigned: 1,
        onTime: 0,
        late: 0,
        missing: 1,
        approved: 0,
      },
      {
        regionCode: akqi.code,
        regionName: akqi.name,
        department: '科协',
        assigned: 1,
        onTime: 1,
        late: 0,
        missing: 0,
        approved: 1,
      },
    ]);
  });
});
