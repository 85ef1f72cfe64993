import type { PlanPeriod, Span } from '@kesu/schema';
import type { Line } from '../text/lines.js';
import { parseHanziNumber } from '../text/numbers.js';

export interface Header {
  title: string | null;
  titleSpan: Span | null;
  /** Index of the title line; the plan's body starts after it. */
  titleLine: number;
  docNumber: string | null;
  issuedOn: string | null;
  period: PlanPeriod;
  draft: boolean;
}

const TITLE = /(科学(文化)?素质|科普).{0,30}(实施方案|行动方案|工作方案|规划|计划)/;
// A title ends with what the document is, perhaps followed by its period and draft status.
const TITLE_END = /(实施方案|行动方案|工作方案|规划|计划|纲要)(\([^)]*\))*$/;
// A news headline about a plan (安徽出台…实施方案) is not the plan's title.
const NOT_TITLE = /^关于|^《|印发|的通知|简称|依据|根据|为深入|为全面|现将|经.{1,8}同意|出台|出炉|发布|聚焦|绘就/;
// What a page adds around the title: a bullet and label (• 中文名：…) before it, 政策解读 after it.
const TITLE_LABEL = /^[•·\s]*(中文名|标题|名称)\s*:\s*/;
const TITLE_SUFFIX = /(的)?(政策)?解读$/;
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,16}[〔[(]\d{4}[〕\])]\s*\d{1,4}\s*号/;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const HANZI_DATE = /([二〇零一三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/;
const STANDALONE_DATE =
  /^(\d{4}|[二〇零一三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日(印发)?$/;
// 2021—2025年, or a bracketed (2022-2024) after a title.
const PERIOD = /(20\d{2})\s*年?\s*[—\-–~～至到]+\s*(20\d{2})\s*(年|\))/;
// National documents (国发〔2021〕9号) are cited by every local plan, never issued by one.
const NATIONAL_NUMBER = /(国发|国办发|中发|国科发|科协发)[〔[(]/;

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dateIn(line: string): string | null {
  const a = DATE.exec(line);
  if (a) return isoDate(Number(a[1]), Number(a[2]), Number(a[3]));
  const h = HANZI_DATE.exec(line);
  if (!h) return null;
  const [y, m, d] = [h[1], h[2], h[3]].map((s) => parseHanziNumber(s as string));
  return y && m && d ? isoDate(y, m, d) : null;
}

/** A title line without a label before it or 政策解读 after it. */
function titleText(line: string): string {
  return line.replace(TITLE_LABEL, '').replace(TITLE_SUFFIX, '');
}

/** The plan's own title: the last title-like line before the body's first heading. */
function findTitle(lines: Line[]): number {
  let found = -1;
  for (const line of lines) {
    if (/^(第[一二三四五六七八九十]+章|[一二三四五六七八九十]+、|1、)/.test(line.match) && found >= 0) break;
    const bare = titleText(line.match);
    if (TITLE.test(bare) && TITLE_END.test(bare) && !NOT_TITLE.test(bare) && bare.length <= 60) found = line.index;
  }
  return found;
}

/** A title with the documents it quotes blanked out. */
function withoutQuoted(title: string): string {
  return title.replace(/《[^》]*》|〈[^〉]*〉|<[^>]*>/g, (q) => ' '.repeat(q.length));
}

/** The period a title states: 2021—2025年, or (2022-2024). */
export function periodIn(title: string): PlanPeriod | null {
  // 贯彻《全民科学素质行动规划纲要（2021—2035年）》实施方案: the quoted 纲要's period is not the plan's.
  return periodOf(withoutQuoted(title));
}

/** The first period printed in a line, quoted or not. */
function periodOf(line: string): PlanPeriod | null {
  const m = PERIOD.exec(line);
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

/**
 * Reads what a plan says about itself: title, document number (〔2022〕25号), date of issue
 * (成文日期, or the date line of the notice), period (2021—2025年) and whether it is a draft.
 */
export function readHeader(lines: Line[], text: string): Header {
  const titleLine = findTitle(lines);
  const title = titleLine >= 0 ? (lines[titleLine] as Line) : null;
  // The title's own words: the line without its label and 政策解读 suffix.
  const suffix = title ? (TITLE_SUFFIX.exec(title.match)?.[0].length ?? 0) : 0;
  const titleSpan = title
    ? { start: title.end - suffix - titleText(title.match).length, end: title.end - suffix }
    : null;
  const head = lines.slice(0, titleLine >= 0 ? titleLine : Math.min(lines.length, 30));
  // The plan's own number heads the notice; numbers inside brackets or after 依据 cite other documents.
  const ownNumber = (l: Line) => {
    const m = DOC_NUMBER.exec(l.match);
    if (!m) return null;
    const lead = l.match.slice(0, m.index);
    // A number in brackets right after the plan's quoted title is its own (news reports print it so).
    if (NATIONAL_NUMBER.test(m[0])) return null;
    if (/》\($/.test(lead) && titleLine < 0) return m;
    return !/[(《]|依据|根据|按照|印发/.test(lead) ? m : null;
  };
  const docLine =
    head.find((l) => ownNumber(l) !== null) ??
    lines
      .slice(titleLine + 1, titleLine + 10)
      .find((l) => /^[•·\s]*文\s*号\s*:/.test(l.match) && ownNumber(l) !== null);
  const docNumber = docLine ? ownNumber(docLine) : null;
  const stated = lines.find((l) => /成文日期|印发日期/.test(l.match));
  const dated = lines
    .slice(0, titleLine >= 0 ? titleLine + 3 : 30)
    .filter((l) => !/发布日期|发布时间|浏览|索引号/.test(l.match))
    .map((l) => dateIn(l.match))
    .filter((d) => d !== null);
  // A date alone on its line after the title is the signature of a plan printed on its own.
  const signed = lines
    .slice(titleLine + 1)
    .filter((l) => STANDALONE_DATE.test(l.match))
    .map((l) => dateIn(l.match))
    .find((d) => d !== null);
  const issuedOn = (stated ? dateIn(stated.match) : null) ?? dated.at(-1) ?? (titleLine < 0 ? null : (signed ?? null));
  const printed =
    (title ? periodIn(title.match) : null) ??
    lines.map((l) => periodOf(l.match)).find((p) => p && p.end - p.start <= 6);
  const period = printed ?? { start: 2021, end: 2025 };
  const docText =
    docLine && docNumber
      ? text.slice(docLine.start + (docNumber.index ?? 0), docLine.start + (docNumber.index ?? 0) + docNumber[0].length)
      : null;
  const number = docText?.replace(/\s+/g, '').replace(/^.*(文件|办公室|人民政府)/, '') ?? null;
  return {
    title: titleSpan ? text.slice(titleSpan.start, titleSpan.end).replace(/\s+/g, '') : null,
    titleSpan,
    titleLine: Math.max(0, titleLine),
    docNumber: number,
    issuedOn,
    period,
    draft: lines.slice(0, Math.max(titleLine + 3, 5)).some((l) => /征求意见稿|草案|送审稿|讨论稿/.test(l.match)),
  };
}
