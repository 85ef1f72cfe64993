import { describe, expect, it } from 'vitest';
import { splitLines } from '../text/lines.js';
import { normalise } from '../normalise/normalise.js';
import { buildOutline } from './outline.js';

function outline(raw: string) {
  const doc = normalise(raw);
  return buildOutline(doc.match, splitLines(doc), 0).map((c) => ({
    title: c.title,
    kind: c.kind,
    sections: c.sections.map((s) => ({ ordinal: s.ordinal, kind: s.kind, tasks: s.tasks.map((t) => t.ordinal) })),
  }));
}

describe('buildOutline', () => {
  it('reads 一、/（一）/1. with tasks numbered through the document (克州 000)', () => {
    const raw =
      '二、重点任务\n（一）青少年科学素质提升行动\n1.实施行动。内容。\n2.夯实教育。内容。\n（二）农牧民科学素质提升行动\n3.开展活动。内容。\n三、重点工程\n（一）实施科技教育基础工程\n4.加强研究。内容。';
    expect(outline(raw)).toEqual([
      {
        title: '重点任务',
        kind: 'action',
        sections: [
          { ordinal: '(一)', kind: 'action', tasks: ['1.', '2.'] },
          { ordinal: '(二)', kind: 'action', tasks: ['3.'] },
        ],
      },
      { title: '重点工程', kind: 'project', sections: [{ ordinal: '(一)', kind: 'project', tasks: ['4.'] }] },
    ]);
  });

  it('takes 锦江’s `1、 总体要求` beside 二、 as a chapter', () => {
    const raw =
      '1、 总体要求\n（一）指导思想\n内容。\n二、提升行动\n（一）实施青少年科学素质提升行动\n1.培养青少年科学精神。内容。';
    expect(outline(raw).map((c) => c.title)).toEqual(['总体要求', '提升行动']);
  });

  it('reads —— bullets as tasks numbered by position (楚雄 002)', () => {
    const raw =
      '二、提升行动\n(一)青少年科学素质提升行动\n——创新基础教育阶段科学教育方式。内容。\n\n——推进高等教育阶段科学教育和科普工作。内容。';
    expect(outline(raw)[0]?.sections[0]?.tasks).toEqual(['1', '2']);
  });

  it('reads 第一章/第一节/（一） with levels relative to the chapter', () => {
    const raw =
      '第二章　提升行动\n第一节　青少年科学素质提升行动\n（一）将科学精神融入育人全过程。内容。\n（二）提升中小学科学教育质量。内容。\n第三章　重点工程\n第一节　科技资源科普化工程\n1．建立科技资源科普化机制。内容。';
    expect(outline(raw)).toEqual([
      { title: '提升行动', kind: 'action', sections: [{ ordinal: '(一)', kind: 'action', tasks: ['(一)', '(二)'] }] },
      { title: '重点工程', kind: 'project', sections: [{ ordinal: '(一)', kind: 'project', tasks: ['1.'] }] },
    ]);
  });

  it('splits inline 一是…。二是…。 enumerations into tasks', () => {
    const raw =
      '二、提升行动\n（一）实施青少年科学素质提升行动\n一是深化科学教育改革。内容。二是推进馆校合作。内容。三是开展竞赛。内容。';
    expect(outline(raw)[0]?.sections[0]?.tasks).toEqual(['一是', '二是', '三是']);
  });

  it('finds unnumbered tasks that open with a short heading sentence (友谊 001, 条件保障)', () => {
    const raw =
      '五、组织实施和保障条件\n（三）条件保障\n加强理论研究。围绕新科技、新应用开展理论与实践研究。\n保障经费投入。各有关部门统筹考虑和落实所需经费。';
    expect(outline(raw)[0]?.sections[0]).toMatchObject({ kind: 'other', tasks: ['1', '2'] });
  });
});
