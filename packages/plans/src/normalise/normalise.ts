import { Converter } from 'opencc-js/t2cn';
import { isChromeLine, maskChrome } from './page-chrome.js';

/**
 * The normalised source and its matching twin, of equal length so that an offset found in
 * `match` is a span of `text`. `text` is what the reviewer sees (traditional characters stay);
 * `match` is simplified, with full-width ASCII folded to half-width and page chrome blanked
 * out, for the rules to read.
 */
export interface Normalised {
  text: string;
  match: string;
}

const toSimplified = Converter({ from: 'hk', to: 'cn' });

// A line ending in one of these is complete; any other line may continue on the next one.
const TERMINAL = /[。；;！!？?：:）)〕】\]”"」』]$|通知$|稿$|号$|解读$|\d日$|^附件\s*\d*$/;
// A plan's title on a line of its own, with no period after it: 白水县贯彻《…》实施方案.
const TITLE_LINE = /^.{0,40}(科学(文化)?素质|科普).{0,40}(实施方案|工作方案|行动方案|行动计划)$/;
// A line starting like this begins something new: a heading, a list item or a unit note.
const NEW_THING_OPENINGS = [
  '[•·▪●]',
  '第[一二三四五六七八九十百]+[章节部分]',
  '[一二三四五六七八九十]+[、.．]',
  String.raw`[（(][一二三四五六七八九十\d]+[）)]`,
  String.raw`\d+[、.．)）]`,
  '——',
  '[一二三四五六七八九十]+是',
  '[①-⑳]',
  '[【〔[]',
  '(牵头|责任|配合|参与|协办)(单位|部门)[:：]',
  String.raw`\d{4}年\d{1,2}月`,
].join('|');
const STARTS_NEW = new RegExp(`^(${NEW_THING_OPENINGS})`);
// A heading line: a marker and a short title without a full stop inside.
const HEADING =
  /^(第[一二三四五六七八九十百]+[章节部分]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])[^。]{0,40}$/;

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0xa0) return ' ';
  if (c === 'Ο' || c === 'О' || c === '○') return '〇';
  return c;
}

/** Full-width ASCII folded to half-width: ％ → %, （ → (. */
export function foldWidth(text: string): string {
  return Array.from(text, foldChar).join('');
}

const simplifiedChars = new Map<string, string>();

/** One character in simplified form; phrase-level conversion is not needed to match rules. */
function simplifyChar(c: string): string {
  const known = simplifiedChars.get(c);
  if (known !== undefined) return known;
  const converted: string = toSimplified(c);
  const out = converted.length === c.length ? converted : c;
  simplifiedChars.set(c, out);
  return out;
}

/** Simplified, folded twin of a text, character for character (so offsets carry over). */
export function matchingForm(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(simplifyChar(text[i] as string));
  return out;
}

const TABLE_ROW = /\S(\t| {2,})\S/;

/** More brackets opened than closed: the line stops inside a parenthesis. */
function openBracket(line: string): boolean {
  return (line.match(/[(〔【[]/g) ?? []).length > (line.match(/[)〕】\]]/g) ?? []).length;
}

function shouldJoin(line: string, next: string): boolean {
  const a = foldWidth(line).trim();
  const b = foldWidth(next).trim();
  if (a === '' || b === '') return false;
  // A sentence never runs on into the page's navigation or footer, nor out of it.
  if (isChromeLine(matchingForm(a)) || isChromeLine(matchingForm(b))) return false;
  if (openBracket(a) && !HEADING.test(b)) return true;
  // Rows of a text table (cells split by tabs or runs of spaces) stay rows unless a cell wraps.
  if (TABLE_ROW.test(a) && TABLE_ROW.test(b) && !/[、,，]$/.test(a)) return false;
  if (TERMINAL.test(a) || STARTS_NEW.test(b)) return false;
  // A title line continues only with its period: …实施方案 / （2021—2025年）.
  if (TITLE_LINE.test(a) && !/^\(?\s*20\d{2}/.test(b)) return false;
  return !HEADING.test(a);
}

/**
 * Cleans a decoded plan: one kind of line break, no Word bookmarks, no trailing blanks, at
 * most one blank line in a row, and sentences broken across lines (with blank lines between
 * the pieces) joined again.
 */
export function normalise(raw: string): Normalised {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .replace(/\[bookmark:[^\]\n]*\]/g, '')
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000\u00a0]+$/, ''));
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (out.length > 0 && out.at(-1) !== '') out.push('');
      continue;
    }
    const lastText = out.at(-1) === '' ? out.at(-2) : out.at(-1);
    if (lastText !== undefined && shouldJoin(lastText, line)) {
      if (out.at(-1) === '') out.pop();
      out[out.length - 1] = (out.at(-1) as string) + line.replace(/^[ \t\u3000\u00a0]+/, '');
    } else {
      out.push(line);
    }
  }
  const text = out.join('\n').replace(/\n+$/, '');
  return { text, match: maskChrome(matchingForm(text)) };
}
