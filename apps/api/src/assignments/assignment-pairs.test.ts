import { describe, expect, it } from 'vitest';
import { loadRegions } from '@kesu/seeds';
import { Failure } from '../http/failure.js';
import { askedPairs, checkedPairs, foreignRegion } from './assignment-pairs.js';

const regions = new Map(loadRegions().map((r) => [r.code, r]));
const region = (code: string) => regions.get(code)!;

describe('the region a unit’s name belongs to', () => {
  it.each([
    ['安徽省科协', '340100', '安徽省'],
    ['合肥市教育局', '340123', '合肥市'],
    ['成都市教育局', '510104', '成都市'],
    ['北京市朝阳区教育委员会', '220104', '北京市'],
    ['肥西县科协', '510104', '肥西县'],
  ])('%s is not a unit of %s (it is %s’s)', (unit, code, owner) => {
    expect(foreignRegion(unit, region(code), regions)?.name).toBe(owner);
  });

  it.each([
    ['锦江区教育局', '510104'],
    ['四川省成都市锦江区教育局', '510104'],
    ['安徽省教育厅', '340000'],
    ['区教育局', '510104'],
    ['各街道办事处', '510104'],
    ['基准测试局', '510104'],
    ['共青团锦江区委', '510104'],
  ])('%s may be assigned in %s', (unit, code) => {
    expect(foreignRegion(unit, region(code), regions)).toBeNull();
  });
});

describe('the pairs of a request', () => {
  it('takes pairs as given, merging duplicates and keeping the first', () => {
    const pairs = checkedPairs(
      askedPairs({
        pairs: [
          { regionCode: '510104', department: '锦江区教育局' },
          { regionCode: '340123', department: '肥西县科协' },
          { regionCode: '510104', department: '锦江区教育局' },
        ],
      }),
      regions,
    );
    expect(pairs).toEqual([
      { regionCode: '510104', department: '锦江区教育局' },
      { regionCode: '340123', department: '肥西县科协' },
    ]);
  });

  it('still reads the older regions × departments as every combination', () => {
    const asked = askedPairs({ regionCodes: ['510104', '510105'], departments: ['区教育局', '区科协'] });
    expect(asked.map((p) => `${p.regionCode} ${p.department}`)).toEqual([
      '510104 区教育局',
      '510104 区科协',
      '510105 区教育局',
      '510105 区科协',
    ]);
  });

  it('refuses an unknown region naming the pair and its path', () => {
    const asked = askedPairs({
      pairs: [
        { regionCode: '510104', department: '锦江区科协' },
        { regionCode: '999999', department: '科协' },
      ],
    });
    const error = (() => {
      try {
        checkedPairs(asked, regions);
      } catch (e) {
        return e;
      }
      return null;
    })() as Failure;
    expect(error).toBeInstanceOf(Failure);
    expect(error).toMatchObject({ status: 400, code: 'unknown_region', zh: '第 2 对：行政区划代码「999999」不存在' });
    expect(error.details[0]).toMatchObject({ path: 'pairs[1].regionCode', code: 'unknown_region' });
  });

  it('refuses a province’s unit paired with one of its cities', () => {
    expect(() =>
      checkedPairs(askedPairs({ pairs: [{ regionCode: '340100', department: '安徽省科协' }] }), regions),
    ).toThrow(
      expect.objectContaining({
        code: 'unit_outside_region',
        zh: '第 1 对：「安徽省科协」是安徽省的单位，不能下发给合肥市',
        details: [expect.objectContaining({ path: 'pairs[0].department' })],
      }),
    );
  });
});
