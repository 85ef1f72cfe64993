import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '@kesu/store';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../report/test-warehouse.js';
import { targetContributions } from './contributions.js';

const { xinjiang, kizilsu, akto, akqi, beijing } = REGIONS;

const target = (n: number, region: { code: string }, over: Record<string, string | number | null>) => ({
  target_id: `plan#${n}`,
  plan_id: 'plan',
  region_code: region.code,
  metric: `目标${n}`,
  value: 100,
  comparator: '>=',
  ...over,
});
const value = (region: { code: string }, period: string, department: string, amount: number, indicator = 'bases') => ({
  assignment_id: `${region.code}-${period}-${department}-${indicator}`,
  region_code: region.code,
  year: Number(period.slice(0, 4)),
  period,
  department,
  indicator_code: indicator,
  disaggregation: '',
  value: amount,
});

let warehouse: TestWarehouse;
const read = (q: Parameters<TestWarehouse['query']>[0]) => warehouse.query<Row>(q);

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    dim_plan: [{ plan_id: 'plan', region_code: kizilsu.code, start_year: 2021, end_year: 2025 }],
    dim_target: [
      // A stock reported by the units' own field.
      target(1, kizilsu, { scope: 'point_in_time', unit: '个', indicator_code: 'bases' }),
      // Read from its indicator, rolled up the tree.
      target(2, kizilsu, { scope: 'annual', unit: '人次', indicator_code: 'trainings' }),
      // Nothing approved yet.
      target(3, kizilsu, { scope: 'annual', unit: '人次', indicator_code: 'trainings' }),
      // No field and no indicator.
      target(4, kizilsu, { scope: 'milestone', unit: null, indicator_code: null }),
    ],
    fact_progress: [
      { target_id: 'plan#1', region_code: kizilsu.code, year: 2025, as_of: '2025Q2', status: 'on_track', actual: 30 },
      { target_id: 'plan#2', region_code: kizilsu.code, year: 2025, as_of: '2025Q2', status: 'behind', actual: 45 },
      { target_id: 'plan#3', region_code: kizilsu.code, year: 2025, as_of: null, status: 'no_data', actual: null },
      { target_id: 'plan#4', region_code: kizilsu.code, year: 2025, as_of: '2025Q2', status: 'no_data', actual: null },
    ],
    fact_target_value: [
      // Two fields of one report: the larger counts.
      {
        assignment_id: 'a1',
        target_id: 'plan#1',
        region_code: akto.code,
        period: '2025Q1',
        department: '科协',
        value: 10,
      },
      {
        assignment_id: 'a1',
        target_id: 'plan#1',
        region_code: akto.code,
        period: '2025Q1',
        department: '科协',
        value: 12,
      },
      {
        assignment_id: 'a2',
        target_id: 'plan#1',
        region_code: akqi.code,
        period: '2025Q2',
        department: '教育局',
        value: 18,
      },
      // A period after the one judged is not read.
      {
        assignment_id: 'a3',
        target_id: 'plan#1',
        region_code: akqi.code,
        period: '2025Q3',
        department: '教育局',
        value: 90,
      },
    ],
    fact_value: [
      value(akto, '2025Q1', '科协', 20, 'trainings'),
      value(akqi, '2025Q2', '教育局', 25, 'trainings'),
      value(kizilsu, '2025Q1', '科协', 5, 'trainings'),
      // Another year, another tree, a breakdown: not the target's.
      value(akto, '2024Q4', '科协', 70, 'trainings'),
      value(xinjiang, '2025Q1', '科协', 80, 'trainings'),
      value(beijing, '2025Q1', '科协', 90, 'trainings'),
      {
        ...value(akto, '2025Q2', '科协', 60, 'trainings'),
        assignment_id: 'youth',
        disaggregation: 'targetGroup=youth',
      },
    ],
  });
});
afterAll(() => warehouse.close());

describe('the values behind a target’s actual', () => {
  it('has nothing for a target the warehouse does not hold', async () => {
    expect(await targetContributions(read, 'plan#9', 2025)).toBeNull();
  });

  it('lists each unit’s value of the target’s own field as the verdict counted it', async () => {
    expect(await targetContributions(read, 'plan#1', 2025)).toEqual({
      targetId: 'plan#1',
      regionCode: kizilsu.code,
      year: 2025,
      asOf: '2025Q2',
      unit: '个',
      combine: 'stock',
      actual: 30,
      source: 'field',
      rows: [
        { unit: '科协', regionCode: null, period: '2025Q1', value: 12, carried: true, outlier: null },
        { unit: '教育局', regionCode: null, period: '2025Q2', value: 18, carried: false, outlier: null },
      ],
    });
  });

  it('lists the indicator’s values in the region’s tree for the year judged when the target has no field', async () => {
    expect(await targetContributions(read, 'plan#2', 2025)).toMatchObject({
      source: 'indicator',
      combine: 'flow',
      actual: 45,
      rows: [
        { unit: '科协', regionCode: kizilsu.code, period: '2025Q1', value: 5, carried: false, outlier: null },
        { unit: '科协', regionCode: akto.code, period: '2025Q1', value: 20, carried: false, outlier: null },
        { unit: '教育局', regionCode: akqi.code, period: '2025Q2', value: 25, carried: false, outlier: null },
      ],
    });
  });

  it('lists nothing before anything is approved, or for a target with neither field nor indicator', async () => {
    expect(await targetContributions(read, 'plan#3', 2025)).toMatchObject({ source: 'none', asOf: null, rows: [] });
    expect(await targetContributions(read, 'plan#4', 2025)).toMatchObject({ source: 'none', rows: [] });
  });
});
