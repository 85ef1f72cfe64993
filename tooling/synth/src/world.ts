import type { DepartmentFunction, Indicator, IndicatorCatalog, Region } from '@kesu/schema';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import { REPORTING_FUNCTIONS } from './departments.js';
import { buildForms, type SynthForm } from './forms.js';
import { idsFor, type Ids } from './ids.js';
import { loadTemplates } from './plan-templates.js';
import type { PlanContext } from './plans.js';
import { NATIONAL, type Marking } from './marking.js';
import { indexRegions, type RegionIndex } from './region-profile.js';
import { ValuesJson } from './values-json.js';

/** Everything the generator reads before writing a region: registries, templates and forms. */
export interface World {
  seed: number;
  marking: Marking;
  ids: Ids;
  regions: Region[];
  index: RegionIndex;
  functions: DepartmentFunction[];
  catalog: IndicatorCatalog;
  indicators: Map<string, Indicator>;
  forms: SynthForm[];
  /** One writer of submission values per form, in form order. */
  values: ValuesJson[];
  /** How many forms report each indicator, to share a region's anchor between them. */
  reporters: Map<string, number>;
  plans: PlanContext;
}

function countReporters(forms: SynthForm[]): Map<string, number> {
  const reporters = new Map<string, number>();
  for (const form of forms)
    for (const g of form.groups) reporters.set(g.indicator.code, (reporters.get(g.indicator.code) ?? 0) + 1);
  return reporters;
}

export function buildWorld(seed: number, marking: Marking = NATIONAL): World {
  const regions = loadRegions();
  const registry = loadDepartmentRegistry();
  const catalog = loadIndicatorCatalog();
  const forms = buildForms(registry.functions, catalog, marking.title);
  return {
    seed,
    marking,
    ids: idsFor(seed),
    regions,
    index: indexRegions(regions),
    functions: registry.functions,
    catalog,
    indicators: new Map(catalog.indicators.map((i) => [i.code, i])),
    forms,
    values: forms.map((f) => new ValuesJson(f)),
    reporters: countReporters(forms),
    plans: {
      seed,
      titleMark: marking.title,
      templates: loadTemplates(catalog.indicators),
      unitFunctions: new Map(registry.examples.map((e) => [e.raw, e.function])),
      aliases: new Map(registry.functions.map((f) => [f.code, [...f.aliases].sort((a, b) => b.length - a.length)])),
      reporting: new Map(REPORTING_FUNCTIONS.map((r) => [r.code, r])),
    },
  };
}

/** The regions of the five seed plans, which the `demo` scale is built around. */
export function seedRegionsOf(world: World): string[] {
  return world.plans.templates.flatMap((t) => (t.plan.region.code === null ? [] : [t.plan.region.code]));
}
