import { targetScopes, type Comparator, type Department, type Plan, type Span, type Target } from '@kesu/schema';
import type { UnitChoice } from '../../api/plans';

/**
 * The reviewer's corrections to an imported plan, as pure functions: each returns a new plan and
 * leaves the one given unchanged. Targets keep the importer's contract: `text` is exactly the
 * source at `span`, so a target added or split still shows where it came from.
 */

const sameSpan = (a: Span | null, b: Span) => a !== null && a.start === b.start && a.end === b.end;
const within = (span: Span, outer: Span) => span.start >= outer.start && span.end <= outer.end;

/** The plan without target `index`, and without the issues raised about it alone. */
export function removeTarget(plan: Plan, index: number): Plan {
  const target = plan.targets[index];
  if (!target) return plan;
  return {
    ...plan,
    targets: plan.targets.filter((_, i) => i !== index),
    issues: plan.issues.filter((i) => !(i.code === 'target_without_indicator' && sameSpan(i.span, target.span))),
  };
}

// Where one clause of a target ends and the next begins: 、，；and the joining words 和 及 并.
const JOINS = /[、，,；;和及并]/g;

/**
 * Offsets in a target's text where it may be split: each joining character with text on both sides.
 * @example splitPoints('选派科技特派员100人以上、科技特派团5个以上') // [15]
 */
export function splitPoints(text: string): number[] {
  return [...text.matchAll(JOINS)].map((m) => m.index).filter((at) => at > 0 && at < text.length - 1);
}

const UNITS =
  '人次|平方米|平米|名|人|所|个|场|次|户|项|处|%|％|元|部|件|家|座|支|期|套|篇|台|门|种|班|届|批|天|小时|册|份';
const AMOUNT = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(万|亿)?\\s*(${UNITS})?`, 'g');

/**
 * The first amount in a text, 万/亿 multiplied out, with the unit printed after it; years and
 * dates (2025年, 12月) are no amounts.
 * @example readAmount('到2025年每年培育高素质农民2万人以上') // { value: 20000, unit: '人' }
 */
export function readAmount(text: string): { value: number; unit: string | null } | null {
  const folded = text.replace(/％/g, '%');
  for (const m of folded.matchAll(AMOUNT)) {
    const next = folded[(m.index as number) + (m[1] as string).length];
    if (next !== undefined && '年月日号'.includes(next)) continue;
    const scale = m[2] === '万' ? 10_000 : m[2] === '亿' ? 100_000_000 : 1;
    return { value: Number(m[1]) * scale, unit: m[3] ?? null };
  }
  return null;
}

function comparatorOf(text: string): Comparator {
  if (/以上|不少于|不低于|至少|达到|达|提升至/.test(text)) return '>=';
  if (/超过|超|余/.test(text)) return '>';
  if (/左右|约/.test(text)) return '~';
  return '=';
}

/** What a clause counts, as the importer words it: without the time phrase it opens with. */
const metricOf = (text: string) =>
  text.replace(/^(到20\d{2}年[，,]?|每年|力争|推动|全[区县州市省])/, '').slice(0, 60) || text.slice(0, 60);

/** The reading of a clause the reviewer marked as a target: its amount, comparator, scope and year. */
function readClause(text: string): Pick<Target, 'value' | 'unit' | 'comparator' | 'deadline' | 'metric' | 'scope'> {
  const amount = readAmount(text);
  const unit = amount?.unit === '％' ? '%' : (amount?.unit ?? '项');
  const year = /(20\d{2})年/.exec(text);
  const scope = /每年/.test(text) ? 'annual' : unit === '%' ? 'point_in_time' : 'cumulative';
  return {
    value: amount?.value ?? 1,
    unit,
    comparator: comparatorOf(text),
    deadline: year ? Number(year[1]) : null,
    metric: metricOf(text),
    scope,
  };
}

/** The section and task whose text holds a span, as the importer places its targets. */
function placeOf(plan: Plan, span: Span): Pick<Target, 'section' | 'task' | 'leadUnits'> {
  const s = plan.sections.findIndex((section) => section.kind !== 'other' && within(span, section.span));
  const section = plan.sections[s];
  const task = section?.tasks.find((t) => within(span, t.span));
  return {
    section: section ? s : null,
    task: task?.ordinal ?? null,
    leadUnits: [...(task?.leadUnits ?? section?.leadUnits ?? [])],
  };
}

/**
 * A target made from text the reviewer selected in the source: the text at its span, placed in
 * the task that holds it, with the amount, comparator, scope and year read from the words.
 * @example targetFromSelection(plan, source, { start: 120, end: 136 }).text === source.slice(120, 136)
 */
export function targetFromSelection(plan: Plan, source: string, span: Span): Target {
  const text = source.slice(span.start, span.end);
  return {
    ...readClause(text),
    ...placeOf(plan, span),
    text,
    valueMax: null,
    perUnit: null,
    indicator: null,
    span: { ...span },
  } as Target;
}

/** The plan with a target added where its text stands among the others; returns its index too. */
export function addTarget(plan: Plan, target: Target): { plan: Plan; index: number } {
  const after = plan.targets.findIndex((t) => t.span.start > target.span.start);
  const index = after < 0 ? plan.targets.length : after;
  return { plan: { ...plan, targets: [...plan.targets.slice(0, index), target, ...plan.targets.slice(index)] }, index };
}

/**
 * The plan with target `index` split at offset `at` of its text (a joining character, dropped):
 * two targets, each exactly its part of the source, each with the amount its part names.
 */
export function splitTarget(plan: Plan, index: number, at: number): Plan {
  const target = plan.targets[index];
  if (!target || !splitPoints(target.text).includes(at)) return plan;
  const part = (start: number, end: number): Target => {
    const text = target.text.slice(start, end);
    const amount = readAmount(text);
    return {
      ...target,
      text,
      metric: metricOf(text),
      value: amount?.value ?? target.value,
      valueMax: null,
      ...(amount?.unit && targetScopes[target.scope].actual !== 'done'
        ? { unit: amount.unit === '％' ? '%' : amount.unit }
        : {}),
      span: { start: target.span.start + start, end: target.span.start + end },
    } as Target;
  };
  const parts = [part(0, at), part(at + 1, target.text.length)];
  return { ...plan, targets: [...plan.targets.slice(0, index), ...parts, ...plan.targets.slice(index + 1)] };
}

/** The plan's unit table with a row for every chosen unit it does not list yet. */
function withUnits(plan: Plan, names: string[], choices: UnitChoice[]): Department[] {
  const known = new Set(plan.departments.map((d) => d.raw));
  const added = [...new Set(names)]
    .filter((name) => !known.has(name))
    .map((name) => choices.find((c) => c.raw === name))
    .filter((c): c is UnitChoice => c !== undefined)
    .map(({ raw, name, function: fn, region }) => ({ raw, name, function: fn, region }));
  return [...plan.departments, ...added];
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The plan with the lead and responsible units of task `t` of section `s` set: the targets that
 * followed the task's lead follow the new one, the task's no-lead issue goes once it has a lead,
 * and units chosen from the registry join the unit table.
 */
export function setTaskUnits(
  plan: Plan,
  s: number,
  t: number,
  lead: string[],
  responsible: string[],
  choices: UnitChoice[],
): Plan {
  const task = plan.sections[s]?.tasks[t];
  if (!task) return plan;
  const sections = plan.sections.map((section, i) =>
    i !== s
      ? section
      : {
          ...section,
          tasks: section.tasks.map((x, j) =>
            j === t ? { ...x, leadUnits: [...lead], responsibleUnits: [...responsible] } : x,
          ),
        },
  );
  const targets = plan.targets.map((target) =>
    target.section === s && target.task === task.ordinal && sameList(target.leadUnits, task.leadUnits)
      ? { ...target, leadUnits: [...lead] }
      : target,
  );
  const issues =
    lead.length > 0
      ? plan.issues.filter((i) => !(i.code === 'task_without_lead' && sameSpan(i.span, task.span)))
      : plan.issues;
  return { ...plan, sections, targets, issues, departments: withUnits(plan, [...lead, ...responsible], choices) };
}

/** The plan with the lead and responsible units of target `index` set; new units join the unit table. */
export function setTargetUnits(
  plan: Plan,
  index: number,
  lead: string[],
  responsible: string[],
  choices: UnitChoice[],
): Plan {
  if (!plan.targets[index]) return plan;
  const targets = plan.targets.map((target, i) =>
    i === index ? { ...target, leadUnits: [...lead], responsibleUnits: [...responsible] } : target,
  );
  return { ...plan, targets, departments: withUnits(plan, [...lead, ...responsible], choices) };
}
