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
export function visibleRows({ scrollTop, viewport, rowHeight, total, overscan = 10 }: { scrollTop: number; viewport: number; rowHeight: number; total: number; overscan?: number }): RowWindow {
  const height = total * rowHeight;
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, height - viewport));
  const first = Math.floor(top / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, Math.ceil((top + viewport) / rowHeight) + overscan);
  return { start, end, offset: start * rowHeight, height };
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** Text width in half-width character cells: a 汉字 takes two. */
function cells(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

/**
 * Column widths (px) for a fixed-layout grid, from the header and a sample of the rows (all rows
 * would cost as much as rendering them): wide enough for typical values, never absurdly wide.
 */
export function columnWidths(headers: readonly string[], rows: readonly (readonly unknown[])[], { sample = 200, cellPx = 8, padding = 24, min = 72, max = 360 } = {}): number[] {
  return headers.map((header, i) => {
    let widest = cells(header);
    for (const row of rows.slice(0, sample)) widest = Math.max(widest, cells(displayValue(row[i])));
    return Math.min(max, Math.max(min, widest * cellPx + padding));
  });
}

/** A cell as the grid shows it: NULL spelt out, lists and structs as JSON, binary noise (125.60000000000001) rounded off. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Number(value.toPrecision(12)));
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
