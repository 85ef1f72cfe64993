import type { Comparator, LiteracyTarget, PlanPeriod, TargetScope } from '@kesu/schema';
import {
  absoluteUnit,
  CLAUSE_END,
  deadlineAt,
  pieces,
  SENTENCE_END,
  trimPiece,
  type FoundTarget,
  type Piece,
} from './clauses.js';
import { headlineLiteracy, LITERACY, literacyGoals, type LiteracyGoal } from './literacy.js';
import { findQuantities, type Quantity } from './quantities.js';

export type { FoundTarget } from './clauses.js';

/** Ranges inside quotation marks and title brackets: names, never targets. */
function quoted(s: string): Piece[] {
  const out: Piece[] = [];
  for (const m of s.matchAll(/“[^”]*”|"[^"]*"|《[^》]*》|「[^」]*」|‘[^’]*’|<[^>]*>/g)) {
    out.push({ start: m.index as number, end: (m.index as number) + m[0].length });
  }
  return out;
}

// Commendations and awards counted (表彰4个先进集体、10名先进个人): never goals.
const COMMENDATION = /先进集体|先进个人|先进单位|先进工作者|表彰|嘉奖|授予|一等奖|二等奖|三等奖|优秀奖|获奖/;
// Past results, baselines and reports of what was done: not goals.
const PAST =
  /已|去年|上年|今年以来|截至|截止|现有|共有|先后|近年来|过去|目前|同比|比上年|曾|获评|荣获|获得|入选|被评为|十三五/;
// Markers of a time before the plan: the rest of the sentence reports the past too.
const PAST_TIME = /去年|上年|今年以来|截至|截止|十三五|近年来|过去/;
// A paragraph that opens by looking back reports results, not goals.
const LOOKING_BACK = /^(回顾|十三五|“十三五”|过去五年|近年来|近五年)/;
// A count of the plan's own parts: 5项重点工程, 五大重点人群, 7个专项行动, 五项科学素质提升行动, 两类十项重点工作.
const PLAN_PARTS = '行动|工程|人群|任务|方面|层面|原则|环节|领域|体系|举措|工作|机制|行动计划|能力';
const STRUCTURAL_AFTER = new RegExp(
  String.raw`^([一二两三四五六七八九十\d]+[项个类大])?(重点|提升|专项|大)?(${PLAN_PARTS})` +
    String.raw`|^[\u4e00-\u9fa5]{0,6}(提升行动|重点工程|专项行动|重点人群)`,
);
// Party congresses and plenums: 十九届历次全会, 十届五次全会, 二十大.
const MEETING_AFTER = /^(历次)?(中)?全会|^(全体)?会议|^(党)?代表大会/;
// Slogans such as 四个面向, 五位一体: a hanzi count of a two-character term.
const SLOGAN = /^[\u4e00-\u9fa5]{2}(?![\u4e00-\u9fa5])|^[\u4e00-\u9fa5]{2}(要求|精神|理念|战略|意识|自信)/;
// Set phrases made of numerals: 千家万户, 千方百计.
const IDIOM = /千家万户|千方百计|千村万户|万众一心|百花齐放|千千万万|成千上万/g;
// The whole territory counted (全县24个乡镇): the scope of a goal, not the goal.
const TERRITORY_BEFORE = /全[县区市省州镇旗][^\d一二三四五六七八九十百]{0,2}$/;
const TERRITORY_AFTER = /^(乡镇|乡|镇|街道|社区|村|县|区|市州|市|旗|州)/;
// A comparator word a verb away from its number: 至少组织1次, 不少于开展.
const NEAR_COMPARATOR: Array<[RegExp, Comparator]> = [
  [/(不少于|至少|不低于|力争达到|达到)[\u4e00-\u9fa5]{1,6}$/, '>='],
  [/(超过)[\u4e00-\u9fa5]{1,6}$/, '>'],
];
const ANNUAL =
  /每年|年均|每一年|年度|(?<![\d〇零一二三四五六七八九十])年(接待|服务|培训|开展|举办|推出|组织|受益|发布|推送|访问)/;
const CUMULATIVE = /五年|十四五|期间|累计|共计|总计/;
// New additions count over the period, unless 每年 earlier in the sentence makes them yearly.
const NEW = /新增|新建|新培育|新认定|新命名/;
const LEVEL = /注册|人数|总数|总量|数量|规模|面积|覆盖率|比例|比率|普及率|达标率|率/;
const LEVEL_VERB = /^(达到|达|力争达到|提升至|提升到|提高至|提高到|增加到|增至|保持在)/;
const BUILD = /建成|建设|组建|打造|创建|培育|命名|建立|认定|评选|设立/;
const PEOPLE = /^(名|人|人次|位)$/;
const OWN_TIME = /(到|至)20\d{2}年|十四五|期间|五年/;
const CONDITION =
  /[\u4e00-\u9fa5]{0,4}[\d.]+[万亿]?[\u4e00-\u9fa5]?(以上|以下)的[\u4e00-\u9fa5]{0,4}(城市|县|区|学校|企业|社区|乡镇|村)/;
const PER_UNIT = /每(?!年)(校|所|个|名|位|人|户|村|班|家|期|学期|季度|月|周|学校|社区|乡镇|街道|单位)|人均/;
// 中小学配备1名科技副校长: equipping each unit of a kind is a per-unit goal.
const EQUIP = /(中小学|学校|社区|村|乡镇|街道|医院|企业)[^,]{0,6}配备(?=[\d一二两三四五六七八九十])/;
const MILESTONE = /(20\d{2})年(?:\d{1,2}月)?(?:底|末|年底)?(?:前|以前)[^,;。]*?(成立|建立|建成|出台|完成|组建)/;
// A title won by a date (计划到2024年建成全国科普示范区): a milestone too, though no 前 is printed.
const MILESTONE_TITLE =
  /(?:到|于)(20\d{2})年(?:底|末)?[^,;。]{0,4}(?:建成|创成|成功创建)(?:全国|国家级|省级)[^,;。\d]{0,10}示范(?:区|县|市|城市)/;
// The plan's own schedule (2025年底前完成评估) is not a goal of the plan.
const OWN_SCHEDULE = /评估|总结|验收|自查|考核|督查|报送/;
const MILESTONE_DATE = /(20\d{2})年(?:\d{1,2}月)?(?:底|末|年底)?(?:前|以前)/;
// The means of a goal (以6个片区中心为骨干, 采用三种语言), not the goal.
const MEANS_BEFORE = /(^|[^所可])以$/;

const PER_UNIT_STOP_WORDS =
  '至少|不少于|不低于|达到|举办|开展|组织|掌握|配备|培训|培育|培养|打造|创建|评选|选派|发展|覆盖|建成|建有|建立|建设|' +
  '组建|参加|参与|完成|安排|申报|带动|推出|播发|有';
const PER_UNIT_STOP = new RegExp(String.raw`^(${PER_UNIT_STOP_WORDS}|[\d一二两三四五六七八九十百,;。])`);

/** 每校每学期, 每名劳动力, 每个县（市、区）, 人均: the per-unit phrase of a clause, as printed. */
function perUnitPhrase(clause: string): { at: number; length: number } {
  const perHead = /人均/.exec(clause);
  const first = clause.search(/每(?!年)/);
  if (first < 0) return perHead ? { at: perHead.index, length: 2 } : { at: 0, length: 0 };
  let i = first;
  for (let steps = 0; i < clause.length && steps < 12; steps++) {
    if (i > first && PER_UNIT_STOP.test(clause.slice(i)) && clause[i] !== '每') break;
    if (clause[i] === '(') {
      const close = clause.indexOf(')', i);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    i++;
  }
  return { at: first, length: i - first };
}

function lastIndex(re: RegExp, s: string): number {
  let last = -1;
  for (const m of s.matchAll(new RegExp(re.source, 'g'))) last = m.index as number;
  return last;
}

/**
 * What kind of goal a number sets, in this order: per unit (每校, 人均, 中小学配备), annual
 * (每年, 年接待), explicit period counts (五年, 新增), levels to reach (达到, 注册, rates,
 * areas), stocks to build by a date (到2025年建成3个), and otherwise a count over the period.
 */
function scopeOf(
  clause: string,
  before: string,
  q: Quantity,
  deadline: number | null,
): { scope: TargetScope; perUnit: { at: number; length: number } | null } {
  if (PER_UNIT.test(clause)) return { scope: 'per_unit', perUnit: perUnitPhrase(clause) };
  // A goal for each unit that meets a condition: 常住人口100万人以上的城市至少…1座.
  const condition = CONDITION.exec(clause.slice(0, q.start));
  if (condition) return { scope: 'per_unit', perUnit: { at: condition.index, length: condition[0].length } };
  const equip = EQUIP.exec(clause);
  if (equip) return { scope: 'per_unit', perUnit: { at: equip.index, length: (equip[1] as string).length } };
  if (ANNUAL.test(clause)) return { scope: 'annual', perUnit: null };
  if (CUMULATIVE.test(clause)) return { scope: 'cumulative', perUnit: null };
  // 每年 earlier in the sentence carries over, unless a later time phrase (到2025年) replaces it.
  if (lastIndex(ANNUAL, before) > lastIndex(OWN_TIME, before) && !OWN_TIME.test(clause))
    return { scope: 'annual', perUnit: null };
  if (NEW.test(clause)) return { scope: 'cumulative', perUnit: null };
  const lead = clause.slice(Math.max(0, q.start - 6), q.start);
  const level =
    q.unit === '%' ||
    q.unit === '平米' ||
    q.unit === '平方米' ||
    LEVEL.test(clause) ||
    /(达到|达|提升至|提高到|增加到)$/.test(lead) ||
    LEVEL_VERB.test(clause.slice(q.start));
  // Facilities built by a date are a stock to reach; people cultivated are a count over time.
  const stock = BUILD.test(clause) && deadline !== null && !PEOPLE.test(q.unit);
  if (level || stock) return { scope: 'point_in_time', perUnit: null };
  return { scope: 'cumulative', perUnit: null };
}

/** Whether a number is a name, an ordinal, a structural count or too vague to be a goal. */
function excluded(clause: string, q: Quantity, quotes: Piece[], base: number): boolean {
  const start = base + q.start;
  if (quotes.some((r) => start >= r.start && start < r.end)) return true;
  if (clause[q.start - 1] === '第') return true;
  // Inside a bracket that notes an earlier value, e.g. （2020年为8650人）.
  const open = clause.lastIndexOf('(', q.start);
  if (open >= 0 && clause.indexOf(')', open) > q.start && /(19|20)\d{2}年/.test(clause.slice(open, q.start)))
    return true;
  if (STRUCTURAL_AFTER.test(clause.slice(q.end))) return true;
  const after = clause.slice(q.end);
  if (MEANS_BEFORE.test(clause.slice(0, q.start)) && /为/.test(after)) return true;
  if (MEETING_AFTER.test(after)) return true;
  if (q.hanzi && q.unit === '个' && q.comparator === '=' && SLOGAN.test(after)) return true;
  if (q.value === 0) return true;
  // A bare 万/千/百 in a campaign's name: 科普进万家, 惠千村.
  if (
    q.hanzi &&
    /^[万千百]$/.test(clause.slice(q.start, q.start + 1)) &&
    /(进|入|惠|走进|下)$/.test(clause.slice(0, q.start))
  )
    return true;
  // A condition of who a goal applies to, not the goal: 常住人口100万人以上的城市至少…1座.
  if (/^的[\u4e00-\u9fa5]{1,6}/.test(after) && findQuantities(after).length > 0) return true;
  if (q.hanzi && q.value < 2 && q.comparator === '=' && q.valueMax === null) return true;
  if (q.hanzi && q.unit === '届') return true;
  for (const idiom of clause.matchAll(IDIOM))
    if (q.start >= (idiom.index as number) && q.start < (idiom.index as number) + idiom[0].length) return true;
  if (TERRITORY_BEFORE.test(clause.slice(0, q.start)) && TERRITORY_AFTER.test(after)) return true;
  // An item in a list of named campaigns: 开展“…”、百场劳模事迹宣讲、巾帼建功等宣传活动.
  if (/、/.test(clause.slice(Math.max(0, q.start - 2), q.start)) && /等[^,，]{0,8}(活动|行动)/.test(after)) return true;
  return false;
}

/** The comparator of a number, looking a few words back when none stands right beside it. */
function comparatorNear(clause: string, q: Quantity): Comparator {
  if (q.comparator !== '=' || q.valueMax !== null) return q.comparator;
  const lead = clause.slice(Math.max(0, q.start - 10), q.start);
  return NEAR_COMPARATOR.find(([re]) => re.test(lead))?.[1] ?? '=';
}

/**
 * Splits a clause holding several coordinated goals (`选派…100人以上、科技特派团5个以上`);
 * when the counted noun comes after the last number (`2个区级、1个以上市级…工作室`) each goal
 * keeps the whole clause.
 */
function goalSpans(clause: string, base: number, qs: Quantity[]): Piece[] {
  const whole = { start: base, end: base + clause.length };
  if (qs.length < 2) return qs.map(() => whole);
  const cuts: number[] = [];
  for (let i = 0; i + 1 < qs.length; i++) {
    const between = clause.slice((qs[i] as Quantity).end, (qs[i + 1] as Quantity).start);
    const dun = between.indexOf('、');
    if (dun < 0) return qs.map(() => whole);
    cuts.push((qs[i] as Quantity).end + dun);
  }
  // 建成2个区级、1个以上市级…工作室: short pieces before and after the first numbers share the last noun.
  const sharedNoun = qs
    .slice(0, -1)
    .every((q, i) => (cuts[i] as number) - q.end <= 3 && q.start - (i === 0 ? 0 : (cuts[i - 1] as number) + 1) <= 3);
  if (sharedNoun) return qs.map(() => whole);
  return qs.map((_, i) => ({
    start: base + (i === 0 ? 0 : (cuts[i - 1] as number) + 1),
    end: base + (cuts[i] ?? clause.length),
  }));
}

export interface FoundTargets {
  targets: FoundTarget[];
  literacy: LiteracyTarget | null;
}

/**
 * Reads every quantitative goal of a plan's body: each clause with a counted number that is
 * not a name, an ordinal, a structural count, a past result or a baseline; dated one-off
 * establishments as milestones; and the headline literacy rate.
 */
export function findTargets(match: string, bodyStart: number, period: PlanPeriod): FoundTargets {
  const targets: FoundTarget[] = [];
  const goals: LiteracyGoal[] = [];
  for (const sentence of pieces(match.slice(bodyStart), bodyStart, SENTENCE_END)) {
    const s = match.slice(sentence.start, sentence.end);
    const rates = literacyGoals(match, sentence, period);
    goals.push(...rates);
    targets.push(...rates.map((g) => g.target));
    const quotes = quoted(s);
    const paragraphStart = match.lastIndexOf('\n', sentence.start - 1) + 1;
    if (LOOKING_BACK.test(match.slice(paragraphStart, paragraphStart + 8).trimStart())) continue;
    let past = false;
    for (const clause of pieces(s, sentence.start, CLAUSE_END)) {
      const c = match.slice(clause.start, clause.end);
      // Once a sentence reports a past time or result, its following clauses do too.
      const pastHere = PAST.test(c);
      past ||= PAST_TIME.test(c) || (pastHere && /\d/.test(c));
      const literacyClause =
        LITERACY.test(c) || rates.some((g) => g.target.span.start < clause.end && g.target.span.end > clause.start);
      if (past || pastHere || literacyClause || COMMENDATION.test(c)) continue;
      // A baseline year outside brackets makes the clause a report; one inside, e.g. （2020年为8650人）, only annotates it.
      const baseline = /(20\d{2})年/.exec(c.replace(/\([^)]*\)/g, ''));
      if (baseline && Number(baseline[1]) < period.start) continue;
      // 每年 carries over the clauses joined by commas, not across the items of a ；-list.
      const before = s.slice(s.lastIndexOf(';', clause.start - sentence.start) + 1, clause.start - sentence.start);
      const milestone = OWN_SCHEDULE.test(c) ? null : (MILESTONE.exec(c) ?? MILESTONE_TITLE.exec(c));
      const qs = findQuantities(c).filter((q) => !excluded(c, q, quotes, clause.start - sentence.start));
      if (OWN_SCHEDULE.test(c) && MILESTONE_DATE.test(c) && qs.length === 0) continue;
      if (milestone) {
        const q = qs[0];
        targets.push({
          span: trimPiece(match, clause),
          unitSpan: q ? absoluteUnit(q, clause.start) : null,
          value: q?.value ?? 1,
          valueMax: q?.valueMax ?? null,
          unit: q?.unit ?? null,
          comparator: q?.comparator ?? '=',
          scope: 'milestone',
          perUnit: null,
          deadline: Number(milestone[1]),
          literacy: false,
          restatedAt: [],
        });
        continue;
      }
      const spans = goalSpans(c, clause.start, qs);
      qs.forEach((q, i) => {
        const deadline = deadlineAt(s, clause.start - sentence.start + q.start, period);
        const read = scopeOf(c, before, q, deadline);
        // A headcount after 其中 is part of the level it details (注册…700万人，其中…210万人以上).
        const previous = targets.at(-1);
        const partOf =
          /^其中/.test(c.trimStart()) &&
          previous &&
          previous.span.start >= sentence.start &&
          previous.scope === 'point_in_time';
        const { scope, perUnit } = partOf ? { scope: 'point_in_time' as const, perUnit: null } : read;
        const perUnitSpan = perUnit
          ? { start: clause.start + perUnit.at, end: clause.start + perUnit.at + perUnit.length }
          : null;
        targets.push({
          span: trimPiece(match, spans[i] as Piece),
          unitSpan: absoluteUnit(q, clause.start),
          value: q.value,
          valueMax: q.valueMax,
          unit: q.unit,
          comparator: comparatorNear(c, q),
          scope,
          perUnit: perUnitSpan,
          deadline,
          literacy: false,
          restatedAt: [],
        });
      });
    }
  }
  return { targets, literacy: headlineLiteracy(goals, period) };
}
