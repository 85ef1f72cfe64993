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

/** Characters a name would run into: a word or a quoted name before or after it, a closing bracket before it. */
const JOINS_BEFORE = /[\p{L}\p{N}_"')\]]/u;
const JOINS_AFTER = /[\p{L}\p{N}_"']/u;

/**
 * The change that types a name over the selection `from`–`to`: a space before or after it where
 * it would otherwise run into the text beside it (`FROM|` + `fact_value` → `FROM fact_value`).
 * @example nameInsertion('SELECT * FROM', 13, 13, 'fact_value') // { from: 13, to: 13, insert: ' fact_value' }
 */
export function nameInsertion(
  text: string,
  from: number,
  to: number,
  name: string,
): { from: number; to: number; insert: string } {
  const before = text.slice(0, from).at(-1) ?? '';
  const after = text.slice(to, to + 1);
  return { from, to, insert: `${JOINS_BEFORE.test(before) ? ' ' : ''}${name}${JOINS_AFTER.test(after) ? ' ' : ''}` };
}
