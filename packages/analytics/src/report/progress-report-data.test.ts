import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '@kesu/store';
import { reportingHeatmapQuery } from '../charts/reporting-heatmap/query.js';
import { REPORT_IDS } from '../charts/report-ids.js';
import { targetProgressQuery } from '../charts/target-progress/query.js';
import { progressReportData } from './progress-report-data.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from './test-warehouse.js';

const { xinjiang, kizilsu, akto, akqi, tianshan, urumqi, beijing } = REGIONS;

interface Assignment {
  department: string;
  function_code: string | null;
  status: string;
  late: boolean;
  due_date: string;
  submitted_at?: string;
}
const assignment = (region: { code: string }, period: string, a: Assignment) => ({
  assignment_id: `${region.code}-${period}-${a.department}`,
  region_code: region.code,
  year: Number(period.slice(0, 4)),
  period,
  ...a,
});

let warehouse: TestWarehouse;
const read = (q: Parameters<TestWarehouse['query']>[0]) => warehouse.query<Row>(q);

beforeAll(async () => {
  const science = { department: '科协', function_code: 'science' };
  warehouse = await openTestWarehouse({
    dim_department_function: [
      { function_code: 'science', name_zh: '科协', name_en: 'Association for Science and Technology' },
      { function_code: 'education', name_zh: '教育部门', name_en: 'Education' },
    ],
    dim_plan: [{ plan_id: 'plan', region_code: xinjiang.code, start_year: 2021, end_year: 2025 }],
    dim_target: [{ target_id: 'plan#1', plan_id: 'plan', region_code: xinjiang.code, metric: '科普基地', value: 10 }],
    fact_progress: [{ target_id: 'plan#1', region_code: xinjiang.code, year: 2024, status: 'on_track', actual: 8 }],
    fact_submission: [
      assignment(urumqi, '2024Q1', {
        ...science,
        status: 'approved',
        late: false,
        due_date: '2024-04-15',
        submitted_at: '2024-04-10 10:00:00',
      }),
      assignment(tianshan, '2024Q1', { ...science, status: 'missing', late: true, due_date: '2024-04-15' }),
      assignment(kizilsu, '2024Q1', {
        ...science,
        status: 'approved',
        late: true,
        due_date: '2024-04-15',
        submitted_at: '2024-04-16 08:00:00',
      }),
      assignment(akto, '2024Q2', {
        department: '教育局',
        function_code: 'education',
        status: 'submitted',
        late: true,
        due_date: '2024-07-15',
        submitted_at: '2024-07-20 09:30:00',
      }),
      // A unit of no known function, and one whose function has no name.
      assignment(akto, '2024Q3', {
        department: '卫健委',
        function_code: null,
        status: 'draft',
        late: false,
        due_date: '2024-10-15',
      }),
      assignment(akqi, '2024Q2', {
        department: '农业局',
        function_code: 'agriculture',
        status: 'approved',
        late: false,
        due_date: '2024-07-15',
        submitted_at: '2024-07-01 09:00:00',
      }),
      assignment(akqi, '2024Q3', {
        department: '农业局',
        function_code: 'agriculture',
        status: 'missing',
        late: false,
        due_date: '2024-10-15',
      }),
      // Another year, another tree.
      assignment(urumqi, '2023Q4', { ...science, status: 'missing', late: true, due_date: '2024-01-15' }),
      assignment(beijing, '2024Q1', { ...science, status: 'missing', late: true, due_date: '2024-04-15' }),
    ],
  });
});
afterAll(() => warehouse.close());

describe('the printable progress report’s data', () => {
  it('counts each department function’s assignments of the year in the region’s tree, the latest first', async () => {
    const data = await progressReportData(read, xinjiang.code, 2024);
    expect(data.completion).toEqual([
      {
        function_zh: '科协',
        function_en: 'Association for Science and Technology',
        assigned: 3,
        submitted: 2,
        approved: 2,
        late: 2,
      },
      { function_zh: '教育部门', function_en: 'Education', assigned: 1, submitted: 1, approved: 0, late: 1 },
      { function_zh: 'agriculture', function_en: 'agriculture', assigned: 2, submitted: 1, approved: 1, late: 0 },
      { function_zh: '未归类', function_en: 'unclassified', assigned: 1, submitted: 0, approved: 0, late: 0 },
    ]);
  });

  it('lists the year’s late and missing reports in the region’s tree, the earliest due first', async () => {
    const data = await progressReportData(read, xinjiang.code, 2024);
    expect(data.late).toEqual([
      {
        region: kizilsu.name,
        department: '科协',
        period: '2024Q1',
        due_date: '2024-04-15',
        status: 'approved',
        submitted_at: '2024-04-16 08:00:00',
      },
      {
        region: tianshan.name,
        department: '科协',
        period: '2024Q1',
        due_date: '2024-04-15',
        status: 'missing',
        submitted_at: null,
      },
      {
        region: akto.name,
        department: '教育局',
        period: '2024Q2',
        due_date: '2024-07-15',
        status: 'submitted',
        submitted_at: '2024-07-20 09:30:00',
      },
    ]);
  });

  it('holds every chart’s rows as its own query returns them, the targets and the sub-regions', async () => {
    const data = await progressReportData(read, xinjiang.code, 2024);
    const params = { parentCode: xinjiang.code, year: 2024 };
    expect(data).toMatchObject({ regionCode: xinjiang.code, year: 2024, subRegions: 3 });
    expect(data.charts.map((c) => c.id)).toEqual(REPORT_IDS);
    expect(data.charts.find((c) => c.id === 'reporting-heatmap')?.rows).toEqual(
      await read(reportingHeatmapQuery(params)),
    );
    expect(data.targets).toEqual(await read(targetProgressQuery(params)));
    expect(data.targets).toHaveLength(1);
  });

  it('has no sub-regions, and only its own assignments, for a county', async () => {
    const data = await progressReportData(read, akto.code, 2024);
    expect(data.subRegions).toBe(0);
    expect(data.completion.map((r) => r['function_zh'])).toEqual(['教育部门', '未归类']);
    expect(data.late.map((r) => r['region'])).toEqual([akto.name]);
  });
});
