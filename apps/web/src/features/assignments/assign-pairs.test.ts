import { describe, expect, it } from 'vitest';
import type { Plan } from '@kesu/schema';
import { assignmentCount, mergePairs, planPairs } from './assign-pairs';

const plan = {
  departments: [
    { raw: '区教育局', name: '锦江区教育局', function: 'education', region: '510104' },
    { raw: '区科协', name: '锦江区科协', function: 'science_association', region: '510104' },
    { raw: '各街道', name: '各街道', function: 'collective', region: '510104' },
    { raw: '区总工会', name: '锦江区总工会', function: 'trade_union', region: null },
  ],
} as unknown as Plan;

describe('the pairs a plan offers', () => {
  it('are its units in its region, the form’s own first, without collective placeholders', () => {
    expect(planPairs(plan, '510104', '锦江区科协')).toEqual([
      { regionCode: '510104', department: '锦江区科协' },
      { regionCode: '510104', department: '锦江区教育局' },
      { regionCode: '510104', department: '锦江区总工会' },
    ]);
  });

  it('keep a unit the importer placed in another region there, never crossed with the plan’s', () => {
    const placed = {
      departments: [{ raw: '省科协', name: '安徽省科协', function: 'science_association', region: '340000' }],
    } as unknown as Plan;
    expect(planPairs(placed, '340100', '合肥市科协')).toEqual([
      { regionCode: '340100', department: '合肥市科协' },
      { regionCode: '340000', department: '安徽省科协' },
    ]);
  });

  it('are none for a form without a plan or a region', () => {
    expect(planPairs(null, null, '区科协')).toEqual([]);
  });
});

describe('choosing pairs', () => {
  it('adds only pairs not there yet, keeping the order', () => {
    const list = [{ regionCode: '510104', department: '锦江区科协' }];
    const added = [
      { regionCode: '510104', department: '锦江区科协' },
      { regionCode: '340123', department: '肥西县科协' },
    ];
    expect(mergePairs(list, added)).toEqual([list[0], added[1]]);
  });

  it('counts one assignment per distinct pair and period', () => {
    const pairs = [
      { regionCode: '510104', department: '锦江区科协' },
      { regionCode: '340123', department: '肥西县科协' },
      { regionCode: '510104', department: '锦江区科协' },
    ];
    expect(assignmentCount(pairs, ['2025Q3', '2025Q4'])).toBe(4);
    expect(assignmentCount(pairs, [])).toBe(0);
    expect(assignmentCount([], ['2025Q3'])).toBe(0);
  });
});
