import type { Plan } from '@kesu/schema';

export type MarkKind = 'section' | 'task' | 'target' | 'unit' | 'issue';

/** What a mark stands for: the item the structured view shows (`target:3`, `task:2.4`, `unit:区科协`). */
export type ItemRef = `${MarkKind}:${string}`;

/** One highlighted stretch of the source text. */
export interface Mark {
  ref: ItemRef;
  kind: MarkKind;
  start: number;
  end: number;
}

/** A piece of text between two mark boundaries, with every mark covering it, outermost first. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  marks: Mark[];
}

// Nesting order: a unit or target inside a task inside a section.
const DEPTH: Record<MarkKind, number> = { section: 0, task: 1, issue: 2, unit: 3, target: 4 };

export const refOf = {
  section: (s: number): ItemRef => `section:${s}`,
  task: (s: number, t: number): ItemRef => `task:${s}.${t}`,
  target: (i: number): ItemRef => `target:${i}`,
  unit: (raw: string): ItemRef => `unit:${raw}`,
  issue: (i: number): ItemRef => `issue:${i}`,
};

/** Every occurrence of a name within [from, to) of the text. */
function occurrences(text: string, name: string, from: number, to: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let at = text.indexOf(name, from); at >= 0 && at + name.length <= to; at = text.indexOf(name, at + name.length))
    found.push([at, at + name.length]);
  return found;
}

/**
 * The marks of a plan on its source text: sections, tasks, targets and issues by their spans,
 * and units where their printed names occur in the task (or, for notes printed after a block of
 * tasks, in the section) that names them.
 */
export function planMarks(plan: Plan, text: string): Mark[] {
  const marks: Mark[] = [];
  const add = (ref: ItemRef, kind: MarkKind, start: number, end: number) => {
    if (end > start && start >= 0 && end <= text.length) marks.push({ ref, kind, start, end });
  };
  plan.sections.forEach((section, s) => {
    add(refOf.section(s), 'section', section.span.start, section.span.end);
    const sectionUnits = [...section.leadUnits, ...section.responsibleUnits];
    for (const unit of new Set(sectionUnits))
      for (const [a, b] of occurrences(text, unit, section.span.start, section.span.end))
        add(refOf.unit(unit), 'unit', a, b);
    section.tasks.forEach((task, t) => {
      add(refOf.task(s, t), 'task', task.span.start, task.span.end);
      for (const unit of new Set([...task.leadUnits, ...task.responsibleUnits])) {
        if (sectionUnits.includes(unit)) continue;
        let found = occurrences(text, unit, task.span.start, task.span.end);
        if (found.length === 0) found = occurrences(text, unit, section.span.start, section.span.end);
        for (const [a, b] of found) add(refOf.unit(unit), 'unit', a, b);
      }
    });
  });
  plan.targets.forEach((target, i) => add(refOf.target(i), 'target', target.span.start, target.span.end));
  plan.issues.forEach((issue, i) => {
    if (issue.span) add(refOf.issue(i), 'issue', issue.span.start, issue.span.end);
  });
  return dedupe(marks);
}

/** The same unit found twice at one place (named by a section and by its task) is one mark. */
function dedupe(marks: Mark[]): Mark[] {
  const seen = new Set<string>();
  return marks.filter((m) => {
    const key = `${m.ref}@${m.start}-${m.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Cuts the text at every mark boundary, so each piece can be drawn with the marks covering it.
 * @example
 * segments('abcdef', [{ ref: 'target:0', kind: 'target', start: 2, end: 4 }]).map((s) => s.text) // ['ab', 'cd', 'ef']
 */
export function segments(text: string, marks: Mark[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const byStart = [...marks].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let open: Mark[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    open = open.filter((m) => m.end > start);
    while (next < byStart.length && (byStart[next] as Mark).start <= start) {
      const m = byStart[next++] as Mark;
      if (m.end > start) open.push(m);
    }
    const covering = [...open].sort((a, b) => DEPTH[a.kind] - DEPTH[b.kind] || b.end - b.start - (a.end - a.start));
    out.push({ start, end, text: text.slice(start, end), marks: covering });
  }
  return out;
}

/** The item a click on a piece of text means: the innermost mark covering it. */
export function innermost(segment: Segment): Mark | null {
  return segment.marks.at(-1) ?? null;
}
