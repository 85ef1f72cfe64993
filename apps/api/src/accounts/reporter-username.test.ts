import { describe, expect, it } from 'vitest';
import { Username } from '@kesu/schema';
import { reporterUsername } from './reporter-username.js';

const unit = (department: string, fn: string | null, regionCode = '510104') => ({
  regionCode,
  department,
  function: fn,
});

describe('reporter user names', () => {
  it('are the region code and the unit’s function', () => {
    expect(reporterUsername(unit('锦江区教育局', 'education'), new Set())).toBe('510104.education');
  });

  it('tag a unit of unknown function, or of a function already taken, with its own name, the same on every run', () => {
    const unknown = reporterUsername(unit('锦江区融媒体中心', null), new Set());
    expect(unknown).toMatch(/^510104\.unit-[0-9a-f]{4}$/);
    expect(reporterUsername(unit('锦江区融媒体中心', null), new Set())).toBe(unknown);
    const second = reporterUsername(unit('锦江区教育局（体育局）', 'education'), new Set(['510104.education']));
    expect(second).toMatch(/^510104\.education-[0-9a-f]{4}$/);
    expect(second).not.toBe(reporterUsername(unit('锦江区教育局（其他）', 'education'), new Set(['510104.education'])));
  });

  it('count on while a name is still taken', () => {
    const tagged = reporterUsername(unit('锦江区教育局', 'education'), new Set(['510104.education']));
    expect(reporterUsername(unit('锦江区教育局', 'education'), new Set(['510104.education', tagged]))).toBe(
      `${tagged}-2`,
    );
  });

  it('stay valid user names for long function codes and town codes', () => {
    const names = [
      reporterUsername(unit('工商联', 'federation_industry_commerce'), new Set()),
      reporterUsername(
        unit('工商联', 'federation_industry_commerce', '510104001'),
        new Set(['510104001.federation_industry_c']),
      ),
      reporterUsername(unit('某中心', null, '510104001'), new Set()),
    ];
    for (const name of names) expect(Username.safeParse(name).success, name).toBe(true);
  });
});
