import type { Line } from '../text/lines.js';
import type { OutlineSection } from '../outline/outline.js';
import type { UnitMention, UnitNote } from './unit-notes.js';

export interface Units {
  lead: UnitMention[];
  responsible: UnitMention[];
}

export interface SectionUnits {
  /** Units printed for the section as a whole (its introduction, or a note with no task). */
  section: Units;
  /** Effective units of each task, in task order. */
  tasks: Units[];
  /** Whether any note stands in the section at all. */
  hasNotes: boolean;
}

/** Notes inside [start, end); notes come in text order, so a binary search finds the first. */
function notesWithin(notes: UnitNote[], start: number, end: number): UnitNote[] {
  let lo = 0;
  let hi = notes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((notes[mid] as UnitNote).span.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: UnitNote[] = [];
  for (let i = lo; i < notes.length && (notes[i] as UnitNote).span.start < end; i++)
    if ((notes[i] as UnitNote).span.end <= end) out.push(notes[i] as UnitNote);
  return out;
}

function pick(...lists: Array<UnitMention[] | null | undefined>): UnitMention[] {
  return lists.find((l) => l !== null && l !== undefined) ?? [];
}

/**
 * Resolves which printed units apply to each task: the task's own note wins, then a note line
 * after a block of tasks (it covers every task since the previous such line), then the
 * section's introduction.
 */
export function attachUnits(section: OutlineSection, lines: Line[], notes: UnitNote[]): SectionUnits {
  const start = section.line.start;
  const end = (lines[section.endLine - 1] as Line).end;
  const inside = notesWithin(notes, start, end);
  const firstTask = section.tasks[0]?.start ?? Number.POSITIVE_INFINITY;
  const intro = inside.filter((n) => n.span.start < firstTask);
  const sectionUnits: Units = {
    lead: pick(...intro.map((n) => n.lead)),
    responsible: pick(...intro.map((n) => n.responsible)),
  };
  const own = section.tasks.map((task) =>
    inside.find((n) => !n.ownLine && n.span.start >= task.start && n.span.end <= task.end),
  );
  // Note lines (牵头部门：… then 责任部门：…) cover the tasks above them back to the previous ones.
  const block: Array<Pick<UnitNote, 'lead' | 'responsible'> | undefined> = new Array(section.tasks.length).fill(
    undefined,
  );
  let pending: number[] = [];
  section.tasks.forEach((task, k) => {
    pending.push(k);
    const lineNotes = inside.filter((n) => n.ownLine && n.span.start > task.start && n.span.end <= task.end);
    if (lineNotes.length === 0) return;
    const merged = {
      lead: pick(...lineNotes.map((n) => n.lead)),
      responsible: pick(...lineNotes.map((n) => n.responsible)),
    };
    const covering = {
      lead: lineNotes.some((n) => n.lead) ? merged.lead : null,
      responsible: lineNotes.some((n) => n.responsible) ? merged.responsible : null,
    };
    for (const j of pending) block[j] = covering;
    pending = [];
  });
  const tasks = section.tasks.map((_, k) => ({
    lead: pick(own[k]?.lead, block[k]?.lead, sectionUnits.lead.length ? sectionUnits.lead : null),
    responsible: pick(
      own[k]?.responsible,
      block[k]?.responsible,
      sectionUnits.responsible.length ? sectionUnits.responsible : null,
    ),
  }));
  return { section: sectionUnits, tasks, hasNotes: inside.length > 0 };
}
