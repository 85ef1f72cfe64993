import type { SectionKind } from '@kesu/schema';
import type { Line } from '../text/lines.js';
import { parseHanziNumber } from '../text/numbers.js';

/** Numbering styles, shallowest first; a document uses some of them, in this order of depth. */
const MARKERS = [
  { kind: 'chapter', re: /^第([一二三四五六七八九十百]+)[章部分]+\s*/ },
  { kind: 'hanzi', re: /^([一二三四五六七八九十]+)[、.]\s*/ },
  { kind: 'jie', re: /^第([一二三四五六七八九十]+)节\s*/ },
  { kind: 'paren_hanzi', re: /^\(([一二三四五六七八九十]+)\)\s*/ },
  { kind: 'arabic', re: /^(\d{1,2})[.、](?!\d)\s*/ },
  { kind: 'paren_arabic', re: /^\((\d{1,2})\)\s*/ },
  { kind: 'arabic_paren', re: /^(\d{1,2})\)\s*/ },
  { kind: 'dash', re: /^(—{1,2}|-{2})\s*/ },
  { kind: 'shi', re: /^([一二三四五六七八九十]+)是[,:]?\s*/ },
  { kind: 'circled', re: /^([①-⑳])\s*/ },
] as const;

export type MarkerKind = (typeof MARKERS)[number]['kind'];
const RANK = new Map<MarkerKind, number>(MARKERS.map((m, i) => [m.kind, i]));

export interface Marker {
  kind: MarkerKind;
  /** The number as printed (一, 3, ①) or '' for a dash. */
  label: string;
  /** Characters the marker takes at the start of the line. */
  length: number;
}

export function markerOf(line: string): Marker | null {
  for (const m of MARKERS) {
    const hit = m.re.exec(line);
    if (hit) return { kind: m.kind, label: hit[1] ?? '', length: hit[0].length };
  }
  return null;
}

/** A short title-only heading, e.g. `1、 总体要求`. */
function isTitleOnly(line: string, marker: Marker): boolean {
  const rest = line.slice(marker.length);
  return rest.length >= 2 && rest.length <= 15 && !/[。,;:，；]/.test(rest);
}

export interface Block {
  line: Line;
  marker: Marker | null;
  /** Index of the first line after this block's own lines. */
  endLine: number;
}

/** A task: offsets in the text (a task may be part of a line, as in 一是…。二是…). */
export interface OutlineTask {
  start: number;
  end: number;
  /** Characters the numbering takes at the start. */
  markerLength: number;
  ordinal: string;
}

export interface OutlineSection extends Block {
  ordinal: string;
  title: string;
  kind: SectionKind;
  tasks: OutlineTask[];
}

export interface OutlineChapter extends Block {
  title: string;
  kind: SectionKind | 'preamble';
  sections: OutlineSection[];
}

// The chapter a section sits in tells its kind; a section's own title can overrule it.
const CHAPTER_KINDS: Array<[RegExp, SectionKind | 'preamble']> = [
  [/重点工程|工程$/, 'project'],
  [/提升行动|重点任务|主要任务|重点行动|专项行动|行动$/, 'action'],
  [/指导思想|总体要求|主要目标|目标|基本原则|原则/, 'preamble'],
];

function chapterKind(title: string): SectionKind | 'preamble' {
  return CHAPTER_KINDS.find(([re]) => re.test(title))?.[1] ?? 'other';
}

function sectionKind(title: string, chapter: SectionKind | 'preamble'): SectionKind {
  if (chapter === 'action' || chapter === 'project') {
    if (/工程$/.test(title)) return 'project';
    if (/行动$/.test(title)) return 'action';
    return chapter;
  }
  return 'other';
}

/** Text of a heading line after its marker, without a final full stop. */
function headingTitle(line: Line, marker: Marker | null): string {
  return line.match
    .slice(marker?.length ?? 0)
    .replace(/[。.]$/, '')
    .trim();
}

function hanziOrdinal(label: string): string {
  return `(${label})`;
}

function taskOrdinal(marker: Marker | null, position: number): string {
  if (!marker || marker.kind === 'dash') return String(position);
  if (marker.kind === 'paren_hanzi' || marker.kind === 'paren_arabic') return `(${marker.label})`;
  if (marker.kind === 'jie') return `(${marker.label})`;
  if (marker.kind === 'shi') return `${marker.label}是`;
  if (marker.kind === 'hanzi' || marker.kind === 'circled') return marker.label;
  return `${marker.label}.`;
}

/** Indexes of lines [from, to) numbered in `kind`. */
function linesOfKind(markers: Array<Marker | null>, from: number, to: number, kind: MarkerKind): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (markers[i]?.kind === kind) out.push(i);
  return out;
}

/** The shallowest marker kind deeper than `rank` among lines [from, to). */
function nextLevel(lines: Array<Marker | null>, from: number, to: number, rank: number): MarkerKind | null {
  let best: MarkerKind | null = null;
  for (let i = from; i < to; i++) {
    const m = lines[i];
    if (!m) continue;
    const r = RANK.get(m.kind) as number;
    if (r > rank && (best === null || r < (RANK.get(best) as number))) best = m.kind;
  }
  return best;
}

/**
 * Paragraphs that open with a short heading sentence (`完善监测评估体系。`) are tasks of a
 * section that numbers none.
 */
function unnumberedTasks(lines: Line[], from: number, to: number): OutlineTask[] {
  const starts: number[] = [];
  for (let i = from; i < to; i++) {
    // A heading sentence that the paragraph goes on from.
    if (/^[^。,，;；:：]{2,16}。.{10,}/.test((lines[i] as Line).match)) starts.push(i);
  }
  return starts.map((i, k) => ({
    start: (lines[i] as Line).start,
    end: endOf(lines, starts[k + 1] ?? to),
    markerLength: 0,
    ordinal: String(k + 1),
  }));
}

function endOf(lines: Line[], endLine: number): number {
  return (lines[endLine - 1] as Line).end;
}

const INLINE_SHI = /(^|[。;])([一二三四五六七八九十]+是)[,:]?/g;

/** Splits paragraphs enumerated inline (一是…。二是…。三是…) into one task per item. */
function splitInline(match: string, tasks: OutlineTask[]): OutlineTask[] {
  return tasks.flatMap((task) => {
    const body = match.slice(task.start + task.markerLength, task.end);
    const items = [...body.matchAll(INLINE_SHI)].map((m) => ({
      at: task.start + task.markerLength + (m.index as number) + (m[1] as string).length,
      length: (m[2] as string).length + (m[0].length - (m[1] as string).length - (m[2] as string).length),
      label: m[2] as string,
    }));
    if (items.length === 0) return [task];
    const head = task.markerLength > 0 ? [{ ...task, end: (items[0] as { at: number }).at }] : [];
    return [
      ...head,
      ...items.map((item, k) => ({
        start: item.at,
        end: items[k + 1]?.at ?? task.end,
        markerLength: item.length,
        ordinal: item.label,
      })),
    ];
  });
}

/**
 * Finds chapters, sections and tasks from numbering. Levels are relative: inside a chapter the
 * shallowest numbering style present marks sections, and inside a section the next one marks
 * tasks, so `第一章/第一节/（一）` and `一、/（一）/1.` both work.
 */
export function buildOutline(match: string, lines: Line[], bodyStart: number): OutlineChapter[] {
  const markers = lines.map((l, i) => (i < bodyStart ? null : markerOf(l.match)));
  const hasHanziChapters = markers.some((m) => m?.kind === 'hanzi');
  // `1、 总体要求` beside `二、提升行动` is a chapter heading with a slip in its numbering.
  markers.forEach((m, i) => {
    if (
      m?.kind === 'arabic' &&
      hasHanziChapters &&
      /^\d+、/.test((lines[i] as Line).match) &&
      isTitleOnly((lines[i] as Line).match, m)
    ) {
      markers[i] = { ...m, kind: 'hanzi' };
    }
  });
  const chapterLevel = nextLevel(markers, bodyStart, lines.length, -1);
  const chapterStarts =
    chapterLevel === 'chapter' || chapterLevel === 'hanzi' ? linesOfKind(markers, 0, lines.length, chapterLevel) : [];
  const bounds = chapterStarts.length > 0 ? chapterStarts : [bodyStart];
  return bounds.map((start, c) => {
    const end = bounds[c + 1] ?? lines.length;
    const line = lines[start] as Line;
    const marker = chapterStarts.length > 0 ? (markers[start] as Marker) : null;
    const title = marker ? headingTitle(line, marker) : '';
    const kind = marker ? chapterKind(title) : 'action';
    const rank = marker ? (RANK.get(marker.kind) as number) : -1;
    const first = marker ? start + 1 : start;
    return {
      line,
      marker,
      endLine: end,
      title,
      kind,
      sections: buildSections(match, lines, markers, first, end, rank, kind),
    };
  });
}

function buildSections(
  match: string,
  lines: Line[],
  markers: Array<Marker | null>,
  from: number,
  to: number,
  rank: number,
  chapter: SectionKind | 'preamble',
): OutlineSection[] {
  const level = nextLevel(markers, from, to, rank);
  if (level === null || level === 'dash' || level === 'shi') return [];
  const starts = linesOfKind(markers, from, to, level);
  return starts.map((start, s) => {
    const end = starts[s + 1] ?? to;
    const line = lines[start] as Line;
    const marker = markers[start] as Marker;
    const title = headingTitle(line, marker);
    const taskLevel = nextLevel(markers, start + 1, end, RANK.get(level) as number);
    const taskStarts = taskLevel ? linesOfKind(markers, start + 1, end, taskLevel) : [];
    const numbered: OutlineTask[] = taskStarts.map((t, k) => ({
      start: (lines[t] as Line).start,
      end: endOf(lines, taskStarts[k + 1] ?? end),
      markerLength: (markers[t] as Marker).length,
      ordinal: taskOrdinal(markers[t] as Marker, k + 1),
    }));
    const paragraphs = lines
      .slice(start + 1, end)
      .map((l) => ({ start: l.start, end: l.end, markerLength: 0, ordinal: '' }));
    // 一是…二是… are tasks only where no other numbering marks them; inside a numbered task they are its parts.
    const inline =
      numbered.length === 0 || taskLevel === 'shi'
        ? splitInline(match, numbered.length > 0 ? numbered : paragraphs).filter((t) => t.ordinal !== '')
        : numbered;
    const tasks = inline.length > 0 ? inline : unnumberedTasks(lines, start + 1, end);
    const ordinal =
      marker.kind === 'jie' || marker.kind === 'paren_hanzi' || marker.kind === 'hanzi'
        ? hanziOrdinal(marker.label)
        : `(${parseHanziNumber(marker.label) ?? marker.label})`;
    return { line, marker, endLine: end, ordinal, title, kind: sectionKind(title, chapter), tasks };
  });
}
