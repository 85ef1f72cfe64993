import type { Comparator, LiteracyTarget, PlanPeriod, Span, TargetScope } from '@kesu/schema';
import { findQuantities, type Quantity } from './quantities.js';

/** A target as read from the text, before it is placed in a section and task. */
export interface FoundTarget {
  span: Span;
  value: number;
  valueMax: number | null;
  unit: string | null;
  comparator: Comparator;
  scope: TargetScope;
  perUnit: string | null;
  deadline: number | null;
  literacy: boolean;
}

interface Piece {
  start: number;
  end: number;
}

function pieces(s: string, offset: number, separators: RegExp): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || separators.test(s[i] as string)) {
      if (i > start) out.push({ start: offset + start, end: offset + i });
      start = i + 1;
    }
  }
  return out;
}

/** Ranges inside quotation marks and title brackets: names, never targets. */
function quoted(s: string): Piece[] {
  const out: Piece[] = [];
  for (const m of s.matchAll(/“[^”]*”|"[^"]*"|《[^》]*》|「[^」]*」|‘[^’]*’|<[^>]*>/g)) {
    out.push({ start: m.index as number, end: (m.index as number) + m[0].length });
  }
  return out;
}

const SENTENCE_END = /[。;!?\n]/;
const CLAUSE_END = /[,:]/;
// Past results, baselines and reports of what was done: not goals.
const PAST = /已经|已建成|已达|已有|已累计|已培训|去年|上年|今年以来|截至|截止|现有|共有|先后|近年来|过去|目前|同比|比上年|曾/;
// A count of the plan's own parts: 5项重点工程, 五大重点人群, 7个专项行动.
const STRUCTURAL_AFTER = /^(重点|提升|专项|大)?(行动|工程|人群|任务|方面|原则|环节|领域|体系|举措|工作|机制|行动计划|能力)/;
const LITERACY = /具备(基本)?科学素质(的)?(公民)?(的)?比例|科学素质比例|科学素质水平/;
const ANNUAL = /每年|年均|每一年|年度/;
const CUMULATIVE = /五年|十四五|期间|新增|累计|共计|总计/;
const LEVEL = /人数|总数|总量|数量|规模|面积|覆盖率|比例|比率|普及率|达标率|率/;
const PER_UNIT = /每(?!年)(校|所|个|名|位|人|户|村|班|家|学期|季度|月|周|学校|社区|乡镇|街道|单位)/;
const MILESTONE = /(20\d{2})年(?:底|末|年底)?(?:前|以前)[^,;。]*?(成立|建立|建成|出台|完成|实现|组建)/;
const YEAR = /(?:到|至|于|在)?(20\d{2})年(?:底|末)?(?:前|以前)?/g;
const PLAN_END = /十四五(?:期间|末|时期)/;

/** 每校每学期, 每名劳动力: the per-unit phrase around `每`. */
function perUnitPhrase(clause: string): string {
  const m = /(每(?!年)[^\d,;。每]{1,5}?)(?=每|至少|不少于|不低于|达到|举办|开展|组织|掌握|配备|培训|建|参加|参与|完成|[\d一二三四五六七八九十两])/g;
  const parts = [...clause.matchAll(m)].map((x) => x[1] as string);
  return parts.join('') || (PER_UNIT.exec(clause)?.[0] ?? '每');
}

/** The deadline year a sentence gives for a position in it, or null. */
function deadlineAt(sentence: string, at: number, period: PlanPeriod): number | null {
  const years = [...sentence.matchAll(YEAR)]
    .map((m) => ({ at: m.index as number, year: Number(m[1]) }))
    .filter((y) => y.year >= period.start && y.year <= period.end + 10);
  const before = years.filter((y) => y.at < at).at(-1);
  if (before) return before.year;
  if (years[0]) return years[0].year;
  return PLAN_END.test(sentence) ? period.end : null;
}

function scopeOf(clause: string, before: string, quantity: Quantity): { scope: TargetScope; perUnit: string | null } {
  if (PER_UNIT.test(clause)) return { scope: 'per_unit', perUnit: perUnitPhrase(clause) };
  if (ANNUAL.test(clause) || ANNUAL.test(before)) return { scope: 'annual', perUnit: null };
  if (CUMULATIVE.test(clause)) return { scope: 'cumulative', perUnit: null };
  if (quantity.unit === '%' || quantity.unit === '平米' || quantity.unit === '平方米' || LEVEL.test(clause)) return { scope: 'point_in_time', perUnit: null };
  return { scope: 'cumulative', perUnit: null };
}

/** Whether a number is a name, an ordinal, a structural count or too vague to be a goal. */
function excluded(clause: string, q: Quantity, quotes: Piece[], base: number): boolean {
  const start = base + q.start;
  if (quotes.some((r) => start >= r.start && start < r.end)) return true;
  if (clause[q.start - 1] === '第') return true;
  if (STRUCTURAL_AFTER.test(clause.slice(q.end))) return true;
  if (q.value === 0) return true;
  if (q.hanzi && q.value < 2 && q.comparator === '=') return true;
  return false;
}

/**
 * Splits a clause holding several coordinated goals (`选派…100人以上、科技特派团5个以上`);
 * when the counted noun comes after the last number (`2个区级、1个以上市级…工作室`) each goal
 * keeps the whole clause.
 */
function goalSpans(clause: string, base: number, qs: Quantity[]): Piece[] {
  const whole = { start: base, end: base + clause.length };
  if (qs.length < 2) return qs.map(() => whole);
  const cuts: number[] = [];
  for (let i = 0; i + 1 < qs.length; i++) {
    const between = clause.slice((qs[i] as Quantity).end, (qs[i + 1] as Quantity).start);
    const dun = between.indexOf('、');
    if (dun < 0) return qs.map(() => whole);
    cuts.push((qs[i] as Quantity).end + dun);
  }
  const sharedNoun = qs.slice(0, -1).every((q, i) => (cuts[i] as number) - q.end <= 3);
  if (sharedNoun) return qs.map(() => whole);
  return qs.map((_, i) => ({ start: base + (i === 0 ? 0 : (cuts[i - 1] as number) + 1), end: base + (cuts[i] ?? clause.length) }));
}

function trimPiece(match: string, p: Piece): Piece {
  let { start, end } = p;
  while (start < end && /\s/.test(match[start] as string)) start++;
  while (end > start && /\s/.test(match[end - 1] as string)) end--;
  return { start, end };
}

/** The headline literacy rate of a sentence: value, 力争 stretch, comparator and the clause. */
function literacyIn(match: string, sentence: Piece, period: PlanPeriod): { target: FoundTarget; stretch: number | null } | null {
  const s = match.slice(sentence.start, sentence.end);
  if (!LITERACY.test(s)) return null;
  const rates = findQuantities(s).filter((q) => q.unit === '%' && q.value <= 100);
  const forward = rates.filter((q) => {
    const lead = s.slice(Math.max(0, q.start - 12), q.start);
    const year = /(20\d{2})年/.exec(lead);
    return !/由|从/.test(lead.slice(-3)) && !(year && Number(year[1]) < period.start);
  });
  const main = forward.find((q) => !/力争/.test(s.slice(Math.max(0, q.start - 6), q.start)));
  if (!main) return null;
  const stretch = forward.find((q) => q !== main && q.start > main.start && /力争/.test(s.slice(main.end, q.start)));
  const clause = pieces(s, sentence.start, CLAUSE_END).find((p) => p.start <= sentence.start + main.start && p.end >= sentence.start + main.end) as Piece;
  return {
    target: {
      span: trimPiece(match, clause),
      value: main.value,
      valueMax: null,
      unit: '%',
      comparator: /超过|超$/.test(s.slice(Math.max(0, main.start - 2), main.start)) ? '>' : '>=',
      scope: 'point_in_time',
      perUnit: null,
      deadline: deadlineAt(s, main.start, period) ?? period.end,
      literacy: true,
    },
    stretch: stretch?.value ?? null,
  };
}

export interface FoundTargets {
  targets: FoundTarget[];
  literacy: LiteracyTarget | null;
}

/**
 * Reads every quantitative goal of a plan's body: each clause with a counted number that is
 * not a name, an ordinal, a structural count, a past result or a baseline; dated one-off
 * establishments as milestones; and the headline literacy rate.
 */
export function findTargets(match: string, bodyStart: number, period: PlanPeriod): FoundTargets {
  const targets: FoundTarget[] = [];
  let literacy: LiteracyTarget | null = null;
  for (const sentence of pieces(match.slice(bodyStart), bodyStart, SENTENCE_END)) {
    const s = match.slice(sentence.start, sentence.end);
    const lit = literacy === null ? literacyIn(match, sentence, period) : null;
    if (lit) {
      literacy = { value: lit.target.value, stretch: lit.stretch, deadline: lit.target.deadline ?? period.end };
      targets.push(lit.target);
      continue;
    }
    const quotes = quoted(s);
    for (const clause of pieces(s, sentence.start, CLAUSE_END)) {
      const c = match.slice(clause.start, clause.end);
      if (PAST.test(c) || LITERACY.test(c)) continue;
      const baseline = /(20\d{2})年/.exec(c);
      if (baseline && Number(baseline[1]) < period.start) continue;
      const before = match.slice(sentence.start, clause.start);
      const milestone = MILESTONE.exec(c);
      const qs = findQuantities(c).filter((q) => !excluded(c, q, quotes, clause.start - sentence.start));
      if (milestone) {
        const q = qs[0];
        targets.push({
          span: trimPiece(match, clause),
          value: q?.value ?? 1,
          valueMax: q?.valueMax ?? null,
          unit: q?.unit ?? null,
          comparator: q?.comparator ?? '=',
          scope: 'milestone',
          perUnit: null,
          deadline: Number(milestone[1]),
          literacy: false,
        });
        continue;
      }
      const spans = goalSpans(c, clause.start, qs);
      qs.forEach((q, i) => {
        const { scope, perUnit } = scopeOf(c, before, q);
        targets.push({
          span: trimPiece(match, spans[i] as Piece),
          value: q.value,
          valueMax: q.valueMax,
          unit: q.unit,
          comparator: q.comparator,
          scope,
          perUnit,
          deadline: deadlineAt(s, clause.start - sentence.start + q.start, period),
          literacy: false,
        });
      });
    }
  }
  return { targets, literacy };
}
