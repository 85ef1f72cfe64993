import {
  COLLECTIVE,
  targetScopes,
  type Department,
  type Plan,
  type Region,
  type Target,
  type TargetScope,
} from '@kesu/schema';
import { LITERACY } from './anchors.js';
import { departmentName, type ReportingFunction } from './departments.js';
import { renderPlan } from '@kesu/plans';
import { templateFor, type PlanTemplate, type ReviewedTarget } from './plan-templates.js';
import { hash32, Random } from './random.js';
import { LEVEL_WEIGHT, type RegionProfile } from './region-profile.js';

/** What copying a seed plan to a region needs besides the region. */
export interface PlanContext {
  seed: number;
  /** Appended to the plan's title (（演示） for the demo). */
  titleMark: string;
  templates: readonly PlanTemplate[];
  /** The function of every unit printed in the seed plans (`collective` for 各成员单位). */
  unitFunctions: ReadonlyMap<string, string>;
  /** Each function's registry aliases, longest first. */
  aliases: ReadonlyMap<string, readonly string[]>;
  reporting: ReadonlyMap<string, ReportingFunction>;
}

/** A region's plan and the document text its spans point into. */
export interface SynthPlan {
  plan: Plan;
  text: string;
}

/** A target before the document is written, so without its span. */
type Unplaced<T> = T extends unknown ? Omit<T, 'span'> : never;

const COMPARATOR_WORDS: Record<Target['comparator'], string> = { '>=': '不少于', '>': '超过', '~': '约', '=': '达到' };

/** Rounded the way plans print targets: whole numbers under 10, two significant digits above. */
function printable(x: number): number {
  if (x < 10) return Math.max(1, Math.round(x));
  const step = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.round(x / step) * step;
}

const show = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A unit of the template as the same department of this region is called. */
function renameUnit(raw: string, region: Region, context: PlanContext): string {
  const fn = context.unitFunctions.get(raw);
  if (fn === undefined || fn === COLLECTIVE) return raw;
  const reporting = context.reporting.get(fn);
  if (reporting) return departmentName(region, reporting);
  const alias = context.aliases.get(fn)?.find((a) => raw.endsWith(a));
  return alias ? `${region.name}${alias}` : raw;
}

/** Rewrites the template region's names in a text to this region's. */
function relocate(text: string, template: PlanTemplate, region: Region): string {
  return template.placeNames.reduce(
    (t, name) => t.replaceAll(name, name === template.plan.region.name ? region.name : region.short),
    text,
  );
}

function targetText(t: ReviewedTarget, metric: string, value: number, valueMax: number | null, end: number): string {
  const amount = `${show(value)}${valueMax !== null ? `—${show(valueMax)}` : ''}${t.unit ?? ''}`;
  const phrase = `${metric}${COMPARATOR_WORDS[t.comparator]}${amount}`;
  return SCOPE_WORDS[t.scope]({ phrase, metric, year: t.deadline ?? end });
}

/** How a plan words a target of each scope. */
const SCOPE_WORDS: Record<TargetScope, (w: { phrase: string; metric: string; year: number }) => string> = {
  annual: ({ phrase }) => `每年${phrase}`,
  cumulative: ({ phrase }) => `累计${phrase}`,
  point_in_time: ({ phrase, year }) => `到${year}年，${phrase}`,
  per_unit: ({ phrase }) => phrase,
  milestone: ({ metric, year }) => `${year}年底前完成${metric}`,
};

/** A template target for this region: counts scaled to its size, rates and per-unit values kept. */
function copyTarget(
  t: ReviewedTarget,
  k: number,
  template: PlanTemplate,
  profile: RegionProfile,
  factor: number,
  rename: (u: string) => string,
): Unplaced<Target> {
  const indicator = template.indicators[k] ?? null;
  const keep = t.unit === '%' || targetScopes[t.scope].actual !== 'amount';
  let value = keep ? t.value : printable(t.value * factor);
  if (indicator?.code === LITERACY) value = profile.literacy.target;
  const valueMax = t.valueMax === null ? null : Math.max(value, keep ? t.valueMax : printable(t.valueMax * factor));
  const metric = relocate(t.metric, template, profile.region);
  const base = {
    text: targetText(t, metric, value, valueMax, template.plan.period.end),
    metric,
    value,
    valueMax,
    comparator: t.comparator,
    deadline: t.deadline,
    section: t.section,
    task: t.task,
    leadUnits: [...new Set(t.leadUnits.map(rename))],
    indicator: indicator?.code ?? null,
  };
  if (t.scope === 'milestone') return { ...base, scope: 'milestone', unit: t.unit, perUnit: null };
  const unit = t.unit ?? '项';
  if (t.scope === 'per_unit') return { ...base, scope: 'per_unit', unit, perUnit: t.perUnit ?? '单位' };
  return { ...base, scope: t.scope, unit, perUnit: null };
}

function departmentsOf(
  names: Iterable<string>,
  region: Region,
  functionOf: (name: string) => string | undefined,
): Department[] {
  return [...new Set(names)].map((name) => {
    const fn = functionOf(name) ?? null;
    return { raw: name, name, function: fn, region: fn === COLLECTIVE ? null : region.code };
  });
}

/** A plan names the city a county lies in; the province has a field of its own. */
function parentName(profile: RegionProfile): string | null {
  return profile.parent && profile.parent.level !== 'province' ? profile.parent.name : null;
}

/**
 * The plan of one region, copied from the seed plan chosen for it: its names, units and
 * counted targets rewritten for the region, its literacy target from the region's profile,
 * spans into a document written from it.
 */
export function synthesizePlan(profile: RegionProfile, context: PlanContext): SynthPlan {
  const { region } = profile;
  const random = new Random(hash32(context.seed, 'plan', region.code));
  const template = templateFor(context.templates, region.level, region.code, context.seed);
  const source = template.plan;
  const renamed = new Map<string, string | undefined>();
  const rename = (raw: string) => {
    const name = renameUnit(raw, region, context);
    if (!renamed.has(name)) renamed.set(name, context.unitFunctions.get(raw));
    return name;
  };
  const units = (list: string[]) => [...new Set(list.map(rename))];
  const sections = source.sections.map((s) => ({
    ...s,
    title: relocate(s.title, template, region),
    leadUnits: units(s.leadUnits),
    responsibleUnits: units(s.responsibleUnits),
    tasks: s.tasks.map((t) => ({
      ...t,
      title: relocate(t.title, template, region),
      leadUnits: units(t.leadUnits),
      responsibleUnits: units(t.responsibleUnits),
    })),
  }));
  const factor = profile.scale / LEVEL_WEIGHT[source.region.level];
  const targets = source.targets.map((t, k) => copyTarget(t, k, template, profile, factor, rename));
  const at = source.title.indexOf('全民科学素质');
  const baseTitle = at >= 0 ? `${region.name}${source.title.slice(at)}` : relocate(source.title, template, region);
  const title = `${baseTitle}${context.titleMark}`;
  const issued = source.period.start + 1;
  const docNumber = `${region.short}${random.pick(['府办发', '委办发', '科素办发'])}〔${issued}〕${random.int(3, 90)}号`;
  const text = renderPlan({ title, docNumber, sections, targets });
  const { target, stretch } = profile.literacy;
  const plan: Plan = {
    region: {
      name: region.name,
      short: region.short,
      level: region.level,
      province: profile.province.name,
      parent: parentName(profile),
      code: region.code,
    },
    title,
    docNumber,
    issuedOn: `${issued}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    period: source.period,
    draft: false,
    literacyTarget: source.literacyTarget ? { value: target, stretch, deadline: source.literacyTarget.deadline } : null,
    sections: sections.map((s, i) => ({
      ...s,
      span: text.sections[i] ?? { start: 0, end: 0 },
      tasks: s.tasks.map((t, j) => ({ ...t, span: text.tasks[i]?.[j] ?? { start: 0, end: 0 } })),
    })),
    targets: targets.map((t, k) => ({ ...t, span: text.targets[k] ?? { start: 0, end: 0 } })),
    departments: departmentsOf(renamed.keys(), region, (name) => renamed.get(name)),
    issues: [],
  };
  return { plan, text: text.text };
}
