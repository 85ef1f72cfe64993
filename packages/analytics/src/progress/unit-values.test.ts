import { describe, expect, it } from 'vitest';
import { flaggedValues, withFlags } from './flags.js';
import { progressRules } from './rules.js';
import { regionObservations, type UnitValue } from './unit-values.js';

/** Three units of one county reporting the county's science volunteers (a stock) each quarter. */
const steady: UnitValue[] = ['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2'].flatMap((period, i) => [
  { unit: '教育局', period, value: 2200 + 20 * i },
  { unit: '科协', period, value: 2100 + 30 * i },
  { unit: '卫健委', period, value: 300 + 5 * i },
]);
const target = { comparator: '>=' as const, value: 8000, unit: '人', deadline: 2026, plan: { start: 2021, end: 2026 } };

describe('a region value built from every unit', () => {
  it('sums a stock over all three units at each period', () => {
    const obs = regionObservations(steady, 'stock');
    expect(obs.at(-1)).toMatchObject({ period: '2025Q2', value: 2300 + 2250 + 325 });
    expect(
      obs
        .at(-1)
        ?.contributions.map((c) => c.unit)
        .sort(),
    ).toEqual(['卫健委', '教育局', '科协']);
  });

  it('carries a unit’s latest stock to a period only another unit reported', () => {
    const obs = regionObservations([...steady, { unit: '教育局', period: '2025Q3', value: 2320 }], 'stock');
    const q3 = obs.find((o) => o.period === '2025Q3');
    // Not 2,320 alone: the other two units still count at their 2025Q2 level.
    expect(q3?.value).toBe(2320 + 2250 + 325);
    expect(
      q3?.contributions
        .filter((c) => c.carried)
        .map((c) => c.unit)
        .sort(),
    ).toEqual(['卫健委', '科协']);
  });

  it('sums flows of the period and never sums a rate', () => {
    const flows = regionObservations(
      [
        { unit: 'a', period: '2025Q1', value: 10 },
        { unit: 'b', period: '2025Q1', value: 5 },
        { unit: 'a', period: '2025Q2', value: 7 },
      ],
      'flow',
    );
    expect(flows.map((o) => [o.period, o.value])).toEqual([
      ['2025Q1', 15],
      ['2025Q2', 7],
    ]);
    const rates = regionObservations(
      [
        { unit: 'a', period: '2025', value: 20 },
        { unit: 'b', period: '2025', value: 30 },
      ],
      'rate',
    );
    expect(rates).toMatchObject([{ period: '2025', value: 25 }]);
  });

  it('reads a county’s status from all three units', () => {
    const obs = regionObservations(steady, 'stock');
    const verdict = progressRules.point_in_time({ ...target, asOf: '2025Q2', observations: obs });
    expect(verdict.actual).toBe(4875);
    expect(verdict.rule.zh).toContain('最新值 4,875人（2025年第二季度）');
  });

  it('flags a typo far from the unit’s own history, names it in the verdict, and keeps the others', () => {
    const typo: UnitValue[] = [
      ...steady,
      { unit: '教育局', period: '2025Q3', value: 3 },
      { unit: '科协', period: '2025Q3', value: 2280 },
      { unit: '卫健委', period: '2025Q3', value: 330 },
    ];
    const obs = regionObservations(typo, 'stock');
    const q3 = obs.find((o) => o.period === '2025Q3');
    expect(q3?.contributions.find((c) => c.unit === '教育局')?.outlier).toMatchObject({ direction: 'low' });
    expect(q3?.contributions.filter((c) => c.outlier !== null)).toHaveLength(1);
    const flagged = flaggedValues('point_in_time', obs, '2025Q3', 2021);
    expect(flagged.map((c) => [c.unit, c.period, c.value])).toEqual([['教育局', '2025Q3', 3]]);
    const verdict = withFlags(
      progressRules.point_in_time({ ...target, asOf: '2025Q3', observations: obs }),
      flagged,
      '人',
    );
    expect(verdict.rule.zh).toContain('含偏离本单位往期的数值');
    expect(verdict.rule.zh).toContain('教育局2025年第三季度填报 3人');
    expect(verdict.rule.en).toContain('reported 3 people for Q3 2025');
    // A quarter earlier nothing is flagged.
    expect(flaggedValues('point_in_time', obs, '2025Q2', 2021)).toEqual([]);
  });

  it('judges a flow’s outliers against the same kind of period only', () => {
    const mixed: UnitValue[] = [
      { unit: 'a', period: '2023', value: 400 },
      { unit: 'a', period: '2024Q1', value: 100 },
      { unit: 'a', period: '2024Q2', value: 110 },
      { unit: 'a', period: '2024', value: 420 },
    ];
    expect(
      regionObservations(mixed, 'flow')
        .flatMap((o) => o.contributions)
        .every((c) => c.outlier === null),
    ).toBe(true);
  });
});
