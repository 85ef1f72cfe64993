import type { LineSeriesOption } from 'echarts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { onTrackTrendOptions } from './options.js';
import { onTrackTrendQuery, type OnTrackTrendRow } from './query.js';

const { kizilsu, akto } = REGIONS;

const verdict = (id: string, region: { code: string }, year: number, status: string) => ({
  target_id: id,
  region_code: region.code,
  year,
  as_of: String(year),
  status,
});

let warehouse: TestWarehouse;
let rows: OnTrackTrendRow[];

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    fact_progress: [
      verdict('k1', kizilsu, 2022, 'behind'),
      verdict('k2', kizilsu, 2022, 'on_track'),
      verdict('k1', kizilsu, 2023, 'achieved'),
      verdict('k2', kizilsu, 2023, 'on_track'),
      verdict('a1', akto, 2023, 'no_data'),
      verdict('a1', akto, 2024, 'at_risk'),
    ],
  });
  rows = await warehouse.query<OnTrackTrendRow>(onTrackTrendQuery({ parentCode: kizilsu.code, year: 2023 }));
});
afterAll(() => warehouse.close());

describe('on-track-trend', () => {
  it('counts each year’s verdicts of the own plan and of the plans below, up to the year', () => {
    expect(rows.map((r) => [r.grouping, r.year, r.total, r.achieved + r.on_track])).toEqual([
      ['own', 2022, 2, 1],
      ['own', 2023, 2, 2],
      ['below', 2023, 1, 0],
    ]);
  });

  it('draws the share on track per year as a line per group', () => {
    const option = onTrackTrendOptions(rows, { lang: 'zh' });
    expect((option.series as LineSeriesOption[]).map((s) => [s.name, s.data])).toEqual([
      ['本级方案目标', [50, 100]],
      ['下辖地区方案目标', ['-', 0]],
    ]);
    expect(renderSvg(option, { width: 800, height: 480 })).toContain('2023年');
  });
});
