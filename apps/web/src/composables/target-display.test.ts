import { describe, expect, it } from 'vitest';
import { goalText, statusSummary } from './target-display';

describe('goalText', () => {
  it.each([
    [{ comparator: '>=', value: 1000, unit: '人次' }, '≥ 1,000 人次'],
    [{ comparator: '>', value: 18, unit: '%' }, '> 18%'],
    [{ comparator: '=', value: 2.5, unit: null }, '2.5'],
    [{ comparator: '~', value: 50, unit: '户' }, '≈ 50 户'],
    [{ comparator: '>=', value: null, unit: '个' }, '—'],
  ])('prints %j as %s', (target, text) => {
    expect(goalText(target)).toBe(text);
  });
});

describe('statusSummary', () => {
  it('counts a target never judged as no data, against the share', () => {
    const summary = statusSummary([{ status: 'achieved' }, { status: 'on_track' }, { status: 'behind' }, { status: null }]);
    expect(summary.counts).toEqual({ achieved: 1, on_track: 1, at_risk: 0, behind: 1, no_data: 1 });
    expect(summary.share).toBe(0.5);
  });

  it('has no share without targets (not 0 %)', () => {
    expect(statusSummary([]).share).toBeNull();
  });
});
