import { describe, expect, it } from 'vitest';
import { loadDepartmentRegistry } from '@kesu/seeds';
import type { PlanRegion } from '@kesu/schema';
import { departmentMatcher } from './departments.js';
import { levelWord, unitChoices, unitNameFor } from './unit-names.js';

const registry = loadDepartmentRegistry();
const matcher = departmentMatcher(registry);
const fn = (code: string) => registry.functions.find((f) => f.code === code)!;

const GANSU: PlanRegion = {
  name: '甘肃省',
  short: '甘肃',
  level: 'province',
  province: '甘肃省',
  parent: null,
  code: '620000',
};
const YOUYI: PlanRegion = {
  name: '友谊县',
  short: '友谊',
  level: 'county',
  province: '黑龙江省',
  parent: '双鸭山市',
  code: '230522',
};
const CHUXIONG: PlanRegion = {
  name: '楚雄彝族自治州',
  short: '楚雄州',
  level: 'prefecture',
  province: '云南省',
  parent: null,
  code: '532300',
};
const JINJIANG: PlanRegion = {
  name: '锦江区',
  short: '锦江',
  level: 'district',
  province: '四川省',
  parent: '成都市',
  code: '510104',
};

describe('unitNameFor names a function’s unit as the region would print it', () => {
  it.each([
    [GANSU, 'education', '省教育厅'],
    [GANSU, 'human_resources', '省人社厅'],
    [GANSU, 'statistics', '省统计局'],
    [GANSU, 'youth_league', '团省委'],
    [GANSU, 'propaganda', '省委宣传部'],
    [YOUYI, 'education', '县教育局'],
    [YOUYI, 'science_association', '县科协'],
    [YOUYI, 'trade_union', '县总工会'],
    [CHUXIONG, 'science_association', '州科协'],
    [CHUXIONG, 'organisation', '州委组织部'],
    [JINJIANG, 'womens_federation', '区妇联'],
  ])('%s %s → %s', (region, code, name) => {
    expect(unitNameFor(region, fn(code), registry.examples)).toBe(name);
  });

  it('every name it makes is read back as its own function by the importer', () => {
    for (const region of [GANSU, YOUYI, CHUXIONG, JINJIANG]) {
      for (const f of registry.functions)
        expect(matcher.functionOf(unitNameFor(region, f, registry.examples)), `${region.name} ${f.code}`).toBe(f.code);
    }
  });

  it('opens with the level word of the region', () => {
    expect([GANSU, YOUYI, CHUXIONG, JINJIANG].map(levelWord)).toEqual(['省', '县', '州', '区']);
    expect(levelWord({ ...GANSU, name: '内蒙古自治区' })).toBe('自治区');
  });
});

describe('unitChoices', () => {
  it('lists the plan’s units, then the region’s, then the registry’s, each unit once', () => {
    const plan = {
      region: GANSU,
      departments: [{ raw: '省教育厅', name: '甘肃省教育厅', function: 'education', region: '620000' }],
    };
    const choices = unitChoices(
      plan,
      [
        { name: '甘肃省教育厅', function: 'education' },
        { name: '甘肃省气象局', function: 'meteorology' },
      ],
      registry,
    );
    expect(choices.slice(0, 2)).toEqual([
      { raw: '省教育厅', name: '甘肃省教育厅', function: 'education', region: '620000', source: 'plan' },
      { raw: '甘肃省气象局', name: '甘肃省气象局', function: 'meteorology', region: '620000', source: 'region' },
    ]);
    expect(choices.filter((c) => c.function === 'education').map((c) => c.raw)).toEqual(['省教育厅']);
    expect(choices.find((c) => c.function === 'science_association')).toMatchObject({
      raw: '省科协',
      name: '甘肃省科协',
      source: 'registry',
    });
    expect(choices.find((c) => c.raw === '各成员单位')).toMatchObject({ function: 'collective', source: 'registry' });
    expect(new Set(choices.map((c) => c.raw)).size).toBe(choices.length);
  });
});
