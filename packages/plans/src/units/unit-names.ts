import {
  COLLECTIVE,
  type Department,
  type DepartmentFunction,
  type DepartmentRegistry,
  type PlanRegion,
} from '@kesu/schema';
import { fullName } from './departments.js';

// Functions whose provincial body is a 厅 where a county's is a 局 (省教育厅, 县教育局): the
// provincial government's constituent departments.
const HALLS = new Set([
  'education',
  'science_technology',
  'industry_it',
  'agriculture',
  'human_resources',
  'civil_affairs',
  'finance',
  'justice',
  'public_security',
  'natural_resources',
  'ecology_environment',
  'housing',
  'transport',
  'water',
  'commerce',
  'culture_tourism',
  'emergency',
  'veterans',
]);

/** The word a region's own units open with: 省, 州, 县 … (省教育厅, 州科协, 县委宣传部). */
export function levelWord(region: PlanRegion): string {
  const name = region.name;
  const suffix = ['自治区', '自治州', '自治县', '地区', '省', '市', '州', '盟', '县', '区', '旗'].find((s) =>
    name.endsWith(s),
  );
  if (suffix === '自治州') return '州';
  if (suffix === '自治县') return '县';
  return suffix ?? name.slice(-1);
}

/**
 * The alias a function's units are printed with: of the aliases the registry's examples end in,
 * the shortest, preferring the party-committee form (委宣传部 → 县委宣传部).
 */
function usualAlias(fn: DepartmentFunction, examples: DepartmentRegistry['examples']): string {
  const longestFirst = [...fn.aliases].sort((a, b) => b.length - a.length);
  const printed = new Set(
    examples.filter((e) => e.function === fn.code).flatMap((e) => longestFirst.find((a) => e.raw.endsWith(a)) ?? []),
  );
  const pool = printed.size > 0 ? [...printed] : fn.aliases;
  const committee = fn.aliases.filter((a) => a.startsWith('委'));
  const shortest = (list: string[]) => list.reduce((best, a) => (a.length < best.length ? a : best));
  return shortest(committee.length > 0 ? committee : pool);
}

/**
 * The name a region's unit of a function goes by, as a plan of that region would print it.
 * @example unitNameFor(gansu, education, examples) // '省教育厅'; for 友谊县 '县教育局', for 楚雄州 '州科协'
 */
export function unitNameFor(
  region: PlanRegion,
  fn: DepartmentFunction,
  examples: DepartmentRegistry['examples'],
): string {
  const level = levelWord(region);
  if (fn.code === 'youth_league') return `团${level}委`;
  const alias = usualAlias(fn, examples);
  const hall = region.level === 'province' && HALLS.has(fn.code) && alias.endsWith('局');
  return `${level}${hall ? `${alias.slice(0, -1)}厅` : alias}`;
}

/** A unit a reviewer may give a task or a target, and where it was found. */
export interface UnitChoice extends Department {
  source: 'plan' | 'region' | 'registry';
}

/**
 * Every unit a plan's tasks and targets may be given: the plan's own, the others known in its
 * region, then one per function of the registry (named as the region would print it) and the
 * collective placeholders; a unit known twice (by name or full name) is listed once, first found.
 * @example unitChoices(plan, regionUnits, registry).find((c) => c.function === 'education')?.raw // '省教育厅'
 */
export function unitChoices(
  plan: { region: PlanRegion; departments: Department[] },
  regionUnits: Array<{ name: string; function: string | null }>,
  registry: DepartmentRegistry,
): UnitChoice[] {
  const code = plan.region.code;
  const out: UnitChoice[] = [];
  const seen = new Set<string>();
  const add = (choice: UnitChoice) => {
    if (seen.has(choice.raw) || seen.has(choice.name)) return;
    seen.add(choice.raw).add(choice.name);
    out.push(choice);
  };
  for (const d of plan.departments) add({ ...d, source: 'plan' });
  for (const u of regionUnits) add({ raw: u.name, name: u.name, function: u.function, region: code, source: 'region' });
  for (const fn of registry.functions) {
    const raw = unitNameFor(plan.region, fn, registry.examples);
    add({ raw, name: fullName(raw, plan.region), function: fn.code, region: code, source: 'registry' });
  }
  for (const raw of registry.collective)
    add({ raw, name: raw, function: COLLECTIVE, region: code, source: 'registry' });
  return out;
}
