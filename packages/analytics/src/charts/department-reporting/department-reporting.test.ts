import type { BarSeriesOption } from 'echarts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { departmentReportingOptions } from './options.js';
import { departmentReportingQuery, type DepartmentReportingRow } from './query.js';

const { kizilsu, akto, akqi } = REGIONS;

let n = 0;
const assignment = (
  region: { code: string },
  department: string,
  fn: string,
  period: string,
  submitted: boolean,
  late: boolean,
) => ({
  assignment_id: `a${++n}`,
  region_code: region.code,
  department,
  function_code: fn,
  year: Number(period.slice(0, 4)),
  period,
  status: submitted ? 'approved' : 'missing',
  submitted_at: submitted ? `${period.slice(0, 4)}-12-01 02:00:00` : null,
  late,
});

let warehouse: TestWarehouse;

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    dim_department_function: [{ function_code: 'education', name_zh: '教育部门', name_en: 'Education bureau' }],
    dim_plan: [{ plan_id: 'ak', region_code: akto.code, start_year: 2021, end_year: 2025 }],
    fact_submission: [
      assignment(akto, '县教育局', 'education', '2023', true, false),
      assignment(akto, '县教育局', 'education', '2024', true, true),
      assignment(akto, '县教育局', 'education', '2025', false, true),
      assignment(akto, '县教育局', 'education', '2026', false, false),
      assignment(akto, '县科协', 'science_association', '2024', true, false),
      assignment(akqi, '县教育局', 'education', '2024', false, true),
      assignment(akto, '县教育局', 'education', '2020', false, true),
    ],
  });
});
afterAll(() => warehouse.close());

const load = (region: { code: string }, year: number) =>
  warehouse.query<DepartmentReportingRow>(departmentReportingQuery({ parentCode: region.code, year }));

describe('department-reporting query', () => {
  it("counts a county's departments by name over its plan period: on time, late, missing, not yet due", async () => {
    expect(await load(akto, 2026)).toEqual([
      {
        unit_zh: '县教育局',
        unit_en: '县教育局',
        periods: 4,
        assigned: 4,
        on_time: 1,
        late: 1,
        missing: 1,
        not_due: 1,
      },
      { unit_zh: '县科协', unit_en: '县科协', periods: 1, assigned: 1, on_time: 1, late: 0, missing: 0, not_due: 0 },
    ]);
  });

  it('groups a larger area’s units by function', async () => {
    const rows = await load(kizilsu, 2024);
    expect(rows[0]).toMatchObject({ unit_zh: '教育部门', unit_en: 'Education bureau', assigned: 4, missing: 2 });
  });
});

describe('department-reporting options', () => {
  it('stacks each unit’s reports by timeliness and renders', async () => {
    const rows = await load(akto, 2026);
    const option = departmentReportingOptions(rows, { lang: 'zh' });
    expect((option.series as BarSeriesOption[]).map((s) => [s.name, s.data])).toEqual([
      ['按时报送', [1, 1]],
      ['逾期报送', [1, '-']],
      ['逾期未报', [1, '-']],
      ['未到期', [1, '-']],
    ]);
    expect(renderSvg(option, { width: 800, height: 320 })).toContain('县教育局');
  });
});
