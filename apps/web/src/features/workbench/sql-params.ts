/** A `:name` placeholder in a query, found outside strings, quoted names and comments. */
export interface Placeholder {
  name: string;
  start: number;
  end: number;
}

/** How a parameter's value becomes SQL: `auto` takes a number as a number and anything else as text. */
export type ParamType = 'auto' | 'number' | 'text';

export interface ParamValue {
  value: string;
  type: ParamType;
}

export type ParamProblem = { name: string; code: 'missing' | 'not_a_number' };

export type Substitution =
  { ok: true; sql: string; toOriginal: (offset: number) => number } | { ok: false; problems: ParamProblem[] };

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Where a quoted or commented stretch starting at `i` ends (the index after it), or -1 when none starts there. */
function skipQuoted(sql: string, i: number): number {
  const ch = sql[i];
  if (ch === "'" || ch === '"') {
    // A doubled quote is the quote itself, inside the string or name.
    let j = i + 1;
    while (j < sql.length) {
      if (sql[j] === ch) {
        if (sql[j + 1] === ch) j += 2;
        else return j + 1;
      } else j++;
    }
    return sql.length;
  }
  if (ch === '-' && sql[i + 1] === '-') {
    const end = sql.indexOf('\n', i);
    return end === -1 ? sql.length : end;
  }
  if (ch === '/' && sql[i + 1] === '*') {
    const end = sql.indexOf('*/', i + 2);
    return end === -1 ? sql.length : end + 2;
  }
  if (ch === '$') {
    const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
    if (tag) {
      const end = sql.indexOf(tag, i + tag.length);
      return end === -1 ? sql.length : end + tag.length;
    }
  }
  return -1;
}

/**
 * The `:name` placeholders of a query, in order. `::` casts, `a[1:n]` slices and anything in
 * strings, quoted names or comments are not placeholders.
 */
export function findPlaceholders(sql: string): Placeholder[] {
  const found: Placeholder[] = [];
  let i = 0;
  while (i < sql.length) {
    const skipped = skipQuoted(sql, i);
    if (skipped !== -1) {
      i = skipped;
      continue;
    }
    if (sql[i] === ':' && sql[i + 1] === ':') {
      i += 2;
      continue;
    }
    const before = sql[i - 1] ?? '';
    if (sql[i] === ':' && NAME_START.test(sql[i + 1] ?? '') && !NAME_PART.test(before)) {
      let end = i + 2;
      while (end < sql.length && NAME_PART.test(sql[end] as string)) end++;
      found.push({ name: sql.slice(i + 1, end), start: i, end });
      i = end;
      continue;
    }
    i++;
  }
  return found;
}

/** The distinct parameter names of a query, in the order they first appear. */
export function parameterNames(sql: string): string[] {
  return [...new Set(findPlaceholders(sql).map((p) => p.name))];
}

/**
 * A value as an SQL literal: a checked number (negative ones in
 * brackets, so `-:n` never makes a `--` comment), or quoted text.
 */
function literal(param: ParamValue): string | ParamProblem['code'] {
  const text = param.value.trim();
  if (text === '' && param.type !== 'text') return 'missing';
  const numeric = NUMBER.test(text);
  if (param.type === 'number' && !numeric) return 'not_a_number';
  if (param.type !== 'text' && numeric) return text.startsWith('-') ? `(${text})` : text.replace(/^\+/, '');
  return `'${param.value.replaceAll("'", "''")}'`;
}

/**
 * Puts each placeholder's value into the query as a literal, so the server receives plain SQL
 * (its parser checks it like any other). `toOriginal` turns an offset in the sent text (where
 * the server reports a problem) back into one in the text as written.
 */
export function substitute(sql: string, values: Record<string, ParamValue>): Substitution {
  const placeholders = findPlaceholders(sql);
  const problems: ParamProblem[] = [];
  const literals = new Map<string, string>();
  for (const name of new Set(placeholders.map((p) => p.name))) {
    const result = literal(values[name] ?? { value: '', type: 'auto' });
    if (result === 'missing' || result === 'not_a_number') problems.push({ name, code: result });
    else literals.set(name, result);
  }
  if (problems.length > 0) return { ok: false, problems };
  const pieces: string[] = [];
  const shifts: Array<{ at: number; sentStart: number; sentEnd: number; delta: number }> = [];
  let last = 0;
  let delta = 0;
  for (const p of placeholders) {
    const text = literals.get(p.name) as string;
    pieces.push(sql.slice(last, p.start), text);
    const sentStart = p.start + delta;
    delta += text.length - (p.end - p.start);
    shifts.push({ at: p.start, sentStart, sentEnd: sentStart + text.length, delta });
    last = p.end;
  }
  pieces.push(sql.slice(last));
  const toOriginal = (offset: number): number => {
    let shift = 0;
    for (const s of shifts) {
      if (offset < s.sentStart) break;
      if (offset < s.sentEnd) return s.at;
      shift = s.delta;
    }
    return offset - shift;
  };
  return { ok: true, sql: pieces.join(''), toOriginal };
}
