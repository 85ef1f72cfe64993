import { describe, expect, it } from 'vitest';
import { loadDepartmentRegistry, loadRegions } from '@kesu/seeds';
import { departmentMatcher, fullName, normaliseDepartments } from './units/departments.js';
import { detectRegion, indexRegions, planRegion } from './header/region.js';

const regions = indexRegions(loadRegions());
const matcher = departmentMatcher(loadDepartmentRegistry());

describe('departmentMatcher', () => {
  it('maps every unit printed in the five seeds to the function the registry gives it', () => {
    for (const example of loadDepartmentRegistry().examples)
      expect(matcher.functionOf(example.raw), example.raw).toBe(example.function);
  });

  it.each([
    ['区科学技术协会', 'science_association'],
    ['共青团东胜区委员会', 'youth_league'],
    ['县教育和体育局', 'education'],
    ['州教育体育局', 'education'],
    ['文化体育和旅旅局', 'culture_tourism'],
    ['各街道', 'collective'],
    ['各成员单位', 'collective'],
    ['张三', null],
    // A province's bureaus are 厅 where a county's are 局.
    ['省教育厅', 'education'],
    ['四川省科学技术厅', 'science_technology'],
    ['省人社厅', 'human_resources'],
    ['省农业农村厅', 'agriculture'],
    ['省政府办公厅', 'government_office'],
    ['省餐厅', null],
  ])('%s → %s', (name, fn) => {
    expect(matcher.functionOf(name)).toBe(fn);
  });
});

describe('normaliseDepartments', () => {
  const kezhou = planRegion(regions, regions.byCode.get('653000')!);
  it('expands elided and level-only prefixes to the region’s full name (克州 000)', () => {
    expect(fullName('科协', kezhou)).toBe('克孜勒苏柯尔克孜自治州科协');
    expect(fullName('自治州团委', kezhou)).toBe('克孜勒苏柯尔克孜自治州团委');
    expect(fullName('克州科协', kezhou)).toBe('克州科协');
  });
  it('keeps what was printed, once per name, and collective units as they are', () => {
    expect(normaliseDepartments(['科协', '科协', '各成员单位'], matcher, kezhou)).toEqual([
      { raw: '科协', name: '克孜勒苏柯尔克孜自治州科协', function: 'science_association', region: '653000' },
      { raw: '各成员单位', name: '各成员单位', function: 'collective', region: '653000' },
    ]);
  });
});

describe('detectRegion', () => {
  it.each([
    ['友谊县全民科学素质行动规划纲要实施方案', '依据双鸭山市方案，落实我县任务。友谊县科协。', '230522'],
    ['成都市锦江区全民科学素质行动规划纲要实施方案', '结合锦江实际，成都市锦江区科协牵头。', '510104'],
    [
      '自治州全民科学素质行动规划纲要实施方案',
      '克州人民政府办公室印发。克州科协、克州教育局牵头，推进科技资源科普化，整合科普资源。',
      '653000',
    ],
    ['楚雄州全民科学素质行动实施方案', '楚雄州人民政府印发。楚雄州科协。', '532300'],
    ['东胜区全民科学素质行动规划纲要实施方案', '东胜区科协会同鄂尔多斯市有关部门。', '150602'],
  ])('%s → %s', (title, text, code) => {
    expect(detectRegion(regions, title, text)?.code).toBe(code);
  });

  it('finds nothing in a text that names no region', () => {
    expect(detectRegion(regions, '全民科学素质行动实施方案', '加强科普工作，提升科学素质。')).toBeNull();
  });
});
