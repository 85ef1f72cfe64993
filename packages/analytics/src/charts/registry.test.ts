import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../report/test-warehouse.js';
import { REPORT_IDS, reports } from './index.js';

let warehouse: TestWarehouse;
beforeAll(async () => {
  warehouse = await openTestWarehouse({});
});
afterAll(() => warehouse.close());

describe('reports', () => {
  it.each(REPORT_IDS)('%s runs on an empty warehouse and says there is no data', async (id) => {
    const report = reports[id];
    const rows = await warehouse.query<object>(report.query({ parentCode: REGIONS.xinjiang.code, year: 2024 }));
    const option = report.options(rows, { lang: 'zh', subtitle: '新疆维吾尔自治区 · 2024年' });
    // A chart of several panels adds a heading per panel after its own title.
    expect([option.title].flat()[0]).toMatchObject({ text: report.title.zh, subtext: '新疆维吾尔自治区 · 2024年' });
    expect(renderSvg(option, report.size)).toContain('暂无数据');
  });
});

describe('drill-down', () => {
  it('is offered by the comparisons whose categories are child regions (the trainings chart’s are periods)', () => {
    expect(REPORT_IDS.filter((id) => reports[id].drill)).toEqual([
      'literacy-rate',
      'science-bases',
      'targets-on-track',
      'reporting-heatmap',
    ]);
  });
});
