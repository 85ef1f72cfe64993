import type { Normalised } from '../normalise/normalise.js';

/** One line of the normalised text: offsets of its content (leading blanks skipped). */
export interface Line {
  index: number;
  /** Offset of the first non-blank character. */
  start: number;
  /** Offset just after the last character. */
  end: number;
  /** The line's content in matching form (simplified, half-width). */
  match: string;
}

/** Splits a normalised document into its non-blank lines. */
export function splitLines(doc: Normalised): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const piece of doc.match.split('\n')) {
    const lead = piece.length - piece.trimStart().length;
    const content = piece.trim();
    if (content !== '')
      lines.push({ index: lines.length, start: offset + lead, end: offset + lead + content.length, match: content });
    offset += piece.length + 1;
  }
  return lines;
}
