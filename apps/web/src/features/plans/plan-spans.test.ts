import { describe, expect, it } from 'vitest';
import type { Plan } from '@kesu/schema';
import { innermost, planMarks, segments, type Mark } from './plan-spans';

// Shaped like the 友谊县 plan: a section whose intro names its lead unit, tasks naming theirs.
const text = [
  '（一）青少年科学素质提升行动（牵头单位：县教育局）', // 0–25
  '1.开展科技活动，每年举办不少于20场。（责任单位：县科协、团县委）', // 26–
  '2.建设科普基地。（责任单位：县科协）',
].join('\n');

const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const task1 = '1.开展科技活动，每年举办不少于20场。（责任单位：县科协、团县委）';
const task2 = '2.建设科普基地。（责任单位：县科协）';

const plan = {
  sections: [
    {
      kind: 'action',
      ordinal: '(一)',
      title: '青少年科学素质提升行动',
      targetGroup: 'youth',
      leadUnits: ['县教育局'],
      responsibleUnits: [],
      span: { start: 0, end: text.length },
      tasks: [
        {
          ordinal: '1.',
          title: '开展科技活动',
          leadUnits: [],
          responsibleUnits: ['县科协', '团县委'],
          span: at(task1),
        },
        { ordinal: '2.', title: '建设科普基地', leadUnits: [], responsibleUnits: ['县科协'], span: at(task2) },
      ],
    },
  ],
  targets: [{ span: at('每年举办不少于20场') }],
  issues: [
    { code: 'target_without_indicator', message: '…', messageEn: '…', span: at('建设科普基地') },
    { code: 'no_date', message: '…', messageEn: '…', span: null },
  ],
} as unknown as Plan;

describe('planMarks', () => {
  const marks = planMarks(plan, text);
  const of = (ref: string) => marks.filter((m) => m.ref === ref).map((m) => text.slice(m.start, m.end));

  it('marks sections, tasks, targets and issues by their spans', () => {
    expect(of('section:0')).toEqual([text]);
    expect(of('task:0.0')).toEqual([task1]);
    expect(of('target:0')).toEqual(['每年举办不少于20场']);
    expect(of('issue:0')).toEqual(['建设科普基地']);
    expect(of('issue:1')).toEqual([]);
  });

  it('marks each unit where its task prints it, and a section unit in the section', () => {
    expect(of('unit:县科协')).toEqual(['县科协', '县科协']);
    expect(marks.filter((m) => m.ref === 'unit:县科协').map((m) => m.start)).toEqual([
      text.indexOf('县科协'),
      text.lastIndexOf('县科协'),
    ]);
    expect(of('unit:团县委')).toEqual(['团县委']);
    expect(of('unit:县教育局')).toEqual(['县教育局']);
  });

  it('drops spans that fall outside the text instead of failing', () => {
    const broken = { ...plan, targets: [{ span: { start: 5, end: 99999 } }] } as unknown as Plan;
    expect(planMarks(broken, text).some((m) => m.kind === 'target')).toBe(false);
  });
});

describe('segments', () => {
  const mark = (ref: string, kind: Mark['kind'], start: number, end: number) => ({ ref, kind, start, end }) as Mark;

  it('cuts the text at every boundary and joins back to the whole', () => {
    const parts = segments('abcdefgh', [
      mark('section:0', 'section', 0, 8),
      mark('task:0.0', 'task', 2, 6),
      mark('target:0', 'target', 3, 5),
    ]);
    expect(parts.map((p) => p.text)).toEqual(['ab', 'c', 'de', 'f', 'gh']);
    expect(parts.map((p) => p.text).join('')).toBe('abcdefgh');
    expect(parts.map((p) => p.marks.map((m) => m.kind))).toEqual([
      ['section'],
      ['section', 'task'],
      ['section', 'task', 'target'],
      ['section', 'task'],
      ['section'],
    ]);
  });

  it('picks the innermost item for a click, whatever order the marks came in', () => {
    const parts = segments('abcdef', [
      mark('target:1', 'target', 1, 3),
      mark('unit:县科协', 'unit', 2, 5),
      mark('task:0.0', 'task', 0, 6),
    ]);
    expect(parts.map((p) => innermost(p)?.ref)).toEqual([
      'task:0.0',
      'target:1',
      'target:1',
      'unit:县科协',
      'task:0.0',
    ]);
  });

  it('leaves unmarked text as one segment and handles empty text', () => {
    expect(segments('plain', [])).toEqual([{ start: 0, end: 5, text: 'plain', marks: [] }]);
    expect(segments('', [])).toEqual([]);
  });

  it('renders the plan marks of a real layout without losing a character', () => {
    const parts = segments(text, planMarks(plan, text));
    expect(parts.map((p) => p.text).join('')).toBe(text);
    const target = parts.find((p) => p.text === '每年举办不少于20场');
    expect(target?.marks.map((m) => m.kind)).toEqual(['section', 'task', 'target']);
  });
});
