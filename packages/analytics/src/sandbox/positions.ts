/**
 * The offset, in JavaScript string units, of a UTF-8 byte offset into `text` (where DuckDB's
 * parse tree places a node). An offset inside a character gives that character's start.
 */
export function byteToCharOffset(text: string, bytes: number): number {
  let seen = 0;
  let index = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (seen + size > bytes) return index;
    seen += size;
    index += ch.length;
  }
  return text.length;
}

/** The offset, in JavaScript string units, of a code-point offset into `text` (where DuckDB reports a parse error). */
export function codePointToCharOffset(text: string, codePoints: number): number {
  let index = 0;
  let count = 0;
  for (const ch of text) {
    if (count === codePoints) return index;
    count++;
    index += ch.length;
  }
  return text.length;
}
