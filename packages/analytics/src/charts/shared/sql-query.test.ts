import { describe, expect, it } from 'vitest';
import { indicatorKinds, targetScopes } from '@kesu/schema';
import { sqlNames } from './sql-query.js';

describe('names picked by their traits, as a SQL list', () => {
  it('lists the scopes or the indicator kinds whose rules pass the test', () => {
    expect(sqlNames(targetScopes, (r) => r.actual === 'share_of_units')).toBe("('per_unit')");
    expect(sqlNames(targetScopes, (r) => r.actual === 'amount')).toBe("('annual', 'cumulative', 'point_in_time')");
    expect(sqlNames(indicatorKinds, (k) => k.overTime === 'sum')).toBe("('flow')");
    expect(sqlNames(indicatorKinds, (k) => k.acrossRegions === 'sum')).toBe("('flow', 'stock')");
  });
});
