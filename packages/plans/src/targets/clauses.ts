import type { Comparator, PlanPeriod, Span, TargetScope } from '@kesu/schema';
import { parseNumber } from '../text/numbers.js';
import type { Quantity } from './quantities.js';

/** A target as read from the text, before it is placed in a section and task. */
export interface FoundTarget {
  span: Span;
  /** Where the counting word is printed, so the unit can be given as printed (個, not 个). */
  unitSpan: Span | null;
  value: number;
  valueMax: number | null;
  unit: string | null;
  comparator: Comparator;
  scope: TargetScope;
  /** Where the per-unit phrase (每校每学期, 人均) is printed. */
  perUnit: Span | null;
  deadline: number | null;
  literacy: boolean;
  /** Where the text states the same target again (a news lead, then the body). */
  restatedAt: Span[];
}

/** A stretch of the text by its offsets. */
export interface Piece {
  start: number;
  end: number;
}

export const SENTENCE_END = /[。!?\n]/;
export const CLAUSE_END = /[,:;]/;

/** `s` cut at every separator; offsets are `offset` plus the position in `s`. */
export function pieces(s: string, offset: number, separators: RegExp): Piece[] {
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

/** A bracket that only notes an earlier value: （2020年为8650人）. */
const BASELINE_NOTE = /\([^)]*(19|20)\d{2}年[^)]*\)$/;

/** A clause without surrounding blanks, a leading list dash, or a trailing baseline note. */
export function trimPiece(match: string, p: Piece): Piece {
  let { start, end } = p;
  while (start < end && /[\s—·-]/.test(match[start] as string)) start++;
  while (end > start && /\s/.test(match[end - 1] as string)) end--;
  const note = BASELINE_NOTE.exec(match.slice(start, end));
  if (note && note.index > 0) end = start + note.index;
  return { start, end };
}

export function absoluteUnit(q: Quantity, offset: number): Span | null {
  return q.unitAt ? { start: offset + q.unitAt.start, end: offset + q.unitAt.end } : null;
}

const YEAR = /(?:到|至|于|在)?\s*(20\d{2}|二[〇零]二[〇零一二三四五六七八九])\s*年(?:底|末)?(?:前|以前)?/g;
const PLAN_END = /十四五[”"']?(?:期间|末|时期)/;

/**
 * The deadline year a sentence gives for a position in it: the last year printed before it,
 * else the first after it, else the plan's end for 十四五期间 / 十四五末; null when the sentence
 * names none. Years before the plan or long after it are dates of something else.
 */
export function deadlineAt(sentence: string, at: number, period: PlanPeriod): number | null {
  const years = [...sentence.matchAll(YEAR)]
    .map((m) => ({ at: m.index as number, year: parseNumber(m[1] as string) ?? 0 }))
    .filter((y) => y.year >= period.start && y.year <= period.end + 10);
  const before = years.filter((y) => y.at < at).at(-1);
  if (before) return before.year;
  if (years[0]) return years[0].year;
  return PLAN_END.test(sentence) ? period.end : null;
}
