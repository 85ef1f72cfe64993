import { COLLECTIVE, formatPath, type ErrorDetail, type Plan } from '@kesu/schema';

/** What a reviewed plan is checked against: the registry's functions and regions, and its source text. */
export interface PlanCheckContext {
  functions: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  /** The normalised source the plan's spans point into ('' when the plan has none stored). */
  source: string;
}

type Path = Array<string | number>;

const detail = (path: Path, code: string, message: string, messageEn: string): ErrorDetail => ({
  path: formatPath(['plan', ...path]),
  code,
  message,
  messageEn,
});

/** Each unit list of the plan with where it sits: sections, tasks and targets. */
function unitLists(plan: Plan): Array<[Path, string[]]> {
  const lists: Array<[Path, string[]]> = [];
  plan.sections.forEach((section, s) => {
    lists.push(
      [['sections', s, 'leadUnits'], section.leadUnits],
      [['sections', s, 'responsibleUnits'], section.responsibleUnits],
    );
    section.tasks.forEach((task, t) => {
      lists.push(
        [['sections', s, 'tasks', t, 'leadUnits'], task.leadUnits],
        [['sections', s, 'tasks', t, 'responsibleUnits'], task.responsibleUnits],
      );
    });
  });
  plan.targets.forEach((target, i) => {
    lists.push(
      [['targets', i, 'leadUnits'], target.leadUnits],
      [['targets', i, 'responsibleUnits'], target.responsibleUnits ?? []],
    );
  });
  return lists;
}

function checkDepartments(plan: Plan, context: PlanCheckContext): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const seen = new Set<string>();
  plan.departments.forEach((d, i) => {
    if (seen.has(d.raw))
      out.push(
        detail(
          ['departments', i, 'raw'],
          'duplicate_unit',
          `单位「${d.raw}」在单位表中出现了两次`,
          `unit "${d.raw}" is listed twice in the unit table`,
        ),
      );
    seen.add(d.raw);
    if (d.function !== null && d.function !== COLLECTIVE && !context.functions.has(d.function)) {
      out.push(
        detail(
          ['departments', i, 'function'],
          'unknown_function',
          `单位「${d.raw}」的部门职能「${d.function}」不在部门登记表中`,
          `unit "${d.raw}": function "${d.function}" is not in the department registry`,
        ),
      );
    }
    if (d.region !== null && !context.regions.has(d.region)) {
      out.push(
        detail(
          ['departments', i, 'region'],
          'unknown_region',
          `单位「${d.raw}」的行政区划代码「${d.region}」不存在`,
          `unit "${d.raw}": region code "${d.region}" does not exist`,
        ),
      );
    }
  });
  return out;
}

function checkUnits(plan: Plan): ErrorDetail[] {
  const known = new Set(plan.departments.map((d) => d.raw));
  return unitLists(plan).flatMap(([path, names]) =>
    names.flatMap((name, k) =>
      known.has(name)
        ? []
        : [
            detail(
              [...path, k],
              'unknown_unit',
              `单位「${name}」不在方案的单位表中，请从部门登记表中选择`,
              `unit "${name}" is not in the plan's unit table; choose it from the department registry`,
            ),
          ],
    ),
  );
}

function checkTargets(plan: Plan, context: PlanCheckContext): ErrorDetail[] {
  return plan.targets.flatMap((target, i): ErrorDetail[] => {
    const out: ErrorDetail[] = [];
    const section = target.section === null ? null : plan.sections[target.section];
    if (target.section !== null && !section)
      out.push(
        detail(
          ['targets', i, 'section'],
          'unknown_section',
          `目标「${target.text}」所属的章节不存在`,
          `target "${target.text}": its section does not exist`,
        ),
      );
    if (target.task !== null && section && !section.tasks.some((t) => t.ordinal === target.task)) {
      out.push(
        detail(
          ['targets', i, 'task'],
          'unknown_task',
          `目标「${target.text}」所属的任务「${target.task}」不在该章节中`,
          `target "${target.text}": task "${target.task}" is not in its section`,
        ),
      );
    }
    // Spans let the reviewer see where a target came from; one that points elsewhere misleads.
    if (context.source !== '' && context.source.slice(target.span.start, target.span.end) !== target.text) {
      out.push(
        detail(
          ['targets', i, 'span'],
          'span_mismatch',
          `目标「${target.text}」与原文中标注的位置不符`,
          `target "${target.text}" does not match the source text at its position`,
        ),
      );
    }
    return out;
  });
}

/**
 * What is wrong with a reviewed plan beyond its shape: units its tasks and targets name that its
 * unit table lacks, functions and regions the registry does not know, targets pointing at a
 * section or task that is not there or at source text that is not theirs. Empty when it is sound.
 * @example
 * checkPlan(plan, { functions, regions, source })
 * // [{ path: 'plan.sections[0].tasks[1].leadUnits[0]', code: 'unknown_unit', … }]
 */
export function checkPlan(plan: Plan, context: PlanCheckContext): ErrorDetail[] {
  return [...checkDepartments(plan, context), ...checkUnits(plan), ...checkTargets(plan, context)];
}
