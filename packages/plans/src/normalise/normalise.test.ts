import { describe, expect, it } from 'vitest';
import { matchingForm, normalise } from './normalise.js';

describe('normalise', () => {
  it('joins a sentence broken across lines with blank lines between (001 友谊县, task 4 of 产业工人)', () => {
    const raw =
      '4.发挥企业家提升产业工人科学素质的示范引领作用。弘\n\n扬企业家精神，提高企业家科学素质。\n（四）老年人科学素质提升行动';
    expect(normalise(raw).text).toBe(
      '4.发挥企业家提升产业工人科学素质的示范引领作用。弘扬企业家精神，提高企业家科学素质。\n（四）老年人科学素质提升行动',
    );
  });

  it('joins a title printed over two lines but keeps headings and the next paragraph apart (001 友谊县)', () => {
    const raw =
      '友谊县全民科学素质行动规划纲要\n\n实施方案（2021—2025年）\n为深入实施国务院《全民科学素质行动规划纲要》，制定本实施方案。\n一、指导思想\n\n以习近平新时代中国特色社会主义思想为指导。';
    expect(normalise(raw).text.split('\n')).toEqual([
      '友谊县全民科学素质行动规划纲要实施方案（2021—2025年）',
      '为深入实施国务院《全民科学素质行动规划纲要》，制定本实施方案。',
      '一、指导思想',
      '',
      '以习近平新时代中国特色社会主义思想为指导。',
    ]);
  });

  it('drops Word bookmarks (003 东胜区, 004 锦江区) and CRLF', () => {
    const raw =
      '[bookmark: OLE_LINK1]3.开展职业技能素质提升行动。\r\n[bookmark: （二）实施农民科学素质提升行动。]6.开展活动。';
    expect(normalise(raw).text).toBe('3.开展职业技能素质提升行动。\n6.开展活动。');
  });

  it('keeps the document number and the date on lines of their own', () => {
    const raw = '友政办发〔2022〕25号\n友谊县人民政府办公室关于印发方案的通知\n各乡（镇）人民政府：';
    expect(normalise(raw).text.split('\n')).toHaveLength(3);
  });
});

describe('matchingForm', () => {
  it('has the same length as the text it mirrors', () => {
    const text = '牽頭單位：縣教育局，參與單位衞生健康委（２０２５年）１２．５％　二Ο三五';
    const match = matchingForm(text);
    expect(match).toHaveLength(text.length);
    expect(match).toBe('牵头单位:县教育局,参与单位卫生健康委(2025年)12.5% 二〇三五');
  });
});
