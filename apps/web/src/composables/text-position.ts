/** A character offset as the 1-based line and column people read in an editor. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Where an underline at an offset ends: the end of the word there, at least one character on. */
export function wordEnd(text: string, offset: number): number {
  const match = /^[\p{L}\p{N}_.]+/u.exec(text.slice(offset));
  return Math.min(text.length, offset + Math.max(1, match?.[0].length ?? 0));
}
