import type { Line } from '../text/lines.js';
import { splitUnits, type UnitMention } from './unit-notes.js';

/** A row of a task breakdown table printed as text: the task and its units. */
export interface TableRow {
  task: string;
  lead: UnitMention[];
  responsible: UnitMention[];
}

interface Cell {
  text: string;
  start: number;
}

/** Cells of a line split on tabs or runs of two or more spaces, with their offsets. */
function cells(line: Line): Cell[] {
  const out: Cell[] = [];
  const re = /[^\t ]+(?: [^\t ]+)*/g;
  for (const m of line.match.matchAll(re)) out.push({ text: m[0], start: line.start + (m.index as number) });
  return out;
}

const TASK = /任务|内容|工作/;
const LEAD = /牵头/;
const SHARED = /配合|责任|参与|协办/;

/**
 * Reads a task breakdown table printed as text (序号 | 工作任务 | 牵头单位 | 配合单位, cells
 * split by tabs or spaces), as plans often append one. Returns [] when there is none.
 */
export function findSummaryTable(lines: Line[], text: string): TableRow[] {
  const headerAt = lines.findIndex((l) => {
    const c = cells(l).map((x) => x.text);
    return (
      c.length >= 3 && c.some((x) => TASK.test(x) && x.length <= 8) && c.some((x) => LEAD.test(x) && x.length <= 8)
    );
  });
  if (headerAt < 0) return [];
  const header = cells(lines[headerAt] as Line).map((c) => c.text);
  const column = (re: RegExp) => header.findIndex((h) => re.test(h) && h.length <= 8);
  const task = column(TASK);
  const lead = column(LEAD);
  const shared = column(SHARED);
  const rows: TableRow[] = [];
  for (const line of lines.slice(headerAt + 1)) {
    const row = cells(line);
    if (row.length < header.length - 1) continue;
    const at = (i: number) => row[i - (header.length - row.length)] ?? row[i];
    const units = (i: number) => {
      const cell = i >= 0 ? at(i) : undefined;
      if (!cell || /^[—–-]+$/.test(cell.text)) return [];
      return splitUnits(text.slice(cell.start, cell.start + cell.text.length), cell.start);
    };
    const taskCell = at(task);
    if (!taskCell) continue;
    rows.push({ task: taskCell.text, lead: units(lead), responsible: units(shared) });
  }
  return rows;
}
