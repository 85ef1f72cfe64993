import { describe, expect, it } from 'vitest';
import { approvalLevelsOf, countApprovedFromOf } from './config.js';

describe('approval settings from the environment', () => {
  it('has all three levels by default, kept in the order of the region tree', () => {
    expect(approvalLevelsOf({})).toEqual(['county', 'prefecture', 'province']);
    expect(approvalLevelsOf({ KESU_APPROVAL_LEVELS: 'province, county' })).toEqual(['county', 'province']);
  });

  it('counts data once approved at its first level unless told a level', () => {
    expect(countApprovedFromOf({})).toBeNull();
    expect(countApprovedFromOf({ KESU_COUNT_APPROVED_FROM: 'prefecture' })).toBe('prefecture');
  });

  it('refuses a level it does not know, in Chinese and English', () => {
    expect(() => approvalLevelsOf({ KESU_APPROVAL_LEVELS: 'county,city' })).toThrow(
      /不认识的审核层级「city」.*unknown approval level "city"/,
    );
    expect(() => countApprovedFromOf({ KESU_COUNT_APPROVED_FROM: '市级' })).toThrow(
      /KESU_COUNT_APPROVED_FROM：不认识的审核层级「市级」/,
    );
  });
});
