import type { Span } from '@kesu/schema';
import type { Line } from '../text/lines.js';

/** A printed unit name with where it stands. */
export interface UnitMention {
  name: string;
  span: Span;
}

/** A note naming lead and/or responsible units, e.g. （牵头单位：…，责任单位：…）. */
export interface UnitNote {
  span: Span;
  /** True when the note is a line of its own (it then covers a block of tasks above it). */
  ownLine: boolean;
  lead: UnitMention[] | null;
  responsible: UnitMention[] | null;
}

const LEAD_ROLE = '牵头单位|牵头部门|主责单位|牵头';
const OTHER_ROLE = '责任单位|责任部门|配合单位|配合部门|参与单位|参与部门|协办单位|协同单位|配合';
const ROLE = new RegExp(`(${LEAD_ROLE}|${OTHER_ROLE})\\s*[:]`, 'g');
const ROLE_START = new RegExp(`^(${LEAD_ROLE}|${OTHER_ROLE})\\s*[:]`);
const OPENERS = '([〔【';
const CLOSERS = ')]〕】';
const SEPARATORS = /[、,，;；]/;
const LEAD_MARK = /[（(]牵头[）)]$/;

/**
 * 排在第一位的为牵头单位 (列第一位的为牵头部门, 排在首位的为牵头单位 …): the convention of State
 * Council and provincial documents that a list naming no lead is led by its first unit.
 */
export const FIRST_LISTED_LEADS = /(第一位|第一个|首位|排名第一|排序第一)(的|者)?(单位|部门)?(为|是)牵头(单位|部门)?/;
// Asides closing a note (…按职责分工负责，下同) that name no unit.
const ASIDE = /^(下同|以下同|下略|以下略)$/;

/** A note naming units but no lead, under the first-listed convention: its first unit leads. */
function firstLeads(note: Pick<UnitNote, 'lead' | 'responsible'>): Pick<UnitNote, 'lead' | 'responsible'> {
  if ((note.lead?.length ?? 0) > 0 || !note.responsible?.length) return note;
  const [first, ...rest] = note.responsible;
  return { lead: [first as UnitMention], responsible: rest.length > 0 ? rest : null };
}

/** Where a list ends before a closing convention clause (`A、B,排在第一位的为牵头单位`), and whether one was there. */
function beforeConvention(match: string): { end: number; declared: boolean } {
  const found = FIRST_LISTED_LEADS.exec(match);
  if (!found) return { end: match.length, declared: false };
  const cut = match.slice(0, found.index).search(/[,;、(]?[^,;、(]*$/);
  return { end: cut, declared: true };
}

/** Splits `A、B，C(D、E)` on separators outside brackets, keeping each name's offsets. */
export function splitUnits(text: string, offset: number): UnitMention[] {
  const out: UnitMention[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    // 市教育局、市科协等牵头: the list's closing 等 (等单位, 等部门) is no part of the last name.
    const name = raw
      .trim()
      .replace(/[。.]$/, '')
      .replace(/(?<=..)等(单位|部门)?$/, '');
    if (name !== '' && !/^(等|等单位|等部门)$/.test(name))
      out.push({ name, span: { start: offset + start + lead, end: offset + start + lead + name.length } });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if ('(（'.includes(c)) depth++;
    else if (')）'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SEPARATORS.test(c)) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

function isLead(role: string): boolean {
  return new RegExp(`^(${LEAD_ROLE})$`).test(role);
}

/** Reads `牵头单位:A、B,责任单位:C` (any order, any of the role words) into lead and responsible lists. */
function readRoles(whole: string, text: string, offset: number): Pick<UnitNote, 'lead' | 'responsible'> {
  const { end, declared } = beforeConvention(whole);
  const match = whole.slice(0, end);
  const roles = [...match.matchAll(ROLE)];
  const note: Pick<UnitNote, 'lead' | 'responsible'> = { lead: null, responsible: null };
  roles.forEach((r, i) => {
    const from = (r.index as number) + r[0].length;
    const to = roles[i + 1]?.index ?? match.length;
    // 责任单位：市教育局牵头，市科协配合 — the roles are inside the list.
    const infix = readInfix(match.slice(from, to).replace(/[,;、。]+$/, ''), text.slice(from, to), offset + from);
    if (infix && (infix.lead?.length ?? 0) > 0) {
      note.lead = [...(note.lead ?? []), ...(infix.lead ?? [])];
      note.responsible = [...(note.responsible ?? []), ...(infix.responsible ?? [])];
      return;
    }
    const units = splitUnits(text.slice(from, to), offset + from);
    // 责任单位：旗教育局（牵头）、旗科协 — a name marked （牵头） leads whatever list it is in.
    const marked = units
      .filter((u) => LEAD_MARK.test(u.name))
      .map((u) => ({
        name: u.name.replace(LEAD_MARK, ''),
        span: { start: u.span.start, end: u.span.end - (u.name.length - u.name.replace(LEAD_MARK, '').length) },
      }));
    const rest = units.filter((u) => !LEAD_MARK.test(u.name));
    if (marked.length > 0) note.lead = [...(note.lead ?? []), ...marked];
    const key = isLead(r[1] as string) ? 'lead' : 'responsible';
    if (rest.length > 0 || marked.length === 0) note[key] = [...(note[key] ?? []), ...rest];
  });
  return declared ? firstLeads(note) : note;
}

/** Where a bracket opened at `open` closes: the first closer outside nested round brackets. */
function closeOf(match: string, open: number): number {
  let depth = 0;
  for (let i = open + 1; i < match.length; i++) {
    const c = match[i] as string;
    if (c === '\n') return -1;
    if (c === '(') depth++;
    else if (CLOSERS.includes(c)) {
      if (c === ')' && depth > 0) {
        depth--;
        continue;
      }
      return i;
    }
  }
  return -1;
}

const LEAD_WORD = '牵头|主责';
const SHARE_WORD = '配合|参与|协同|协助|按职责分工负责|按职责负责|分工负责|共同负责|负责';
const INFIX_PART = new RegExp(`^(.+?)(${LEAD_WORD}|${SHARE_WORD})$`);

/**
 * `州教育体育局牵头,州委宣传部、州科协配合` or `县科协、县财政局按职责分工负责`: each part names
 * units and ends with the role they play. Null when any part does not read so.
 */
function readInfix(match: string, text: string, offset: number): Pick<UnitNote, 'lead' | 'responsible'> | null {
  const note: Pick<UnitNote, 'lead' | 'responsible'> = { lead: null, responsible: null };
  let start = 0;
  let declared = false;
  for (const part of match.split(/[,;]/)) {
    if (FIRST_LISTED_LEADS.test(part) || ASIDE.test(part.trim())) {
      declared ||= FIRST_LISTED_LEADS.test(part);
      start += part.length + 1;
      continue;
    }
    const m = INFIX_PART.exec(part.trim());
    if (!m || /[。]/.test(part)) return null;
    const lead = part.length - part.trimStart().length;
    const units = splitUnits(text.slice(start + lead, start + lead + (m[1] as string).length), offset + start + lead);
    const key = new RegExp(`^(${LEAD_WORD})$`).test(m[2] as string) ? 'lead' : 'responsible';
    note[key] = [...(note[key] ?? []), ...units];
    start += part.length + 1;
  }
  if (!note.lead && !note.responsible) return null;
  return declared ? firstLeads(note) : note;
}

function bracketNote(match: string, text: string, open: number, close: number, ownLine: boolean): UnitNote | null {
  const inner = match.slice(open + 1, close);
  const innerText = text.slice(open + 1, close);
  const span = { start: open, end: close + 1 };
  if (ROLE_START.test(inner.trim()) && new RegExp(`^(${LEAD_ROLE}|${OTHER_ROLE})`).test(inner.trim())) {
    const lead = inner.length - inner.trimStart().length;
    return { span, ownLine, ...readRoles(inner.trim(), innerText.slice(lead), open + 1 + lead) };
  }
  const infix = readInfix(inner, innerText, open + 1);
  return infix ? { span, ownLine, ...infix } : null;
}

/**
 * Every unit note in the document: bracketed notes inside or after a paragraph, and lines that
 * start with a role (`牵头部门：…`).
 */
export function findUnitNotes(lines: Line[], text: string, match: string): UnitNote[] {
  const notes: UnitNote[] = [];
  for (const line of lines) {
    if (ROLE_START.test(line.match)) {
      notes.push({
        span: { start: line.start, end: line.end },
        ownLine: true,
        ...readRoles(line.match, text.slice(line.start, line.end), line.start),
      });
      continue;
    }
    for (let i = line.start; i < line.end; i++) {
      if (!OPENERS.includes(match[i] as string)) continue;
      const close = closeOf(match, i);
      if (close < 0 || close >= line.end) continue;
      const ownLine = i === line.start && close === line.end - 1;
      const note = bracketNote(match, text, i, close, ownLine);
      if (note && (note.lead?.length || note.responsible?.length)) {
        notes.push(note);
        i = close;
      }
    }
  }
  return notes;
}
