import { describe, expect, it } from 'vitest';
import type { Assignment } from '@kesu/schema';
import { daysLate, daysLeft, todayIso } from './deadlines';
import { byUrgency, lateList, summarize } from './progress';

const a = (
  id: string,
  dueDate: string | null,
  status: Assignment['status'],
  department = '锦江区教育局',
): Assignment => ({
  id,
  formId: 'f',
  version: 1,
  regionCode: '510104',
  department,
  period: '2024Q1',
  dueDate,
  open: true,
  status,
  approvedLevel: status === 'approved' ? 'county' : null,
});

describe('deadlines', () => {
  it('counts days late only for reports not handed in', () => {
    expect(daysLate(a('1', '2024-04-30', null), '2024-05-03')).toBe(3);
    expect(daysLate(a('1', '2024-04-30', 'returned'), '2024-05-03')).toBe(3);
    expect(daysLate(a('1', '2024-04-30', 'submitted'), '2024-05-03')).toBeNull();
    expect(daysLate(a('1', '2024-04-30', null), '2024-04-30')).toBeNull();
    expect(daysLate(a('1', null, null), '2030-01-01')).toBeNull();
  });

  it('counts days left across a leap day', () => {
    expect(daysLeft(a('1', '2024-03-01', 'draft'), '2024-02-28')).toBe(2);
    expect(daysLeft(a('1', '2024-03-01', 'approved'), '2024-02-28')).toBeNull();
  });

  it('takes today in Beijing’s calendar, not the browser’s zone or UTC', () => {
    expect(todayIso(new Date('2024-07-09T15:59:59Z'))).toBe('2024-07-09');
    expect(todayIso(new Date('2024-07-09T16:00:00Z'))).toBe('2024-07-10');
    // Half past midnight on New Year's Day in Beijing is still the old year in UTC (and in the Americas).
    expect(todayIso(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });

  it('counts a report late from Beijing’s midnight after its due date', () => {
    const due = a('1', '2024-04-30', null);
    expect(daysLate(due, todayIso(new Date('2024-04-30T15:59:00Z')))).toBeNull();
    expect(daysLate(due, todayIso(new Date('2024-04-30T16:01:00Z')))).toBe(1);
    expect(daysLeft(due, todayIso(new Date('2024-04-29T16:01:00Z')))).toBe(0);
  });
});

describe('progress', () => {
  const list = [
    a('1', '2024-04-30', 'approved'),
    a('2', '2024-04-30', 'submitted'),
    a('3', '2024-04-10', null, '锦江区科协'),
    a('4', '2024-04-30', 'returned', '锦江区总工会'),
    a('5', '2024-05-05', 'draft'),
    a('6', null, null),
  ];

  it('sums up completeness, lateness and what is due soon', () => {
    expect(summarize(list, '2024-05-01')).toEqual({
      total: 6,
      handedIn: 2,
      approved: 1,
      late: 2,
      dueSoon: 1,
      completeness: 2 / 6,
    });
    expect(summarize([], '2024-05-01').completeness).toBe(1);
  });

  it('lists who to chase, longest overdue first', () => {
    expect(lateList(list, '2024-05-01').map((l) => [l.assignment.department, l.days])).toEqual([
      ['锦江区科协', 21],
      ['锦江区总工会', 1],
    ]);
  });
});

describe('byUrgency', () => {
  it('puts the late first, then what is still due, then what is handed in', () => {
    const list = [
      { ...a('done-old', '2024-01-31', 'approved'), period: '2023Q4' },
      { ...a('done-new', '2024-04-30', 'submitted'), period: '2024Q1' },
      a('due-later', '2024-06-30', null),
      a('late-1', '2024-04-30', 'draft'),
      a('due-soon', '2024-05-10', null),
      a('late-20', '2024-04-11', 'returned'),
      a('no-date', null, null),
    ];
    expect(byUrgency(list, '2024-05-01').map((x) => x.id)).toEqual([
      'late-20',
      'late-1',
      'due-soon',
      'due-later',
      'no-date',
      'done-new',
      'done-old',
    ]);
  });
});
