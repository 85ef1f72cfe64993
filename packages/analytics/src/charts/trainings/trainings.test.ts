import type { BarSeriesOption, ScatterSeriesOption } from 'echarts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { trainingsOptions } from './options.js';
import { trainingsQuery, type TrainingsRow } from './query.js';

const { xinjiang, urumqi, tianshan, akto, beijing } = REGIONS;

const flow = (
  assignment: string,
  region: { code: string },
  period: string,
  indicator: string,
  value: number,
  disaggregation = '',
) => ({
  assignment_id: assignment,
  region_code: region.code,
  department: '科协',
  year: Number(period.slice(0, 4)),
  period,
  indicator_code: indicator,
  disaggregation,
  value,
});
const held = (a: string, r: { code: string }, p: string, v: number, d?: string) =>
  flow(a, r, p, 'trainings_held', v, d);
const people = (a: string, r: { code: string }, p: string, v: number, d?: string) =>
  flow(a, r, p, 'training_person_times', v, d);

let warehouse: TestWarehouse;
let rows: TrainingsRow[];

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    fact_value: [
      held('a1', urumqi, '2024Q1', 10),
      held('a1', urumqi, '2024Q1', 4, 'targetGroup=youth'),
      held('a1', urumqi, '2024Q1', 3, 'targetGroup=farmers'),
      held('a1', urumqi, '2024Q1', 9, 'gender=female'),
      held('a1', urumqi, '2024Q1', 1, 'targetGroup=youth&zone=rural'),
      held('a2', tianshan, '2024Q1', 2, 'targetGroup=youth'),
      held('a3', akto, '2024Q2', 5),
      people('a1', urumqi, '2024Q1', 300),
      people('a1', urumqi, '2024Q1', 200, 'targetGroup=youth'),
      people('a1', urumqi, '2024Q1', 100, 'targetGroup=farmers'),
      held('a4', urumqi, '2023Q4', 7),
      held('a5', beijing, '2024Q1', 100),
    ],
  });
  rows = await warehouse.query<TrainingsRow>(trainingsQuery({ parentCode: xinjiang.code, year: 2024 }));
});
afterAll(() => warehouse.close());

const find = (period: string, indicator: string, group: string) =>
  rows.find((r) => r.period === period && r.indicator_code === indicator && r.target_group === group)?.value;

describe('trainings query', () => {
  it('sums flows over the whole area by period and target group, keeping what was not broken down', () => {
    expect(find('2024Q1', 'trainings_held', 'youth')).toBe(6);
    expect(find('2024Q1', 'trainings_held', 'farmers')).toBe(3);
    expect(find('2024Q1', 'trainings_held', '')).toBe(3);
    expect(find('2024Q2', 'trainings_held', '')).toBe(5);
    expect(find('2024Q1', 'training_person_times', '')).toBeUndefined();
  });

  it('leaves out other years, other breakdowns and regions outside the parent', () => {
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.period)).not.toContain('2023Q4');
  });
});

describe('trainings options', () => {
  it('stacks each indicator by target group and marks a period without person-times as no data', () => {
    const series = trainingsOptions(rows, { lang: 'zh' }).series as (BarSeriesOption | ScatterSeriesOption)[];
    const youthHeld = series.find((s) => s.id === 'trainings_held|youth');
    expect(youthHeld).toMatchObject({ name: '青少年', stack: 'trainings_held', data: [6, '-'] });
    expect(series.find((s) => s.id === 'training_person_times|')).toBeUndefined();
    expect(series.find((s) => s.type === 'scatter')).toMatchObject({ name: '暂无数据', yAxisIndex: 1, data: ['-', 0] });
  });

  it('names axes with their units once, in both languages', () => {
    expect(trainingsOptions(rows, { lang: 'zh' }).yAxis).toMatchObject([
      { name: '培训场次（场）' },
      { name: '培训人次' },
    ]);
    const en = trainingsOptions(rows, { lang: 'en' });
    expect(en.yAxis).toMatchObject([{ name: 'Sessions held (events)' }, { name: 'Person-times trained' }]);
    expect(en.xAxis).toMatchObject([{ data: ['Q1 2024', 'Q2 2024'] }, {}]);
  });

  it('renders to SVG in Chinese', () => {
    expect(renderSvg(trainingsOptions(rows, { lang: 'zh' }), { width: 800, height: 600 })).toContain('2024年第一季度');
  });
});
