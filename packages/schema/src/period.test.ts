import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  daysInPeriod,
  formatPeriod,
  parsePeriod,
  periodContains,
  periodKindOf,
  periodOfDate,
  periodsWithin,
  planShareElapsed,
  rollUpPeriod,
  shiftPeriod,
} from './period.js';
import { Period, PlanPeriod } from './period-schema.js';

describe('parsePeriod / formatPeriod', () => {
  it.each([
    ['2024', { kind: 'year', year: 2024, index: 1 }],
    ['2024S1', { kind: 'half', year: 2024, index: 1 }],
    ['2024S2', { kind: 'half', year: 2024, index: 2 }],
    ['2024Q3', { kind: 'quarter', year: 2024, index: 3 }],
    ['2024-07', { kind: 'month', year: 2024, index: 7 }],
    ['2024-12', { kind: 'month', year: 2024, index: 12 }],
  ])('round-trips %s', (code, parsed) => {
    expect(parsePeriod(code)).toEqual(parsed);
    expect(formatPeriod(parsePeriod(code)!)).toBe(code);
  });

  it.each([
    '',
    '24',
    '2024Q0',
    '2024Q5',
    '2024S3',
    '2024-00',
    '2024-13',
    '2024-7',
    '2024q1',
    ' 2024',
    '1900',
    '2101',
    '2024H1',
    '2024-07-01',
    '２０２４',
  ])('rejects %j', (code) => {
    expect(parsePeriod(code)).toBeNull();
    expect(Period.safeParse(code).success).toBe(false);
  });
});

describe('period arithmetic', () => {
  it('steps across year ends', () => {
    expect(shiftPeriod('2024Q4', 1)).toBe('2025Q1');
    expect(shiftPeriod('2025Q1', -1)).toBe('2024Q4');
    expect(shiftPeriod('2024S2', 1)).toBe('2025S1');
    expect(shiftPeriod('2024-12', 1)).toBe('2025-01');
    expect(shiftPeriod('2024-01', -13)).toBe('2022-12');
    expect(shiftPeriod('2021', 4)).toBe('2025');
    expect(shiftPeriod('2024Q2', 0)).toBe('2024Q2');
  });

  it('rolls up to the containing period', () => {
    expect(rollUpPeriod('2024-08', 'quarter')).toBe('2024Q3');
    expect(rollUpPeriod('2024-06', 'half')).toBe('2024S1');
    expect(rollUpPeriod('2024-07', 'half')).toBe('2024S2');
    expect(rollUpPeriod('2024Q2', 'half')).toBe('2024S1');
    expect(rollUpPeriod('2024Q3', 'year')).toBe('2024');
    expect(rollUpPeriod('2024Q3', 'quarter')).toBe('2024Q3');
    expect(() => rollUpPeriod('2024', 'quarter')).toThrow(RangeError);
  });

  it('tests containment', () => {
    expect(periodContains('2024', '2024Q4')).toBe(true);
    expect(periodContains('2024S1', '2024Q2')).toBe(true);
    expect(periodContains('2024S1', '2024Q3')).toBe(false);
    expect(periodContains('2024Q1', '2024-03')).toBe(true);
    expect(periodContains('2024Q1', '2024-04')).toBe(false);
    expect(periodContains('2024Q1', '2024')).toBe(false);
    expect(periodContains('2024', '2024')).toBe(true);
  });

  it('orders by start, coarser first', () => {
    const sorted = ['2024Q2', '2024-01', '2024', '2023Q4', '2024S1', '2024Q1'].sort(comparePeriods);
    expect(sorted).toEqual(['2023Q4', '2024', '2024S1', '2024Q1', '2024-01', '2024Q2']);
  });

  it('lists the periods within a period', () => {
    expect(periodsWithin('2024', 'quarter')).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    expect(periodsWithin('2024S2', 'month')).toEqual([
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    expect(periodsWithin('2024Q1', 'quarter')).toEqual(['2024Q1']);
    expect(() => periodsWithin('2024Q1', 'year')).toThrow(RangeError);
  });

  it('counts days with leap years', () => {
    expect(daysInPeriod('2024')).toBe(366);
    expect(daysInPeriod('2023')).toBe(365);
    expect(daysInPeriod('2100')).toBe(365);
    expect(daysInPeriod('2000')).toBe(366);
    expect(daysInPeriod('2024-02')).toBe(29);
    expect(daysInPeriod('2023-02')).toBe(28);
    expect(daysInPeriod('2024Q1')).toBe(91);
    expect(daysInPeriod('2023Q1')).toBe(90);
    expect(daysInPeriod('2024S2')).toBe(184);
  });

  it('finds the period of a date, 29 February included', () => {
    expect(periodOfDate('2024-02-29', 'quarter')).toBe('2024Q1');
    expect(periodOfDate('2024-02-29', 'month')).toBe('2024-02');
    expect(periodOfDate('2024-07-01', 'half')).toBe('2024S2');
    expect(periodOfDate('2024-12-31', 'year')).toBe('2024');
    expect(() => periodOfDate('2023-02-29', 'month')).toThrow(RangeError);
    expect(() => periodOfDate('2024-13-01', 'month')).toThrow(RangeError);
    expect(() => periodOfDate('20240101', 'month')).toThrow(RangeError);
  });

  it('tells the kind of a period', () => {
    expect(periodKindOf('2024S1')).toBe('half');
    expect(() => periodKindOf('x')).toThrow(RangeError);
  });
});

describe('planShareElapsed', () => {
  const plan = { start: 2021, end: 2025 };
  it('is the share of days elapsed at the end of the period', () => {
    expect(planShareElapsed(plan, '2023')).toBeCloseTo(1095 / 1826, 10);
    expect(planShareElapsed(plan, '2021Q1')).toBeCloseTo(90 / 1826, 10);
    expect(planShareElapsed(plan, '2024-02')).toBeCloseTo((1095 + 31 + 29) / 1826, 10);
  });
  it('is 0 before the plan and 1 after it', () => {
    expect(planShareElapsed(plan, '2020')).toBe(0);
    expect(planShareElapsed(plan, '2025')).toBe(1);
    expect(planShareElapsed(plan, '2027Q1')).toBe(1);
  });
  it('validates plan periods', () => {
    expect(PlanPeriod.safeParse({ start: 2021, end: 2025 }).success).toBe(true);
    expect(PlanPeriod.safeParse({ start: 2025, end: 2021 }).success).toBe(false);
    expect(PlanPeriod.safeParse({ start: 2021.5, end: 2025 }).success).toBe(false);
    expect(PlanPeriod.safeParse({ start: '2021', end: 2025 }).success).toBe(false);
  });
});
