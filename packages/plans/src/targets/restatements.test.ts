import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/normalise.js';
import { mergeRestatements } from './restatements.js';
import { findTargets } from './targets.js';

const period = { start: 2021, end: 2025 };

function merged(raw: string, taskOf: (start: number) => string | null = () => null) {
  const doc = normalise(raw);
  return mergeRestatements(findTargets(doc.match, 0, period).targets, doc.match, (t) => taskOf(t.span.start)).map(
    (t) => ({
      text: doc.text.slice(t.span.start, t.span.end),
      restated: t.restatedAt.map((s) => doc.text.slice(s.start, s.end)),
      deadline: t.deadline,
    }),
  );
}

describe('mergeRestatements', () => {
  it('keeps the first statement of a goal a news report gives three times', () => {
    const raw = [
      '《方案》提出，全市注册科技志愿者将达到2万名。',
      '在科普队伍建设上，到2025年全市注册科技志愿者达到2万名，每年开展科普活动3000场次以上。',
      '解读：到2025年，全市注册科技志愿者人数达到2万名。',
    ].join('\n');
    expect(merged(raw)).toEqual([
      {
        text: '全市注册科技志愿者将达到2万名',
        restated: ['到2025年全市注册科技志愿者达到2万名', '全市注册科技志愿者人数达到2万名'],
        deadline: 2025,
      },
      { text: '每年开展科普活动3000场次以上', restated: [], deadline: 2025 },
    ]);
  });

  it('keeps one literacy goal however often it is restated', () => {
    const raw =
      '到2025年，全省公民具备科学素质的比例超过12%。\n到2025年，全省公民具备科学素质的比例超过12%，科学精神广泛弘扬。';
    expect(merged(raw).map((t) => t.restated.length)).toEqual([1]);
  });

  it('keeps two goals of one number and one verb that count different things', () => {
    const raw = '资助建设200个省级科普教育学校。\n资助建设200个省级科普惠民社区(村)。';
    expect(merged(raw).map((t) => t.text)).toEqual([
      '资助建设200个省级科普教育学校',
      '资助建设200个省级科普惠民社区(村)',
    ]);
  });

  it('keeps a goal two tasks each ask for, and two goals of different counts', () => {
    const raw = '每个社区每年开展科普活动不少于4次。\n每个社区每年开展科普活动不少于4次。\n每年开展科普讲座不少于4次。';
    const lines = normalise(raw).text.split('\n');
    const taskOf = (start: number) => (start < lines[0]!.length ? 'youth/1' : 'elderly/1');
    expect(merged(raw, taskOf).map((t) => t.text)).toEqual([
      '每个社区每年开展科普活动不少于4次',
      '每个社区每年开展科普活动不少于4次',
      '每年开展科普讲座不少于4次',
    ]);
  });
});
