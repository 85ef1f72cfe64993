import { describe, expect, it } from 'vitest';
import type { Plan } from '@kesu/schema';
import { reportingUnits } from './plan-units.js';

const plan = (departments: Plan['departments'], code: string | null = '510000') =>
  ({
    region: { name: '四川省', short: '四川', level: 'province', province: '四川省', parent: null, code },
    departments,
  }) as unknown as Plan;

describe('the units of a plan that report', () => {
  it('are its named departments, once each, without collective placeholders', () => {
    const units = reportingUnits(
      plan([
        { raw: '省教育厅', name: '四川省教育厅', function: 'education', region: '510000' },
        { raw: '各成员单位', name: '各成员单位', function: 'collective', region: '510000' },
        { raw: '省教育厅', name: '四川省教育厅', function: 'education', region: '510000' },
        { raw: '省融媒体中心', name: '四川省融媒体中心', function: null, region: null },
      ]),
    );
    expect(units).toEqual([
      { regionCode: '510000', department: '四川省教育厅', function: 'education' },
      { regionCode: '510000', department: '四川省融媒体中心', function: null },
    ]);
  });

  it('leave out a unit with no region of its own in a plan without one', () => {
    expect(
      reportingUnits(plan([{ raw: '科协', name: '科协', function: 'science_association', region: null }], null)),
    ).toEqual([]);
  });
});
