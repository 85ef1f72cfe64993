import {
  COLLECTIVE,
  describeTarget,
  FormDefinition,
  isLongRange,
  targetScopes,
  type FieldInput,
  type Indicator,
  type IndicatorCatalog,
  type PeriodKind,
  type Plan,
  type Target,
} from '@kesu/schema';
import { targetFieldNames, type FieldName } from './field-label.js';

const PERIOD_NAMES: Record<PeriodKind, string> = { year: '年度', half: '半年', quarter: '季度', month: '月度' };

/** The printed unit names of a plan that mean this department: the same name, or the same function. */
function namesOf(plan: Plan, department: string): Set<string> {
  const fn = plan.departments.find((d) => d.raw === department || d.name === department)?.function ?? department;
  const names = plan.departments
    .filter(
      (d) => d.raw === department || d.name === department || (fn !== COLLECTIVE && fn !== null && d.function === fn),
    )
    .map((d) => d.raw);
  return new Set([department, ...names]);
}

/**
 * The fields for a target: what to report under a short name (`name`), in the target's unit,
 * with the target and its sentence as help, each naming the target it reports (`number`, its
 * position in the plan). A milestone's yes/no and a per-unit share are the target's own
 * measures, so only the amounts also report the indicator.
 */
function targetFields(target: Target, number: number, id: string, name: FieldName): FieldInput[] {
  const help = `目标：${describeTarget(target).zh}。原文：“${target.text}”`;
  const binding = target.indicator ? { indicator: target.indicator } : undefined;
  const base = { ...name, help, target: number, ...(binding ? { binding } : {}) };
  const { actual } = targetScopes[target.scope];
  switch (actual) {
    case 'done':
      return [
        {
          id: `${id}_done`,
          type: 'yes_no',
          label: `是否已完成：${target.metric}`,
          help,
          required: true,
          target: number,
        },
        { id: `${id}_date`, type: 'date', label: '完成日期', showIf: `${id}_done == true` },
      ];
    case 'share_of_units': {
      const label = `${name.label}（达标${target.perUnit ?? '单元'}占比）`;
      return [{ id, type: 'percent', label, help, target: number, unit: '%' }];
    }
    case 'amount':
      if (target.unit === '%') return [{ ...base, id, type: 'percent', unit: '%' }];
      if (target.unit === '元') return [{ ...base, id, type: 'decimal', unit: '元', scale: 2 }];
      return [{ ...base, id, type: 'integer', unit: target.unit ?? '' }];
    default:
      return actual satisfies never;
  }
}

function catalogField(indicator: Indicator, id: string): FieldInput {
  const common = {
    id,
    label: indicator.nameZh,
    labelEn: indicator.nameEn,
    unit: indicator.unit,
    help: indicator.descriptionZh.slice(0, 200),
    binding: { indicator: indicator.code },
  };
  if (indicator.kind === 'rate' || indicator.unit === '%') return { ...common, type: 'percent' };
  if (indicator.unit === '元' || indicator.unit === '万元') return { ...common, type: 'decimal', scale: 2 };
  return { ...common, type: 'integer' };
}

/**
 * A draft reporting form for one department of a plan: a section per task it leads or shares,
 * a field per target of the term that task carries (bound to the target's indicator; a 2035 goal
 * is for a later term), a progress note per
 * task, and the catalog indicators such departments usually report.
 * @example generateForm(plan, '区教育局', 'quarter', catalog, usual)
 */
export function generateForm(
  plan: Plan,
  department: string,
  periodKind: PeriodKind,
  catalog: IndicatorCatalog,
  usual: Indicator[],
): FormDefinition {
  const names = namesOf(plan, department);
  const fieldNames = targetFieldNames(plan.targets, catalog);
  const fieldsOf = (target: Target, k: number, id: string) => {
    const n = plan.targets.indexOf(target);
    return targetFields(target, n + 1, `${id}_g${k + 1}`, fieldNames[n] as FieldName);
  };
  const sections: Array<{ id: string; title: string; description: string; fields: FieldInput[] }> = [];
  const bound = new Set<string>();
  plan.sections.forEach((section, s) => {
    section.tasks.forEach((task, t) => {
      const leads = task.leadUnits.some((u) => names.has(u));
      const shares = task.responsibleUnits.some((u) => names.has(u));
      if (!leads && !shares) return;
      const id = `s${s + 1}t${t + 1}`;
      const targets = plan.targets.filter(
        (target) => target.section === s && target.task === task.ordinal && !isLongRange(target, plan.period),
      );
      const fields = targets.flatMap((target, k) => fieldsOf(target, k, id));
      for (const target of targets) if (target.indicator) bound.add(target.indicator);
      fields.push({
        id: `${id}_note`,
        type: 'long_text',
        label: '工作进展情况',
        help: '简要说明本期开展的工作、取得的成效和存在的问题',
        required: true,
        maxLength: 2000,
      });
      sections.push({
        id,
        title: `${section.ordinal}${task.ordinal} ${task.title}`.slice(0, 200),
        description: `${section.title} · ${leads ? '牵头' : '配合'}`,
        fields,
      });
    });
  });
  // A target the reviewer gave units of its own reaches those units, whatever task it sits in.
  const reported = new Set(
    sections.flatMap((section) =>
      section.fields.flatMap((f) => ('target' in f && f.target !== undefined ? [f.target] : [])),
    ),
  );
  const own = plan.targets.filter(
    (target, k) =>
      !reported.has(k + 1) &&
      !isLongRange(target, plan.period) &&
      [...target.leadUnits, ...(target.responsibleUnits ?? [])].some((u) => names.has(u)),
  );
  if (own.length > 0) {
    for (const target of own) if (target.indicator) bound.add(target.indicator);
    const fields = own.flatMap((target, k) => fieldsOf(target, k, 'own'));
    sections.push({
      id: 'own',
      title: '本单位负责的方案目标',
      description: '方案中指定由本单位牵头或参与的目标',
      fields,
    });
  }
  const extra = usual.filter((i) => !bound.has(i.code));
  if (extra.length > 0) {
    sections.push({
      id: 'common',
      title: '常规统计指标',
      description: '本类部门通常报送的科普统计指标',
      fields: extra.map((i, k) => catalogField(i, `c${k + 1}`)),
    });
  }
  return FormDefinition.parse({
    title: `${plan.region.short}${department}${PERIOD_NAMES[periodKind]}科学素质工作报表`.slice(0, 200),
    periodKind,
    sections:
      sections.length > 0
        ? sections
        : [
            {
              id: 'general',
              title: '工作进展',
              fields: [{ id: 'note', type: 'long_text', label: '工作进展情况', required: true }],
            },
          ],
    rules: [],
  });
}

/**
 * The catalog indicators a department function is usually asked for: those its units' targets
 * measure across every stored plan, most frequent first.
 */
export function usualIndicators(plans: Plan[], fn: string | null, catalog: Indicator[], max = 8): Indicator[] {
  if (fn === null || fn === COLLECTIVE) return [];
  const counts = new Map<string, number>();
  for (const plan of plans) {
    const names = new Set(plan.departments.filter((d) => d.function === fn).map((d) => d.raw));
    for (const target of plan.targets)
      if (target.indicator && target.leadUnits.some((u) => names.has(u)))
        counts.set(target.indicator, (counts.get(target.indicator) ?? 0) + 1);
  }
  const byCode = new Map(catalog.map((i) => [i.code, i]));
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([code]) => byCode.get(code))
    .filter((i): i is Indicator => i !== undefined)
    .slice(0, max);
}
