import type { FoundTarget } from './clauses.js';

// What a clause counts, without its numbers, comparators and time words.
const NOT_COUNTED =
  /[\d.]+|[%万亿]|到|至|年|底|前|以上|不少于|不低于|至少|超过|达到|力争|左右|每年|全[省市县区州]|累计|新增|[\s,;:()“”"]/g;

function counted(text: string): string {
  return text.replace(NOT_COUNTED, '');
}

/** What is named after a clause's number and its counting word: 200个省级科普教育学校 → 省级科普教育学校. */
function nounAfter(text: string): string {
  const at = text.search(/\d/);
  if (at < 0) return '';
  return text
    .slice(at)
    .replace(/^[\d.]+[万亿]?[^\u4e00-\u9fa5]?[个名人所家座项场次处支期]?(以上|左右)?/, '')
    .replace(/\([^)]*\)$/, '');
}

/** Share of character pairs two strings have in common (Dice coefficient over bigrams). */
function similarity(a: string, b: string): number {
  const pairs = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const [x, y] = [pairs(a), pairs(b)];
  if (x.length === 0 || y.length === 0) return a === b ? 1 : 0;
  const rest = [...y];
  let common = 0;
  for (const p of x) {
    const k = rest.indexOf(p);
    if (k >= 0) {
      common++;
      rest.splice(k, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

function sameTarget(a: FoundTarget, b: FoundTarget, match: string): boolean {
  if (
    a.value !== b.value ||
    a.valueMax !== b.valueMax ||
    a.unit !== b.unit ||
    a.scope !== b.scope ||
    a.literacy !== b.literacy
  )
    return false;
  if (a.deadline !== null && b.deadline !== null && a.deadline !== b.deadline) return false;
  if (a.literacy) return true;
  const [p, q] = [match.slice(a.span.start, a.span.end), match.slice(b.span.start, b.span.end)];
  const [x, y] = [counted(p), counted(q)];
  if (x.includes(y) || y.includes(x)) return true;
  // Most words in common, and the same thing counted after the number where both name it (学校 is not 社区).
  const [s, t] = [nounAfter(p), nounAfter(q)];
  return similarity(x, y) >= 0.6 && (s.length < 2 || t.length < 2 || s.slice(-2) === t.slice(-2));
}

/**
 * One target for each commitment, however often the text states it: a news report gives a goal
 * in its lead, again in its body and again in a quoted 解读. The first statement stays the
 * target; the later ones are kept as `restatedAt`, and a deadline any of them prints is taken.
 * A clause read twice at the same span is the same target. Two tasks of a plan that ask the
 * same (each community, in two actions) ask it twice: `taskOf` names the task a span sits in.
 */
export function mergeRestatements(
  targets: FoundTarget[],
  match: string,
  taskOf: (t: FoundTarget) => string | null,
): FoundTarget[] {
  const kept: FoundTarget[] = [];
  const inOtherTasks = (a: FoundTarget, b: FoundTarget) => {
    const [x, y] = [taskOf(a), taskOf(b)];
    return x !== null && y !== null && x !== y;
  };
  for (const t of targets) {
    const atSameSpan = kept.filter((k) => k.span.start === t.span.start && k.span.end === t.span.end);
    if (atSameSpan.length > 0) {
      // The same number read twice is dropped; two numbers of one clause (配备1名…和1名以上…) are two targets.
      if (!atSameSpan.some((k) => k.value === t.value && k.unitSpan?.start === t.unitSpan?.start)) kept.push(t);
      continue;
    }
    const first = kept.find((k) => sameTarget(k, t, match) && !inOtherTasks(k, t));
    if (!first) {
      kept.push(t);
      continue;
    }
    first.restatedAt.push(t.span);
    first.deadline ??= t.deadline;
  }
  return kept;
}
