import { describe, expect, it } from 'vitest';
import { splitLines } from '../text/lines.js';
import { normalise } from '../normalise/normalise.js';
import { findUnitNotes, splitUnits } from './unit-notes.js';

function notes(raw: string) {
  const doc = normalise(raw);
  return findUnitNotes(splitLines(doc), doc.text, doc.match).map((n) => ({
    ownLine: n.ownLine,
    lead: n.lead?.map((u) => u.name) ?? null,
    responsible: n.responsible?.map((u) => u.name) ?? null,
    text: doc.text.slice(n.span.start, n.span.end),
  }));
}

describe('findUnitNotes reads the five notations of the seeds', () => {
  it('克州 (000): 牵头部门 and 责任部门 lines after a block of tasks', () => {
    expect(
      notes(
        '4.充分发挥新一代信息技术作用。\n牵头部门：自治州教育局，自治州团委、科协\n责任部门：自治州党委宣传部、党委党校（自治州行政学院）',
      ),
    ).toEqual([
      {
        ownLine: true,
        lead: ['自治州教育局', '自治州团委', '科协'],
        responsible: null,
        text: '牵头部门：自治州教育局，自治州团委、科协',
      },
      {
        ownLine: true,
        lead: null,
        responsible: ['自治州党委宣传部', '党委党校（自治州行政学院）'],
        text: '责任部门：自治州党委宣传部、党委党校（自治州行政学院）',
      },
    ]);
  });

  it('友谊 (001): （牵头单位：…） after a section intro and （责任单位：…） per task', () => {
    const [intro, task] = notes(
      '为加快建设科教强县夯实人才基础。（牵头单位：县教育和体育局、县科协）\n1.将弘扬科学精神贯穿于育人全链条。（责任单位：县委宣传部、团县委）',
    );
    expect(intro).toMatchObject({ ownLine: false, lead: ['县教育和体育局', '县科协'], responsible: null });
    expect(task).toMatchObject({ ownLine: false, lead: null, responsible: ['县委宣传部', '团县委'] });
  });

  it('楚雄 (002): (X牵头,Y配合) with half-width punctuation', () => {
    expect(
      notes('——创新基础教育阶段科学教育方式。加强科学教育。(州教育体育局牵头,州委宣传部、州科协、团州委配合)'),
    ).toEqual([
      {
        ownLine: false,
        lead: ['州教育体育局'],
        responsible: ['州委宣传部', '州科协', '团州委'],
        text: '(州教育体育局牵头,州委宣传部、州科协、团州委配合)',
      },
    ]);
  });

  it('东胜 (003): （牵头单位：…，责任单位：…） with 各成员单位', () => {
    expect(notes('1.开展活动。（牵头单位：区科协，责任单位：各成员单位）')[0]).toMatchObject({
      lead: ['区科协'],
      responsible: ['各成员单位'],
    });
  });

  it('锦江 (004): 〔…〕, one closing with ） and one joining the roles with 、', () => {
    const [a, b] = notes(
      '11.开展服务。〔牵头单位：区民政局，责任单位：区卫健局、各街道）\n14.落实要求。〔牵头单位：区委组织部、责任单位：区全民科学素质纲要实施工作办公室其他成员单位、各街道〕',
    );
    expect(a).toMatchObject({ lead: ['区民政局'], responsible: ['区卫健局', '各街道'] });
    expect(b).toMatchObject({
      lead: ['区委组织部'],
      responsible: ['区全民科学素质纲要实施工作办公室其他成员单位', '各街道'],
    });
  });

  it('排在第一位的为牵头单位 inside a note: its first unit leads, and the rule is no unit', () => {
    expect(
      notes('1.开展活动。（省教育厅、省科协、团省委按职责分工负责，排在第一位的为牵头单位，下同）')[0],
    ).toMatchObject({ lead: ['省教育厅'], responsible: ['省科协', '团省委'] });
    expect(notes('2.开展活动。（责任单位：省科技厅、省科协，列第一位的为牵头单位）')[0]).toMatchObject({
      lead: ['省科技厅'],
      responsible: ['省科协'],
    });
    expect(notes('3.开展活动。（牵头单位：省科协，责任单位：省教育厅；排在首位的为牵头单位）')[0]).toMatchObject({
      lead: ['省科协'],
      responsible: ['省教育厅'],
    });
    expect(notes('说明：（排在第一位的为牵头单位，下同）')).toEqual([]);
  });

  it('ignores brackets that name no units', () => {
    expect(notes('依据《纲要》（国发〔2021〕9号）（以下简称《科学素质纲要》），制定本方案（2021—2025年）。')).toEqual(
      [],
    );
  });
});

describe('splitUnits', () => {
  it('splits on 、，, and ; but not inside brackets, and keeps offsets', () => {
    const units = splitUnits('县科协、各乡镇(街道)，县教育局,县卫健局；县财政局', 10);
    expect(units.map((u) => u.name)).toEqual(['县科协', '各乡镇(街道)', '县教育局', '县卫健局', '县财政局']);
    expect(units[1]?.span).toEqual({ start: 14, end: 21 });
  });

  it('leaves the closing 等 of a list out of the last name', () => {
    expect(splitUnits('市教育局、市科协等', 0).map((u) => [u.name, u.span])).toEqual([
      ['市教育局', { start: 0, end: 4 }],
      ['市科协', { start: 5, end: 8 }],
    ]);
    expect(splitUnits('县科协、县平等协会', 0).map((u) => u.name)).toEqual(['县科协', '县平等协会']);
  });
});
