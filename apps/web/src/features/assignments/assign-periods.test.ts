import { describe, expect, it } from 'vitest';
import { daysPast, latestOpenPeriod, periodsOfYears, reportingYears, usualDueDate } from './assign-periods';

describe('the periods a form may be assigned for', () => {
  it('are the plan’s years in the form’s kind of period, in order', () => {
    expect(periodsOfYears('year', { start: 2021, end: 2025 })).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(periodsOfYears('half', { start: 2024, end: 2025 })).toEqual(['2024S1', '2024S2', '2025S1', '2025S2']);
    const quarters = periodsOfYears('quarter', { start: 2021, end: 2025 });
    expect(quarters).toHaveLength(20);
    expect([quarters[0], quarters.at(-1)]).toEqual(['2021Q1', '2025Q4']);
    const months = periodsOfYears('month', { start: 2025, end: 2025 });
    expect([months.length, months[0], months.at(-1)]).toEqual([12, '2025-01', '2025-12']);
  });

  it('are the plan’s years, or the five years to this one for a form without a plan', () => {
    expect(reportingYears({ start: 2021, end: 2025 }, '2026-12-05')).toEqual({ start: 2021, end: 2025 });
    expect(reportingYears(null, '2026-12-05')).toEqual({ start: 2022, end: 2026 });
  });
});

describe('the period chosen at first', () => {
  const quarters = periodsOfYears('quarter', { start: 2021, end: 2025 });

  it('is the latest period that has begun', () => {
    expect(latestOpenPeriod(quarters, '2024-05-20')).toBe('2024Q2');
    // The first day of a quarter opens it.
    expect(latestOpenPeriod(quarters, '2024-07-01')).toBe('2024Q3');
    expect(latestOpenPeriod(quarters, '2024-06-30')).toBe('2024Q2');
    expect(latestOpenPeriod(periodsOfYears('year', { start: 2021, end: 2025 }), '2023-03-01')).toBe('2023');
    expect(latestOpenPeriod(periodsOfYears('month', { start: 2021, end: 2025 }), '2023-03-01')).toBe('2023-03');
  });

  it('is the plan’s last period once the plan is over, never one outside it', () => {
    expect(latestOpenPeriod(quarters, '2026-12-05')).toBe('2025Q4');
  });

  it('is the plan’s first period before the plan begins, and none without periods', () => {
    expect(latestOpenPeriod(quarters, '2020-06-01')).toBe('2021Q1');
    expect(latestOpenPeriod([], '2020-06-01')).toBeNull();
  });
});

describe('due dates', () => {
  it('are half a month after the last chosen period ends', () => {
    expect(usualDueDate(['2025Q1'], '2025-03-10')).toBe('2025-04-15');
    expect(usualDueDate(['2025Q4', '2025Q1'], '2025-03-10')).toBe('2026-01-15');
    expect(usualDueDate(['2024'], '2024-12-01')).toBe('2025-01-15');
    expect(usualDueDate(['2024-02'], '2024-03-15')).toBe('2024-03-15');
    expect(usualDueDate([], '2024-03-15')).toBeNull();
  });

  it('are two weeks from today for periods whose usual deadline has passed', () => {
    expect(usualDueDate(['2025'], '2026-12-05')).toBe('2026-12-19');
    expect(usualDueDate(['2024-02'], '2024-03-16')).toBe('2024-03-30');
  });

  it('count as past only before today', () => {
    expect(daysPast('2026-01-15', '2026-12-05')).toBe(324);
    expect(daysPast('2026-12-04', '2026-12-05')).toBe(1);
    expect(daysPast('2026-12-05', '2026-12-05')).toBe(0);
    expect(daysPast('2027-01-15', '2026-12-05')).toBe(0);
    expect(daysPast(null, '2026-12-05')).toBe(0);
  });
});
