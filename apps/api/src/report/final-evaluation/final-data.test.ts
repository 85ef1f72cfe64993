import { describe, expect, it } from 'vitest';
import type { Region } from '@kesu/schema';
import { pickPlan, type FinalPlan } from './final-data.js';
import { FinalEvaluationRefused } from './final-refusal.js';

const JINJIANG = { code: '510104', name: '锦江区' } as Region;
const plan = (start: number, end: number): FinalPlan => ({
  planId: `p${start}`,
  title: `锦江区实施方案（${start}—${end}年）`,
  start,
  end,
  literacyTarget: 18,
  literacyStretch: 20,
});
const TERMS = [plan(2026, 2030), plan(2021, 2025), plan(2016, 2020)];

function refusal(run: () => unknown): FinalEvaluationRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof FinalEvaluationRefused) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the plan a final evaluation is written for', () => {
  it('is the one whose term holds the year asked', () => {
    expect(pickPlan(JINJIANG, TERMS, 2023, new Date('2026-12-05T00:00:00Z')).planId).toBe('p2021');
    expect(pickPlan(JINJIANG, TERMS, 2016, new Date('2026-12-05T00:00:00Z')).planId).toBe('p2016');
  });

  it('without a year, the latest plan whose term has ended, not the next term’s running beside it', () => {
    expect(pickPlan(JINJIANG, TERMS, undefined, new Date('2027-03-01T00:00:00Z')).planId).toBe('p2021');
    expect(pickPlan(JINJIANG, TERMS.slice(1), undefined, new Date('2027-03-01T00:00:00Z')).planId).toBe('p2021');
  });

  it('with only a plan still running, or the running one asked for, refuses and offers the progress report', () => {
    const running = refusal(() => pickPlan(JINJIANG, TERMS.slice(0, 1), undefined, new Date('2027-03-01T00:00:00Z')));
    expect(running.code).toBe('plan_not_ended');
    expect(running.zh).toBe(
      '锦江区实施方案（2026—2030年）的规划期尚未结束（至 2030 年底），暂不能作终期评估；请改看进展报告（kind=progress）',
    );
    expect(refusal(() => pickPlan(JINJIANG, TERMS, 2027, new Date('2027-03-01T00:00:00Z'))).code).toBe(
      'plan_not_ended',
    );
  });

  it('counts the plan’s last year as ended once it is the next year in Beijing', () => {
    // 2025-12-31 16:30 UTC is 2026-01-01 00:30 in Beijing: the 2021—2025 plan has just ended.
    expect(pickPlan(JINJIANG, [plan(2021, 2025)], undefined, new Date('2025-12-31T16:30:00Z')).planId).toBe('p2021');
    expect(
      refusal(() => pickPlan(JINJIANG, [plan(2021, 2025)], undefined, new Date('2025-12-31T15:30:00Z'))).code,
    ).toBe('plan_not_ended');
  });

  it('is refused for a region without a plan, or a year no plan holds, in both languages', () => {
    const none = refusal(() => pickPlan(JINJIANG, [], undefined, new Date()));
    expect([none.code, none.zh, none.en]).toEqual([
      'no_plan',
      '锦江区尚无已导入的实施方案，无法生成终期评估',
      '锦江区 has no imported plan, so there is no final evaluation to write',
    ]);
    const outside = refusal(() => pickPlan(JINJIANG, TERMS, 2035, new Date()));
    expect(outside.code).toBe('year_outside_plan');
    expect(outside.zh).toBe('2035 年不在锦江区实施方案的规划期（2026—2030、2021—2025、2016—2020年）内');
    expect(outside.details).toEqual([expect.objectContaining({ path: 'year', code: 'year_outside_plan' })]);
  });
});
