import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetRollupRow as TargetRollupRowSchema } from '@kesu/schema';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { targetRollupQuery, type TargetRollupRow } from './rollup-query.js';

const { xinjiang, kizilsu, akto, akqi, urumqi, dongcheng } = REGIONS;

const target = (plan: string, n: number, region: { code: string }) => ({
  target_id: `${plan}#${n}`,
  plan_id: plan,
  region_code: region.code,
  metric: `目标${n}`,
  value: 1,
  scope: 'annual',
  comparator: '>=',
  unit: '人',
});
const verdict = (plan: string, n: number, region: { code: string }, year: number, status: string) => ({
  target_id: `${plan}#${n}`,
  region_code: region.code,
  year,
  status,
});

let warehouse: TestWarehouse;

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    dim_target: [
      target('akto', 1, akto),
      target('akto', 2, akto),
      target('akto', 3, akto),
      target('akqi', 1, akqi),
      target('kizilsu', 1, kizilsu),
      target('urumqi', 1, urumqi),
      target('dongcheng', 1, dongcheng),
    ],
    fact_progress: [
      verdict('akto', 1, akto, 2024, 'achieved'),
      verdict('akto', 2, akto, 2024, 'behind'),
      verdict('akto', 2, akto, 2025, 'on_track'),
      verdict('akqi', 1, akqi, 2024, 'at_risk'),
      verdict('kizilsu', 1, kizilsu, 2024, 'on_track'),
      verdict('urumqi', 1, urumqi, 2024, 'achieved'),
      verdict('dongcheng', 1, dongcheng, 2024, 'achieved'),
    ],
  });
});
afterAll(() => warehouse.close());

const load = (parentCode: string, year: number) =>
  warehouse.query<TargetRollupRow>(targetRollupQuery({ parentCode, year }));
const brief = (rows: TargetRollupRow[]) =>
  rows.map((r) => [r.level, r.regions, r.total, r.achieved, r.on_track, r.at_risk, r.behind, r.no_data]);

describe('target roll-up query', () => {
  it('counts a province without a plan of its own by the plans of its prefectures and counties', async () => {
    expect(brief(await load(xinjiang.code, 2024))).toEqual([
      ['prefecture', 2, 2, 1, 1, 0, 0, 0],
      // Akto's third target has no verdict: no data, never left out.
      ['county', 2, 4, 1, 0, 1, 1, 1],
    ]);
  });

  it('counts a prefecture’s own plan apart from its counties’, with the latest verdict up to the year', async () => {
    expect(brief(await load(kizilsu.code, 2025))).toEqual([
      ['own', 1, 1, 0, 1, 0, 0, 0],
      ['county', 2, 4, 1, 1, 1, 0, 1],
    ]);
  });

  it('reads only the region’s own tree', async () => {
    expect(brief(await load(akqi.code, 2024))).toEqual([['own', 1, 1, 0, 0, 1, 0, 0]]);
  });

  it('gives rows of the shape the API describes', async () => {
    for (const row of await load(kizilsu.code, 2025))
      expect(TargetRollupRowSchema.strict().safeParse(row).error).toBeUndefined();
  });
});
