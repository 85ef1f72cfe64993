import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { DepartmentRegistry, IndicatorCatalog, Region } from '@kesu/schema';

/** The seeds folder: plan documents, reviewed plans, registries and the indicator catalog. */
export const SEEDS_DIR = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
}

const RegionRegistry = z.object({ source: z.string(), regions: z.array(Region).min(1) });

/** Every province, prefecture and county with its GB/T 2260 code and parent. */
export function loadRegions(): Region[] {
  return RegionRegistry.parse(readJson('regions.json')).regions;
}

/** Canonical department functions with their aliases, and the collective placeholders. */
export function loadDepartmentRegistry(): DepartmentRegistry {
  return DepartmentRegistry.parse(readJson('departments.json'));
}

/** The indicator catalog: codes, names, units, kinds and disaggregations. */
export function loadIndicatorCatalog(): IndicatorCatalog {
  return IndicatorCatalog.parse(readJson('indicators.json'));
}

export interface SeedDocument {
  /** File name without extension, e.g. `001_d3227398dcf91ff4`. */
  stem: string;
  file: string;
  text: string;
}

function readDocuments(folder: string): SeedDocument[] {
  const dir = path.join(SEEDS_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ stem: file.replace(/\.txt$/, ''), file: path.join(dir, file), text: readFileSync(path.join(dir, file), 'utf8') }));
}

/** The seed plan documents, in file-name order. */
export function loadSeedDocuments(): SeedDocument[] {
  return readDocuments('documents');
}

/**
 * Real plans of regions above the seed plans' regions, as much of each text as public sources
 * hold (README.md says what each one lacks), named by region code.
 */
export function loadParentDocuments(): SeedDocument[] {
  return readDocuments('parents');
}

/** The reviewed (gold) plan JSON of a seed document, unparsed: its reader brings the schema. */
export function loadReviewedPlan(stem: string): unknown {
  return readJson(path.join('plans', `${stem}.plan.json`));
}
