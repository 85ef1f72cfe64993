import { describe, expect, it } from 'vitest';
import { loadRegions } from '@kesu/seeds';
import { searchRegions } from './region-search.js';

const regions = new Map(loadRegions().map((r) => [r.code, r]));

describe('finding a region', () => {
  it('finds counties by part of their name, with the way down to them', () => {
    const found = searchRegions(regions, '肥西', 30);
    expect(found[0]).toMatchObject({ code: '340123', name: '肥西县', level: 'county', path: ['安徽省', '合肥市'] });
  });

  it('tells regions of the same name apart by their city', () => {
    const found = searchRegions(regions, '鼓楼区', 30);
    expect(found.map((r) => r.path.at(-1))).toEqual(['南京市', '徐州市', '福州市', '开封市']);
  });

  it('puts an exact name before longer ones, and higher levels first', () => {
    const found = searchRegions(regions, '合肥', 30);
    expect(found[0]).toMatchObject({ code: '340100', name: '合肥市' });
    expect(searchRegions(regions, '成都市', 30)[0]?.code).toBe('510100');
  });

  it('finds by the start of a code, and stops at the limit', () => {
    const found = searchRegions(regions, '5101', 5);
    expect(found).toHaveLength(5);
    expect(found[0]?.code).toBe('510100');
    expect(found.every((r) => r.code.startsWith('5101'))).toBe(true);
  });

  it('finds nothing for text no region has', () => {
    expect(searchRegions(regions, '不存在的地方', 30)).toEqual([]);
  });
});
