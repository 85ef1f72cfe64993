import { describe, expect, it } from 'vitest';
import { findQuantities } from './quantities.js';

const one = (s: string) => {
  const [q] = findQuantities(s);
  return (
    q && { text: s.slice(q.start, q.end), value: q.value, valueMax: q.valueMax, unit: q.unit, comparator: q.comparator }
  );
};

describe('findQuantities', () => {
  it.each([
    ['每年培训不少于2000名专业技能工人', { text: '2000名', value: 2000, valueMax: null, unit: '名', comparator: '>=' }],
    [
      '开展新型农民教育培训10万人次以上',
      { text: '10万人次以上', value: 100000, valueMax: null, unit: '人次', comparator: '>=' },
    ],
    ['力促每名劳动力掌握1—2项实用技术', { text: '1—2项', value: 1, valueMax: 2, unit: '项', comparator: '=' }],
    ['遴选科技示范户50户左右', { text: '50户左右', value: 50, valueMax: null, unit: '户', comparator: '~' }],
    ['人数达到90%以上', { text: '90%以上', value: 90, valueMax: null, unit: '%', comparator: '>=' }],
    ['比例超过18%', { text: '18%', value: 18, valueMax: null, unit: '%', comparator: '>' }],
    ['开展活动1200余场次', { text: '1200余场次', value: 1200, valueMax: null, unit: '场次', comparator: '>' }],
    ['培训农民三万人次', { text: '三万人次', value: 30000, valueMax: null, unit: '人次', comparator: '=' }],
    ['组建百支志愿服务队', { text: '百支', value: 100, valueMax: null, unit: '支', comparator: '=' }],
    ['投入经费一点五亿元', { text: '一点五亿元', value: 150000000, valueMax: null, unit: '元', comparator: '=' }],
    ['安排50万元', { text: '50万元', value: 500000, valueMax: null, unit: '元', comparator: '=' }],
    ['比例达到百分之十二', { text: '百分之十二', value: 12, valueMax: null, unit: '%', comparator: '>=' }],
    [
      '建成1000平米以上的科普场馆',
      { text: '1000平米以上', value: 1000, valueMax: null, unit: '平米', comparator: '>=' },
    ],
    ['新建3至5个', { text: '3至5个', value: 3, valueMax: 5, unit: '个', comparator: '=' }],
  ])('%s', (s, expected) => {
    expect(one(s)).toEqual(expected);
  });

  it('finds nothing in numbers without a counting word', () => {
    expect(findQuantities('12396热线、教育信息化2.0、“3+2”')).toEqual([]);
  });
});
