import type { ImportIssue, Plan, Section, Span, Target, Task } from '@kesu/schema';
import { attachUnits, type Units } from '../units/attach-units.js';
import { normaliseDepartments } from '../units/departments.js';
import { periodIn, readHeader } from '../header/header.js';
import { localIndicatorCode, mapIndicator } from '../targets/indicators.js';
import { issue, reject, type Rejection } from '../issues.js';
import { splitLines, type Line } from '../text/lines.js';
import { foldWidth, matchingForm, normalise } from '../normalise/normalise.js';
import { foreignPlan } from '../header/other-regions.js';
import { buildOutline, type OutlineSection, type OutlineTask } from '../outline/outline.js';
import { quotedPlans } from '../header/quoted-plans.js';
import { detectRegion, planRegion } from '../header/region.js';
import type { PreparedRegistry } from '../registry.js';
import { mergeRestatements } from '../targets/restatements.js';
import { findTargets, type FoundTarget } from '../targets/targets.js';
import { findSummaryTable, type TableRow } from '../units/summary-table.js';
import { FIRST_LISTED_LEADS, findUnitNotes, type UnitMention } from '../units/unit-notes.js';

export type ParseResult = { success: true; plan: Plan; text: string } | { success: false; rejection: Rejection };

const TARGET_GROUPS: Array<[RegExp, Section['targetGroup']]> = [
  [/青少年/, 'youth'],
  [/农民|农牧民/, 'farmers'],
  [/城市居民|城镇居民|社区居民/, 'urban_residents'],
  [/产业工人|职工/, 'workers'],
  [/老年人/, 'elderly'],
  [/领导干部|公务员/, 'cadres'],
];

const names = (units: UnitMention[]) => units.map((u) => u.name);
const lastEnd = (lines: Line[], endLine: number) => (lines[endLine - 1] as Line).end;

/** A task's title: its text up to the first 。, without the numbering. */
function taskTitle(text: string, task: OutlineTask): string {
  const from = task.start + task.markerLength;
  const end = text.indexOf('\n', from);
  const line = text.slice(from, end < 0 || end > task.end ? task.end : end);
  const stop = line.search(/。/);
  return (stop >= 0 ? line.slice(0, stop) : line)
    .replace(/[（(〔【[][^）)〕】\]]*(牵头|责任|配合)[^）)〕】\]]*[）)〕】\]]$/, '')
    .trim();
}

/** A heading as printed, without a unit note or the text that follows it on the line. */
function headingText(line: string): string {
  const stop = line.search(/[。（(〔【[]/);
  return (stop >= 0 ? line.slice(0, stop) : line).trim();
}

function buildSection(
  text: string,
  lines: Line[],
  section: OutlineSection,
  units: ReturnType<typeof attachUnits>,
): Section {
  const tasks: Task[] = section.tasks.map((task, k) => ({
    ordinal: task.ordinal,
    title: taskTitle(text, task) || task.ordinal,
    leadUnits: names((units.tasks[k] as Units).lead),
    responsibleUnits: names((units.tasks[k] as Units).responsible),
    span: { start: task.start, end: task.end },
  }));
  return {
    kind: section.kind,
    ordinal: section.ordinal,
    title: headingText(text.slice(section.line.start + (section.marker?.length ?? 0), section.line.end)),
    targetGroup: section.kind === 'action' ? (TARGET_GROUPS.find(([re]) => re.test(section.title))?.[1] ?? null) : null,
    leadUnits: names(units.section.lead),
    responsibleUnits: names(units.section.responsible),
    tasks,
    span: { start: section.line.start, end: lastEnd(lines, section.endLine) },
  };
}

function within(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Units from a task breakdown table go to the tasks of the same title that print none. */
function applySummaryTable(sections: Section[], rows: TableRow[]): void {
  if (rows.length === 0) return;
  for (const task of sections.flatMap((s) => s.tasks)) {
    if (task.leadUnits.length > 0 || task.responsibleUnits.length > 0) continue;
    const title = squeeze(task.title);
    const row =
      rows.find((r) => squeeze(r.task) === title) ??
      rows.find((r) => title.startsWith(squeeze(r.task)) || squeeze(r.task).startsWith(title));
    if (!row) continue;
    task.leadUnits = row.lead.map((u) => u.name);
    task.responsibleUnits = row.responsible.map((u) => u.name);
  }
}

/** A plan that says 排在第一位的为牵头单位 once means it for every task: a task naming no lead is led by its first unit. */
function applyFirstListedLeads(sections: Section[], match: string): void {
  if (!FIRST_LISTED_LEADS.test(match)) return;
  for (const task of sections.flatMap((s) => s.tasks)) {
    if (task.leadUnits.length > 0 || task.responsibleUnits.length === 0) continue;
    const [first, ...rest] = task.responsibleUnits;
    task.leadUnits = [first as string];
    task.responsibleUnits = rest;
  }
}

/** The reviewer's note for a task without a lead, naming what the task does list. */
function taskWithoutLead(task: Task): ImportIssue {
  const listed = task.responsibleUnits.join('、');
  return issue(
    'task_without_lead',
    task.span,
    { task: task.title.slice(0, 20), listed: listed ? `（只列了责任单位：${listed}）` : '' },
    { task: task.title.slice(0, 20), listed: listed ? ` (only responsible units are listed: ${listed})` : '' },
  );
}

/** The title of the plan a text reports on: the first quoted plan title that is not the national 纲要. */
function quotedTitle(doc: { text: string; match: string }): string | null {
  const found = quotedPlans(doc.match);
  const chosen = found.find((f) => !f.national) ?? found[0];
  return chosen ? doc.text.slice(chosen.start, chosen.end) : null;
}

/** Why a text does not look like a science-literacy plan at all, or null when it does. */
function notAPlan(match: string): [string, string] | null {
  const mentions = (match.match(/科学素质|科普/g) ?? []).length;
  if (mentions < 3) return ['全文很少提到科学素质或科普', 'it hardly mentions science literacy or popularisation'];
  if (!/方案|规划|纲要|计划/.test(match)) return ['没有方案、规划或纲要字样', 'it never calls itself a plan'];
  return null;
}

/**
 * Reads a decoded plan document into a Plan. Pure: the registry comes in, nothing is read or
 * written. Returns a rejection for text that is not a plan.
 */
export function parsePlan(raw: string, registry: PreparedRegistry): ParseResult {
  const doc = normalise(raw);
  if (doc.text.trim() === '') return { success: false, rejection: reject('empty') };
  const notPlan = notAPlan(doc.match);
  if (notPlan)
    return { success: false, rejection: reject('not_a_plan', { detail: notPlan[0] }, { detail: notPlan[1] }) };
  const lines = splitLines(doc);
  const header = readHeader(lines, doc.text);
  const issues: ImportIssue[] = [];
  const quoted = header.title ? null : quotedTitle(doc);
  const title = header.title ?? quoted;
  if (!title) issues.push(issue('title_not_found', null));
  const bodyStart = header.title ? header.titleLine + 1 : 0;
  // Annexes (附件: a task breakdown, a roster) repeat the body; only their unit table is read.
  const annex = lines.findIndex((l, i) => i > bodyStart && /^附件\s*\d*(:|$)/.test(l.match));
  const body = annex < 0 ? lines : lines.slice(0, annex);
  const bodyEnd = annex < 0 ? doc.text.length : (lines[annex] as Line).start;

  const titleMatch = header.titleSpan
    ? doc.match.slice(header.titleSpan.start, header.titleSpan.end)
    : matchingForm(title ?? '');
  const region = detectRegion(registry.regions, titleMatch, doc.match);
  if (!region) issues.push(issue('region_not_found', null));
  const plannedRegion = region ? planRegion(registry.regions, region) : null;

  const notes = findUnitNotes(body, doc.text, doc.match);
  const sections: Section[] = [];
  for (const chapter of buildOutline(doc.match, body, bodyStart)) {
    for (const outlined of chapter.sections) {
      const units = attachUnits(outlined, lines, notes);
      if (outlined.kind === 'other' && !units.hasNotes) continue;
      sections.push(buildSection(doc.text, body, outlined, units));
    }
  }
  applySummaryTable(sections, findSummaryTable(lines, doc.text));
  applyFirstListedLeads(sections, doc.match);
  if (sections.length === 0) issues.push(issue('no_sections', null));
  if (notes.length === 0) issues.push(issue('no_units', null));
  // A news report or 解读 names a plan's goals but not its tasks and units: say so first.
  const taskCount = sections.reduce((n, s) => n + s.tasks.length, 0);
  if (taskCount < 3 && notes.length === 0) issues.unshift(issue('looks_like_news', null, { tasks: String(taskCount) }));
  for (const section of sections) {
    if (section.kind === 'other') continue;
    for (const task of section.tasks) if (task.leadUnits.length === 0) issues.push(taskWithoutLead(task));
  }

  // A page that runs on into another region's report: only the text before it is this plan's.
  const foreign = region ? foreignPlan(registry.regions, doc.match, region) : null;
  if (foreign && region)
    issues.push(
      issue(
        'several_regions',
        { start: foreign.at, end: foreign.at },
        { region: region.name, other: foreign.region.name },
      ),
    );
  const found = findTargets(doc.match.slice(0, foreign ? Math.min(foreign.at, bodyEnd) : bodyEnd), 0, header.period);
  if (!found.literacy) issues.push(issue('no_literacy_target', null));
  const taskOf = (t: FoundTarget) => {
    const section = sections.findIndex((s) => within(t.span, s.span));
    const task = sections[section]?.tasks.find((k) => within(t.span, k.span));
    return section < 0 ? null : `${section}/${task?.ordinal ?? ''}`;
  };
  const targets = mergeRestatements(found.targets, doc.match, taskOf).map((t, i) =>
    placeTarget(doc, t, i, sections, registry, issues),
  );

  const printed = sections.flatMap((s) => [
    ...s.leadUnits,
    ...s.responsibleUnits,
    ...s.tasks.flatMap((t) => [...t.leadUnits, ...t.responsibleUnits]),
  ]);
  const departments = normaliseDepartments(printed, registry.departments, plannedRegion);
  for (const d of departments) if (d.function === null) issues.push(issue('unit_unresolved', null, { unit: d.raw }));

  const plan: Plan = {
    region: plannedRegion ?? {
      name: '未识别',
      short: '未识别',
      level: 'county',
      province: '未识别',
      parent: null,
      code: null,
    },
    title: title ?? '未识别的方案',
    docNumber: header.docNumber,
    issuedOn: header.issuedOn,
    period: (quoted ? periodIn(matchingForm(quoted)) : null) ?? header.period,
    draft: header.draft,
    literacyTarget: found.literacy,
    sections,
    targets,
    departments,
    issues,
  };
  return { success: true, plan, text: doc.text };
}

function placeTarget(
  doc: { text: string; match: string },
  found: FoundTarget,
  index: number,
  sections: Section[],
  registry: PreparedRegistry,
  issues: ImportIssue[],
): Target {
  // A target stated in a news lead and again in the body belongs where the body puts it.
  const placed =
    [found.span, ...found.restatedAt].find((span) => sections.some((s) => within(span, s.span))) ?? found.span;
  const sectionIndex = found.literacy ? -1 : sections.findIndex((s) => within(placed, s.span));
  const section = sections[sectionIndex];
  const task = section?.tasks.find((t) => within(placed, t.span));
  const text = doc.text.slice(found.span.start, found.span.end);
  const matchText = doc.match.slice(found.span.start, found.span.end);
  const indicator = found.literacy
    ? 'science_literacy_rate'
    : (mapIndicator(registry.indicators, matchText, found.unit)?.code ?? null);
  if (!indicator) issues.push(issue('target_without_indicator', found.span, { target: text.slice(0, 30) }));
  const base = {
    text,
    metric: text.replace(/^(到20\d{2}年|每年|力争|推动|全[区县州市省])/, '').slice(0, 60) || text,
    value: found.value,
    valueMax: found.valueMax,
    comparator: found.comparator,
    deadline: found.deadline,
    section: section ? sectionIndex : null,
    task: task?.ordinal ?? null,
    leadUnits: found.literacy ? [] : (task?.leadUnits ?? section?.leadUnits ?? []),
    indicator: indicator ?? localIndicatorCode(index),
    span: found.span,
    ...(found.restatedAt.length > 0 ? { restatedAt: found.restatedAt } : {}),
  };
  // The unit as printed (traditional characters stay), with full-width forms folded: ％ → %.
  const printedUnit = found.unitSpan ? foldWidth(doc.text.slice(found.unitSpan.start, found.unitSpan.end)) : found.unit;
  const unit = printedUnit ?? '项';
  switch (found.scope) {
    case 'per_unit':
      return {
        ...base,
        unit,
        scope: 'per_unit',
        perUnit: found.perUnit ? doc.text.slice(found.perUnit.start, found.perUnit.end) || '每' : '每',
      };
    case 'milestone':
      return { ...base, unit: printedUnit, scope: 'milestone', perUnit: null };
    default:
      return { ...base, unit, scope: found.scope, perUnit: null };
  }
}
