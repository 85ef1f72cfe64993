import { describe, expect, it } from 'vitest';
import { goalText, statusSummary, targetAmountText } from './target-display';

describe('goalText', () => {
  it.each([
    [{ comparator: '>=', value: 1000, unit: '人次' }, '≥ 1,000人次', '≥ 1,000 person-times'],
    [{ comparator: '>', value: 18, unit: '%' }, '> 18%', '> 18%'],
    [{ comparator: '=', value: 2.5, unit: null }, '2.5', '2.5'],
    [{ comparator: '~', value: 50, unit: '户' }, '≈ 50户', '≈ 50 households'],
    [{ comparator: '>=', value: 7000000, unit: '人' }, '≥ 700万人', '≥ 7 million people'],
    [{ comparator: '>=', value: null, unit: '个' }, '—', '—'],
  ])('prints %j as %s', (target, zh, en) => {
    expect(goalText(target, 'zh')).toBe(zh);
    expect(goalText(target, 'en')).toBe(en);
  });
});

describe('targetAmountText', () => {
  it("writes a rate target's actual with its %, as the target is", () => {
    expect(targetAmountText({ scope: 'point_in_time', unit: '%' }, 3, 'zh')).toBe('3%');
    expect(goalText({ comparator: '>=', value: 31, unit: '%' }, 'zh')).toBe('≥ 31%');
  });

  it("writes a per-unit target's share of units as a percentage, not in the unit counted", () => {
    expect(targetAmountText({ scope: 'per_unit', unit: '名' }, 62.5, 'zh')).toBe('62.5%');
  });

  it('writes large counts in 万 and in English words', () => {
    expect(targetAmountText({ scope: 'annual', unit: '人次' }, 123456, 'zh')).toBe('12.35万人次');
    expect(targetAmountText({ scope: 'annual', unit: '人次' }, 123456, 'en')).toBe('123,456 person-times');
    expect(targetAmountText({ scope: 'annual', unit: '人次' }, null, 'en')).toBe('—');
  });
});

describe('statusSummary', () => {
  it('counts a target never judged as no data, against the share', () => {
    const summary = statusSummary([
      { status: 'achieved' },
      { status: 'on_track' },
      { status: 'behind' },
      { status: null },
    ]);
    expect(summary.counts).toEqual({ achieved: 1, on_track: 1, at_risk: 0, behind: 1, no_data: 1 });
    expect(summary.share).toBe(0.5);
  });

  it('has no share without targets (not 0 %)', () => {
    expect(statusSummary([]).share).toBeNull();
  });
});
