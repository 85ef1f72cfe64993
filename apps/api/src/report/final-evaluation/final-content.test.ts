import { describe, expect, it } from 'vitest';
import { describeActual } from '@kesu/schema';
import { goalText } from './final-content.js';
import type { FinalTarget } from './final-data.js';

const target = (over: Partial<FinalTarget>): FinalTarget => ({
  targetId: 'p#1',
  number: 1,
  text: '',
  metric: '',
  indicatorCode: null,
  scope: 'annual',
  comparator: '>=',
  value: 2000,
  valueMax: null,
  unit: '名',
  perUnit: null,
  deadline: null,
  leadUnits: '',
  status: 'achieved',
  actual: null,
  expected: null,
  asOf: null,
  ruleZh: null,
  ruleEn: null,
  ...over,
});

describe('goals and actuals in the final evaluation', () => {
  it.each([
    [target({}), '不少于2,000名', 'at least 2,000 people'],
    [target({ value: 100000, unit: '人次' }), '不少于10万人次', 'at least 100,000 person-times'],
    [target({ comparator: '>', value: 18, unit: '%' }), '超过18%', 'more than 18%'],
    [
      target({ comparator: '=', value: 1, valueMax: 2, unit: '项', scope: 'per_unit', perUnit: '每名劳动力' }),
      '1–2项（每名劳动力）',
      '1–2 (每名劳动力)',
    ],
    [target({ scope: 'milestone', unit: null, value: 1, deadline: 2023 }), '2023年底前完成', 'done by the end of 2023'],
  ])('a goal: %#', (t, zh, en) => {
    expect(goalText(t, 'zh')).toBe(zh);
    expect(goalText(t, 'en')).toBe(en);
  });

  it.each([
    [target({ unit: '%', actual: 3 }), '3%', '3%'],
    [target({ unit: '人', actual: 7000000 }), '700万人', '7 million people'],
    [target({ scope: 'per_unit', unit: '名', perUnit: '中小学', actual: 62.5 }), '62.5%', '62.5%'],
    [target({ scope: 'milestone', unit: null, actual: 1 }), '已完成', 'done'],
    [target({ actual: null }), '—', '—'],
  ])('an actual: %#', (t, zh, en) => {
    expect(describeActual(t, 'zh')).toBe(zh);
    expect(describeActual(t, 'en')).toBe(en);
  });
});
