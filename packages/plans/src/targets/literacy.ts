import type { LiteracyTarget, PlanPeriod } from '@kesu/schema';
import { absoluteUnit, CLAUSE_END, deadlineAt, pieces, trimPiece, type FoundTarget, type Piece } from './clauses.js';
import { findQuantities, type Quantity } from './quantities.js';

export const LITERACY = /具备(基本)?科学素质(的)?(公民)?(的)?比例|科学素质比例|科学素质水平|科学素质达标率/;

/** A literacy rate a sentence sets as a goal; `stretch` for a 力争 value beside the main one. */
export interface LiteracyGoal {
  target: FoundTarget;
  stretch: boolean;
  sentence: Piece;
}

// What turns the rest of a sentence into a report (十三五末…达到9.62%) or into a goal (到2025年…).
const PAST_MARK = /十三五|截至|截止|已经?|现有|近年来|近五年|过去|去年|回顾|达到了|提高了|提升了|增长了/g;
const FUTURE_MARK = /十四五|力争|努力|预计|将|目标|提升至|提升到|提高至|提高到|增加到|增至/g;
const YEAR_MARK = /(到|至)?(20\d{2})年/g;
// The country's rate, quoted in a plan or a 解读 for comparison: not the region's goal.
const NATIONAL = /我国|全国(的)?(公民|人民|范围)/;
// A clause that only adds a 力争 value or a level to the literacy clause before it: ，力争达到20%; ，到2025年超过15%.
const CONTINUATION = /^(并)?((到|至)?20\d{2}年(末|底)?)?(力争|努力)?(与全[省市国区县]同步)?(达到|超过|提升至|提高到)?$/;

interface Mark {
  at: number;
  past: boolean;
}

/** Time and tense markers of a sentence, in order. */
function marks(s: string, period: PlanPeriod): Mark[] {
  const out: Mark[] = [];
  for (const m of s.matchAll(PAST_MARK)) out.push({ at: m.index as number, past: true });
  for (const m of s.matchAll(FUTURE_MARK)) out.push({ at: m.index as number, past: false });
  // A bare year up to the plan's first one dates a result the plan starts from (2021年…达到24.6%).
  for (const m of s.matchAll(YEAR_MARK))
    out.push({ at: m.index as number, past: m[1] === undefined && Number(m[2]) <= period.start });
  return out.sort((a, b) => a.at - b.at);
}

/** A rate is a goal unless a baseline word leads it (由/从/目前) or the last marker before it reports the past. */
function isGoal(s: string, q: Quantity, sentenceMarks: Mark[]): boolean {
  if (/(由|从|目前|现在|现为)(的)?$/.test(s.slice(Math.max(0, q.start - 4), q.start))) return false;
  const last = sentenceMarks.filter((m) => m.at < q.start).at(-1);
  return !last?.past;
}

function literacyClause(s: string, clause: Piece, previousWasLiteracy: boolean, q: Quantity): boolean {
  const c = s.slice(clause.start, clause.end);
  if (LITERACY.test(c)) return !NATIONAL.test(c);
  const words = (s.slice(clause.start, q.start) + s.slice(q.end, clause.end)).replace(/\s/g, '');
  return previousWasLiteracy && CONTINUATION.test(words);
}

/** Every literacy rate a sentence sets as a goal, the 力争 values and long-range ones included. */
export function literacyGoals(match: string, sentence: Piece, period: PlanPeriod): LiteracyGoal[] {
  const s = match.slice(sentence.start, sentence.end);
  if (!LITERACY.test(s) || NATIONAL.test(s.slice(0, s.search(LITERACY)).split(/[;,]/).at(-1) ?? '')) return [];
  const sentenceMarks = marks(s, period);
  const clauses = pieces(s, 0, CLAUSE_END);
  const goals: LiteracyGoal[] = [];
  let previousWasLiteracy = false;
  for (const clause of clauses) {
    const rates = findQuantities(s.slice(clause.start, clause.end))
      .filter((q) => q.unit === '%' && q.value <= 100)
      .map((q) => ({
        ...q,
        start: q.start + clause.start,
        end: q.end + clause.start,
        unitAt: q.unitAt && { start: q.unitAt.start + clause.start, end: q.unitAt.end + clause.start },
      }));
    const literate: boolean = rates.length > 0 && literacyClause(s, clause, previousWasLiteracy, rates[0] as Quantity);
    previousWasLiteracy = literate || (LITERACY.test(s.slice(clause.start, clause.end)) && rates.length === 0);
    if (!literate) continue;
    for (const q of rates) {
      if (!isGoal(s, q, sentenceMarks)) continue;
      const stretch = /力争|努力/.test(s.slice(Math.max(clause.start, q.start - 8), q.start));
      goals.push({ target: rateTarget(match, sentence, clause, q, period), stretch, sentence });
    }
  }
  return goals;
}

function rateTarget(match: string, sentence: Piece, clause: Piece, q: Quantity, period: PlanPeriod): FoundTarget {
  const s = match.slice(sentence.start, sentence.end);
  const comparator =
    q.comparator === '=' ? (/超过|超$/.test(s.slice(Math.max(0, q.start - 2), q.start)) ? '>' : '>=') : q.comparator;
  return {
    span: trimPiece(match, { start: sentence.start + clause.start, end: sentence.start + clause.end }),
    unitSpan: absoluteUnit(q, sentence.start),
    value: q.value,
    valueMax: null,
    unit: '%',
    comparator,
    scope: 'point_in_time',
    perUnit: null,
    deadline: deadlineAt(s, q.start, period),
    literacy: true,
    restatedAt: [],
  };
}

/**
 * The plan's headline literacy goal: the first rate set for the plan's end year (or for no
 * year), with a 力争 value for the same year in the same sentence as its stretch. A 2035 goal
 * is a target of its own, never the headline.
 */
export function headlineLiteracy(goals: LiteracyGoal[], period: PlanPeriod): LiteracyTarget | null {
  const forTerm = goals.filter((g) => (g.target.deadline ?? period.end) === period.end);
  const main = forTerm.find((g) => !g.stretch) ?? forTerm[0];
  if (!main) return null;
  const stretch = forTerm.find(
    (g) =>
      g !== main &&
      g.stretch &&
      g.sentence === main.sentence &&
      g.target.span.start >= main.target.span.start &&
      g.target.value > main.target.value,
  );
  return {
    value: main.target.value,
    stretch: stretch?.target.value ?? null,
    deadline: main.target.deadline ?? period.end,
  };
}
