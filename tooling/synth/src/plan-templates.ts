import { readdirSync } from 'node:fs';
import path from 'node:path';
import type {
  Comparator,
  Indicator,
  PlanPeriod,
  PlanRegion,
  RegionLevel,
  SectionKind,
  TargetGroup,
  TargetScope,
} from '@kesu/schema';
import { loadReviewedPlan, SEEDS_DIR } from '@kesu/seeds';
import { matchIndicator } from './indicator-match.js';
import { hash32 } from './random.js';

interface ReviewedTask {
  ordinal: string;
  title: string;
  leadUnits: string[];
  responsibleUnits: string[];
}

interface ReviewedSection {
  kind: SectionKind;
  ordinal: string;
  title: string;
  targetGroup: TargetGroup | null;
  leadUnits: string[];
  responsibleUnits: string[];
  tasks: ReviewedTask[];
}

export interface ReviewedTarget {
  text: string;
  metric: string;
  value: number;
  valueMax: number | null;
  unit: string | null;
  comparator: Comparator;
  scope: TargetScope;
  perUnit: string | null;
  deadline: number | null;
  section: number | null;
  task: string | null;
  leadUnits: string[];
}

/**
 * A reviewed seed plan (`seeds/plans/*.plan.json`): a Plan without spans, departments or
 * issues. The seeds' own tests check the files; every plan made from them is parsed as a Plan.
 */
export interface ReviewedPlan {
  region: PlanRegion;
  title: string;
  docNumber: string | null;
  issuedOn: string | null;
  period: PlanPeriod;
  draft: boolean;
  literacyTarget: { value: number; stretch: number | null; deadline: number } | null;
  sections: ReviewedSection[];
  targets: ReviewedTarget[];
}

/** A seed plan ready to be copied to other regions. */
export interface PlanTemplate {
  stem: string;
  plan: ReviewedPlan;
  /** The catalog indicator each target counts, by position (the reviewed files carry none). */
  indicators: Array<Indicator | null>;
  /** The template region's names as printed in its titles and metrics, longest first. */
  placeNames: string[];
}

function placeNamesOf(region: PlanRegion): string[] {
  const bare = region.short.replace(/[州市县区]$/, '');
  return [...new Set([region.name, region.short, bare])]
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length);
}

/** The five reviewed seed plans, with their targets tied to catalog indicators. */
export function loadTemplates(indicators: readonly Indicator[]): PlanTemplate[] {
  const stems = readdirSync(path.join(SEEDS_DIR, 'plans'))
    .filter((f) => f.endsWith('.plan.json'))
    .sort()
    .map((f) => f.replace(/\.plan\.json$/, ''));
  return stems.map((stem) => {
    const plan = loadReviewedPlan(stem) as ReviewedPlan;
    return {
      stem,
      plan,
      indicators: plan.targets.map((t) => matchIndicator(indicators, t.metric, t.unit)),
      placeNames: placeNamesOf(plan.region),
    };
  });
}

/** Cities and provinces follow the prefecture plans; counties and districts the county-level ones. */
function suits(template: PlanTemplate, level: RegionLevel): boolean {
  const upper = (l: RegionLevel) => l === 'province' || l === 'prefecture';
  return upper(template.plan.region.level) === upper(level);
}

/** The template a region's plan is copied from, the same for the same seed and region. */
export function templateFor(
  templates: readonly PlanTemplate[],
  level: RegionLevel,
  code: string,
  seed: number,
): PlanTemplate {
  const fitting = templates.filter((t) => suits(t, level));
  const pool = fitting.length > 0 ? fitting : templates;
  const template = pool[hash32(seed, 'template', code) % pool.length];
  if (!template) throw new Error('no seed plans to copy');
  return template;
}
