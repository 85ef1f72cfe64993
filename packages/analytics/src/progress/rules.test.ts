import { describe, expect, it } from 'vitest';
import { TARGET_SCOPES, type TargetScope } from '@kesu/schema';
import { progressRules, type ProgressInput } from './rules.js';
import { meets, paceStatus } from './status.js';
import { regionScore } from './region-score.js';

const plan = { start: 2021, end: 2025 };
const base: ProgressInput = { comparator: '>=', value: 100, deadline: 2025, plan, asOf: '2025', observations: [] };

/** What "fully done" and "nothing done, late" look like in each scope's own observations. */
const extremes: Record<TargetScope, { done: ProgressInput['observations']; none: ProgressInput['observations'] }> = {
  annual: {
    done: [
      { period: '2025Q1', value: 60 },
      { period: '2025Q2', value: 60 },
    ],
    none: [{ period: '2025Q1', value: 0 }],
  },
  cumulative: {
    done: [
      { period: '2022', value: 50 },
      { period: '2024', value: 60 },
    ],
    none: [{ period: '2022', value: 0 }],
  },
  point_in_time: {
    done: [
      { period: '2021', value: 20 },
      { period: '2025', value: 100 },
    ],
    none: [
      { period: '2021', value: 20 },
      { period: '2025', value: 20 },
    ],
  },
  per_unit: { done: [{ period: '2025', value: 100 }], none: [{ period: '2025', value: 10 }] },
  milestone: { done: [{ period: '2023', value: 1 }], none: [{ period: '2023', value: 0 }] },
};

describe.each(TARGET_SCOPES.map((s) => [s]))('the %s rule keeps the shared contract', (scope) => {
  const rule = progressRules[scope as TargetScope];
  it('says no_data when nothing was reported', () => {
    const p = rule({ ...base, asOf: '2024' });
    expect(p.status).toBe('no_data');
    expect(p.rule.zh).toMatch(/[\u4e00-\u9fff]/);
  });
  it('says achieved when the target is met', () => {
    expect(rule({ ...base, observations: extremes[scope as TargetScope].done }).status).toBe('achieved');
  });
  it('says behind when nothing moved by the deadline', () => {
    expect(
      rule({
        ...base,
        asOf: scope === 'milestone' ? '2026' : '2025',
        observations: extremes[scope as TargetScope].none,
      }).status,
    ).toBe('behind');
  });
  it('ignores values reported after the date it judges at', () => {
    expect(rule({ ...base, asOf: '2020', observations: extremes[scope as TargetScope].done }).status).not.toBe(
      'achieved',
    );
  });
  it('explains itself in both languages', () => {
    const p = rule({ ...base, observations: extremes[scope as TargetScope].done });
    expect(p.rule.zh.length).toBeGreaterThan(4);
    expect(p.rule.en).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('worked examples', () => {
  it('annual "每年培训不少于2000名": 900 by mid-year against 1000 expected is on track (90 %)', () => {
    const p = progressRules.annual({
      ...base,
      value: 2000,
      asOf: '2024S1',
      observations: [
        { period: '2024Q1', value: 400 },
        { period: '2024Q2', value: 500 },
        { period: '2023Q4', value: 999 },
      ],
    });
    expect(p).toMatchObject({ status: 'on_track', actual: 900, expected: 1000 });
  });
  it('cumulative "十四五期间培训10万人次": 30,000 at the end of 2023 against a 60,000 pace is behind', () => {
    const p = progressRules.cumulative({
      ...base,
      value: 100000,
      asOf: '2023',
      observations: [
        { period: '2021', value: 10000 },
        { period: '2022', value: 10000 },
        { period: '2023', value: 10000 },
      ],
    });
    expect(p.status).toBe('behind');
    expect(p.expected).toBeCloseTo(100000 * (1095 / 1826), 0);
  });
  it('a rate "比例达到15%": from 10 % in 2021 to 13 % in 2023 is on track for 15 % in 2025', () => {
    const p = progressRules.point_in_time({
      ...base,
      value: 15,
      observations: [
        { period: '2021', value: 10 },
        { period: '2023', value: 13 },
      ],
      asOf: '2023',
    });
    expect(p.status).toBe('on_track');
    expect(p.actual).toBe(13);
  });
  it('a milestone due in 2023 and not done is at risk during 2023, behind once 2023 has ended', () => {
    expect(
      progressRules.milestone({
        ...base,
        deadline: 2023,
        asOf: '2023Q3',
        observations: [{ period: '2023Q2', value: 0 }],
      }).status,
    ).toBe('at_risk');
    expect(progressRules.milestone({ ...base, deadline: 2023, asOf: '2024', observations: [] }).status).toBe('behind');
    // A year reported whole has ended: the deadline has passed.
    expect(
      progressRules.milestone({ ...base, deadline: 2023, asOf: '2023', observations: [{ period: '2023', value: 0 }] })
        .status,
    ).toBe('behind');
    expect(
      progressRules.milestone({
        ...base,
        deadline: 2023,
        asOf: '2023Q4',
        observations: [{ period: '2023Q4', value: 0 }],
      }).status,
    ).toBe('behind');
  });
});

describe('meets and paceStatus', () => {
  it.each([
    [100, '>=', 100, true],
    [99, '>=', 100, false],
    [100, '>', 100, false],
    [91, '~', 100, true],
    [89, '~', 100, false],
    [1, '=', 1, true],
  ] as const)('%d %s %d → %s', (actual, comparator, value, expected) => {
    expect(meets(actual, comparator, value)).toBe(expected);
  });
  it('grades pace at 90 % and 70 % of what is expected', () => {
    expect(paceStatus(90, 100, false)).toBe('on_track');
    expect(paceStatus(70, 100, false)).toBe('at_risk');
    expect(paceStatus(69, 100, false)).toBe('behind');
    expect(paceStatus(0, 100, true)).toBe('achieved');
  });
  it('calls a target not met once its time is up missed, however close it came', () => {
    expect(paceStatus(99, 100, false, true)).toBe('behind');
    expect(paceStatus(100, 100, true, true)).toBe('achieved');
    const level = progressRules.point_in_time({
      ...base,
      comparator: '>=',
      value: 31,
      deadline: 2025,
      asOf: '2025',
      observations: [
        { period: '2022', value: 28 },
        { period: '2025', value: 30.9 },
      ],
    });
    expect(level).toMatchObject({ status: 'behind', actual: 30.9, expected: 31 });
    expect(level.rule.zh).toContain('期限已到，未达目标');
    // The same figure a year before the deadline is on pace.
    expect(
      progressRules.point_in_time({
        ...base,
        comparator: '>=',
        value: 31,
        deadline: 2025,
        asOf: '2024',
        observations: [
          { period: '2022', value: 28 },
          { period: '2024', value: 30.9 },
        ],
      }).status,
    ).toBe('on_track');
  });
  it('scores a region by the share achieved or on track', () => {
    expect(regionScore(['achieved', 'on_track', 'behind', 'no_data'])).toBe(0.5);
    expect(regionScore([])).toBeNull();
  });
});
