/** A cell as CSV text: empty for NULL, JSON for lists and structs. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Spreadsheets run text that starts like a formula; such text gets a leading apostrophe. */
const FORMULA = /^[=+\-@\t\r]/;

function field(value: unknown): string {
  let text = cellText(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A result as CSV (RFC 4180: quoted where needed, CRLF line ends), with a byte-order mark so
 * Excel opens the Chinese text as UTF-8.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [columns.map(field).join(','), ...rows.map((row) => row.map(field).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
