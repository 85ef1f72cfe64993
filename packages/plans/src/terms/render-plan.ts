import type { Span } from '@kesu/schema';

/** What a plan document is written from: a plan's parts before they have spans. */
export interface PlanOutline {
  title: string;
  docNumber: string | null;
  sections: Array<{
    ordinal: string;
    title: string;
    tasks: Array<{ ordinal: string; title: string; leadUnits: string[]; responsibleUnits: string[] }>;
  }>;
  targets: Array<{ text: string; section: number | null; task: string | null }>;
}

/** The document's text and where each section, task and target sits in it. */
export interface PlanText {
  text: string;
  sections: Span[];
  tasks: Span[][];
  targets: Span[];
}

/** Text written line by line; each line's span is known as it is added. */
class Lines {
  private parts: string[] = [];
  private length = 0;

  add(line: string): Span {
    const start = this.length;
    this.parts.push(line, '\n');
    this.length += line.length + 1;
    return { start, end: start + line.length };
  }

  /** Where the last line added ends. */
  lastEnd(): number {
    return this.length - 1;
  }

  text(): string {
    return this.parts.join('');
  }
}

function unitNote(task: PlanOutline['sections'][number]['tasks'][number]): string {
  const lead = task.leadUnits.length > 0 ? `牵头单位：${task.leadUnits.join('、')}` : '';
  const others = task.responsibleUnits.length > 0 ? `责任单位：${task.responsibleUnits.join('、')}` : '';
  const note = [lead, others].filter(Boolean).join('；');
  return note ? `（${note}）` : '';
}

/**
 * Writes a plan document from a plan's parts: title, targets under 主要目标, then each section
 * with its tasks (and their unit notes) and the targets they carry. The plan's spans point into
 * this text, as an imported plan's point into its source: the text of a plan made in the product
 * (a next-term draft, a synthetic plan) rather than imported.
 */
export function renderPlan(outline: PlanOutline): PlanText {
  const lines = new Lines();
  const targets: Span[] = [];
  const writeTargets = (section: number | null, task: string | null) => {
    outline.targets.forEach((t, k) => {
      if (t.section === section && t.task === task) targets[k] = lines.add(t.text);
    });
  };
  lines.add(outline.title);
  if (outline.docNumber) lines.add(outline.docNumber);
  lines.add('一、主要目标');
  writeTargets(null, null);
  lines.add('二、重点任务');
  const sections: Span[] = [];
  const tasks: Span[][] = [];
  outline.sections.forEach((section, s) => {
    const heading = lines.add(`${section.ordinal}${section.title}`);
    writeTargets(s, null);
    tasks[s] = section.tasks.map((task) => {
      const span = lines.add(`${task.ordinal}${task.title}${unitNote(task)}`);
      writeTargets(s, task.ordinal);
      return span;
    });
    sections[s] = { start: heading.start, end: lines.lastEnd() };
  });
  // A target whose task is not printed still needs a place in the text.
  outline.targets.forEach((t, k) => {
    targets[k] ??= lines.add(t.text);
  });
  return { text: lines.text(), sections, tasks, targets };
}
