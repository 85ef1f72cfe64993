import {
  formatGoal,
  formatNumber,
  formatQuantity,
  targetScopes,
  type AlignedPair,
  type AlignmentRelation,
  type Lang,
  type Localized,
  type PlanPeriod,
  type RegionLevel,
  type Target,
} from '@kesu/schema';
import { COUNTED, termYears, type ReadTarget } from './target-measure.js';

export const relationLabels: Record<AlignmentRelation, Localized> = {
  same: { zh: '与上级一致', en: 'Same as the parent' },
  stricter: { zh: '高于上级', en: 'Stricter than the parent' },
  looser: { zh: '低于上级', en: 'Looser than the parent' },
  share: { zh: '分担上级总量', en: 'A share of the parent’s total' },
  different_scope: { zh: '口径不同', en: 'Different scope' },
  local_only: { zh: '本级新增', en: 'Only in this plan' },
  parent_only: { zh: '上级有、本级无', en: 'Only in the parent plan' },
};

/** One side of a comparison: a target, its plan's term and the level of the region that set it. */
export interface Side {
  read: ReadTarget;
  period: PlanPeriod;
  level: RegionLevel;
}

/**
 * How two paired targets stand: a pair's relation, note and the amounts set against each other,
 * after any conversion to the plan period (null for milestones).
 */
export type Comparison = Pick<AlignedPair, 'note' | 'amount' | 'parentAmount'> & {
  relation: Exclude<AlignmentRelation, 'local_only' | 'parent_only'>;
};

const goal = (t: Target, lang: Lang) =>
  `${t.perUnit ? `${t.perUnit} ` : ''}${formatGoal(t.comparator, t.value, t.unit, { lang, valueMax: t.valueMax })}`;
const scopeOf = (t: Target, lang: Lang) =>
  lang === 'zh' ? targetScopes[t.scope].labelZh : targetScopes[t.scope].labelEn.toLowerCase();
const yearOf = (side: Side) => side.read.target.deadline ?? side.period.end;

/** -1, 0 or 1 as `a` commits less than, as much as, or more than `b`; at equal values `>` asks more than `>=`. */
function ordering(
  a: number,
  aComparator: Target['comparator'],
  b: number,
  bComparator: Target['comparator'],
): -1 | 0 | 1 {
  if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b))) return a > b ? 1 : -1;
  const strict = (c: Target['comparator']) => (c === '>' ? 1 : 0);
  return Math.sign(strict(aComparator) - strict(bComparator)) as -1 | 0 | 1;
}

const ORDERED = { [-1]: 'looser', 0: 'same', 1: 'stricter' } as const;

/** An amount over the plan period in words: a yearly target shows its multiplication. */
function termWords(side: Side, lang: Lang): { value: number; words: string } {
  const t = side.read.target;
  if (targetScopes[t.scope].pace !== 'each_year') return { value: t.value, words: goal(t, lang) };
  const years = termYears(side.period);
  const value = t.value * years;
  const total = formatQuantity(value, t.unit, { lang });
  return {
    value,
    words:
      lang === 'zh'
        ? `每年 ${goal(t, lang)} × ${years} 年 = ${total}`
        : `${goal(t, lang)} a year × ${years} years = ${total}`,
  };
}

/** Two levels (rates, shares, per-unit figures) compared value to value. */
function compareLevels(local: Side, parent: Side): Comparison {
  const [a, b] = [local.read.target, parent.read.target];
  const relation = ORDERED[ordering(a.value, a.comparator, b.value, b.comparator)];
  const verb = { same: ['与', '相同', 'as'], stricter: ['高于', '', 'more than'], looser: ['低于', '', 'less than'] }[
    relation
  ];
  const zh =
    relation === 'same'
      ? `本级「${goal(a, 'zh')}」与上级「${goal(b, 'zh')}」相同`
      : `本级「${goal(a, 'zh')}」${verb[0]}上级「${goal(b, 'zh')}」`;
  const [enVerb, enOf] = relation === 'same' ? ['the same', 'as'] : [verb[2], 'its'];
  const en = `this plan commits ${goal(a, 'en')}, ${enVerb} ${enOf} parent's ${goal(b, 'en')}`;
  const [year, parentYear] = [yearOf(local), yearOf(parent)];
  const apart =
    year === parentYear
      ? { zh: '', en: '' }
      : {
          zh: `；目标年份不同（本级 ${year} 年，上级 ${parentYear} 年）`,
          en: `; by different years (${year} here, ${parentYear} above)`,
        };
  return { relation, note: { zh: zh + apart.zh, en: en + apart.en }, amount: a.value, parentAmount: b.value };
}

/** Two milestones: the earlier deadline asks more. */
function compareMilestones(local: Side, parent: Side): Comparison {
  const [year, parentYear] = [yearOf(local), yearOf(parent)];
  const relation = ORDERED[Math.sign(parentYear - year) as -1 | 0 | 1];
  return {
    relation,
    note: {
      zh: `本级 ${year} 年底前完成，上级要求 ${parentYear} 年底前完成`,
      en: `done by the end of ${year} here, by the end of ${parentYear} in the parent plan`,
    },
    amount: null,
    parentAmount: null,
  };
}

// The words a per-unit target uses for a region of each level (每县, 每个县（市、区）, 各乡镇).
const LEVEL_WORDS: Record<RegionLevel, RegExp> = {
  province: /省|自治区/,
  prefecture: /^(?!.*[县区旗]).*[市州盟]/,
  county: /[县区旗]/,
  district: /[县区旗]/,
  township: /乡|镇|街道/,
};

/** Whether a parent's per-unit target asks so much of each region of the local plan's level. */
function asksEachRegion(parent: Side, local: Side): boolean {
  const per = parent.read.target.perUnit;
  return per !== null && parent.read.measure === 'per_unit' && LEVEL_WORDS[local.level].test(per);
}

/** A count against what the parent asks of each region like it, both over the plan period. */
function compareWithEachRegion(local: Side, parent: Side): Comparison {
  const [a, b] = [local.read.target, parent.read.target];
  const yearly = /年/.test(b.perUnit ?? '');
  const own =
    local.read.measure === 'stock_level'
      ? { value: a.value, words: goal(a, 'zh'), wordsEn: goal(a, 'en') }
      : { ...termWords(local, 'zh'), wordsEn: termWords(local, 'en').words };
  const years = termYears(local.period);
  const asked = yearly ? b.value * years : b.value;
  const askedZh = yearly ? `${goal(b, 'zh')} × ${years} 年 = ${formatQuantity(asked, b.unit)}` : goal(b, 'zh');
  const askedEn = yearly
    ? `${goal(b, 'en')} × ${years} years = ${formatQuantity(asked, b.unit, { lang: 'en' })}`
    : goal(b, 'en');
  const relation = ORDERED[ordering(own.value, a.comparator, asked, b.comparator)];
  const word = { same: ['等于', 'equal to'], stricter: ['多于', 'more than'], looser: ['少于', 'less than'] }[relation];
  return {
    relation,
    note: {
      zh: `本级承诺 ${own.words}，${word[0]}上级对每个地区的要求 ${askedZh}`,
      en: `this plan commits ${own.wordsEn}, ${word[1]} what the parent asks of each region: ${askedEn}`,
    },
    amount: own.value,
    parentAmount: asked,
  };
}

/** A count of a region against the same count of the region above it: a part of it, over the plan period. */
function compareShare(local: Side, parent: Side): Comparison {
  const [own, whole] = [termWords(local, 'zh'), termWords(parent, 'zh')];
  const [ownEn, wholeEn] = [termWords(local, 'en'), termWords(parent, 'en')];
  const share = whole.value > 0 ? own.value / whole.value : null;
  const pct = share === null ? null : `${formatNumber(share * 100, { digits: share < 0.01 ? 2 : 1 })}%`;
  const over =
    share !== null && share > 1
      ? { zh: '；超过上级总量，请核对口径', en: '; more than the parent’s whole, check the scope' }
      : { zh: '', en: '' };
  const enWhole = pct ? `, ${pct} of the parent's ${wholeEn.words}` : `; the parent ${wholeEn.words}`;
  return {
    relation: 'share',
    note: {
      zh: `本级规划期合计 ${own.words}${pct ? `，占上级 ${whole.words} 的 ${pct}` : `，上级为 ${whole.words}`}${over.zh}`,
      en: `this plan commits ${ownEn.words} over its term${enWhole}${over.en}`,
    },
    amount: own.value,
    parentAmount: whole.value,
  };
}

function differentScope(local: Side, parent: Side): Comparison {
  const [a, b] = [local.read.target, parent.read.target];
  return {
    relation: 'different_scope',
    note: {
      zh: `本级为${scopeOf(a, 'zh')}目标（${goal(a, 'zh')}），上级为${scopeOf(b, 'zh')}目标（${goal(b, 'zh')}），口径不同，不作比较`,
      en:
        `this plan's target is ${scopeOf(a, 'en')} (${goal(a, 'en')}), ` +
        `the parent's ${scopeOf(b, 'en')} (${goal(b, 'en')}): different scopes, not compared`,
    },
    amount: null,
    parentAmount: null,
  };
}

/**
 * How a target stands to the parent plan's target of the same indicator, by the rules of the
 * analytics README: levels value to value, milestones by deadline, counts as a share of the
 * parent's total over the plan period, a count against a parent's per-region target directly;
 * any other pair of scopes is not compared.
 */
export function compareTargets(local: Side, parent: Side): Comparison {
  const [m, pm] = [local.read.measure, parent.read.measure];
  if (m === 'level' && pm === 'level') return compareLevels(local, parent);
  if (m === 'per_unit' && pm === 'per_unit' && samePerUnit(local.read.target, parent.read.target))
    return compareLevels(local, parent);
  if (m === 'milestone' && pm === 'milestone') return compareMilestones(local, parent);
  if (m !== null && COUNTED.has(m) && asksEachRegion(parent, local)) return compareWithEachRegion(local, parent);
  if (m !== null && m === pm && COUNTED.has(m)) return compareShare(local, parent);
  return differentScope(local, parent);
}

/** 每校每学期 and 每所学校每学期 are one unit of count; 每校 and 每村 are not. */
function samePerUnit(a: Target, b: Target): boolean {
  const key = (t: Target) => (t.perUnit ?? '').replace(/[每所个名]/g, '').replace(/学校/g, '校');
  return key(a) === key(b);
}
