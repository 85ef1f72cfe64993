/** The rows of a long list worth rendering now, and where they sit. */
export interface RowWindow {
  /** First row rendered (inclusive) and the one after the last. */
  start: number;
  end: number;
  /** Distance from the top of the list to the first rendered row, in px. */
  offset: number;
  /** Height of the whole list, so the scroll bar matches it. */
  height: number;
}

/**
 * Which rows of a fixed-row-height list to render for a scroll position: those in view plus
 * `overscan` on each side, so fast scrolling does not show blank space before the next frame.
 * @example visibleRows({ scrollTop: 2800, viewport: 560, rowHeight: 28, total: 100_000 }) // rows 90–130
 */
export function visibleRows({
  scrollTop,
  viewport,
  rowHeight,
  total,
  overscan = 10,
}: {
  scrollTop: number;
  viewport: number;
  rowHeight: number;
  total: number;
  overscan?: number;
}): RowWindow {
  const height = total * rowHeight;
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, height - viewport));
  const first = Math.floor(top / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, Math.ceil((top + viewport) / rowHeight) + overscan);
  return { start, end, offset: start * rowHeight, height };
}

/** How wide a text is drawn, px: the header's name, its type below it, or a cell. */
export type Measure = (text: string, kind: 'header' | 'type' | 'cell') => number;

/**
 * The rows whose widths stand for the whole result: all of a short one, else the first `size / 2`
 * and as many spread evenly over the rest (a long value further down is then likely seen).
 */
export function sampleRows<T>(rows: readonly T[], size = 200): T[] {
  if (rows.length <= size) return [...rows];
  const half = Math.floor(size / 2);
  const step = (rows.length - half) / half;
  return [...rows.slice(0, half), ...Array.from({ length: half }, (_, i) => rows[half + Math.floor(i * step)] as T)];
}

/**
 * Column widths (px) for a fixed-layout grid: the widest of the header (name and type) and the
 * sampled cells as the browser draws them, plus the cell's padding and border, so no column is
 * cut; a column of long texts stops at `max` (its cells end in … and show the whole on hover).
 * @example columnWidths([{ name: '地区', type: 'VARCHAR' }], [['锦江区']], measure) // [70]
 */
export function columnWidths(
  columns: ReadonlyArray<{ name: string; type: string }>,
  cells: readonly (readonly string[])[],
  measure: Measure,
  { padding = 18, min = 48, max = 480 } = {},
): number[] {
  return columns.map((column, i) => {
    let widest = Math.max(measure(column.name, 'header'), measure(column.type, 'type'));
    for (const row of cells) widest = Math.max(widest, measure(row[i] ?? '', 'cell'));
    return Math.min(max, Math.max(min, Math.ceil(widest + padding)));
  });
}

/**
 * A cell as the grid shows it: NULL spelt out, lists and structs
 * as JSON, binary noise (125.60000000000001) rounded off.
 */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Number(value.toPrecision(12)));
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
