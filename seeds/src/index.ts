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
    .map((file) => ({
      stem: file.replace(/\.txt$/, ''),
      file: path.join(dir, file),
      text: readFileSync(path.join(dir, file), 'utf8'),
    }));
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

/** A web text of the held-apart corpus: the file, its reviewed plan and where it was modelled from. */
export interface WebText {
  /** File name without the `.plan.json`, e.g. `c-nanhai-news`. */
  stem: string;
  /** The document as a user would paste or save it (`.txt` or `.html`). */
  file: string;
  /** The reviewed plan, unparsed: its reader brings the schema. */
  gold: unknown;
  /** `{ url, kind, level, notes }`: the public page it follows, and what is hard in it. */
  about: { url: string; kind: string; level: string; notes: string };
}

/**
 * Texts about plans as they appear on the web (page copies, mirrors in traditional characters,
 * news and 解读 pages) from regions the importer was not written against, each with the plan a
 * reviewer would make of it. `web/README.md` says how they were gathered.
 */
export function loadWebTexts(): WebText[] {
  const dir = path.join(SEEDS_DIR, 'web');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.plan.json'))
    .sort()
    .map((f) => {
      const stem = f.replace(/\.plan\.json$/, '');
      const gold = readJson(path.join('web', f)) as { source: string };
      return {
        stem,
        file: path.join(dir, gold.source),
        gold,
        about: readJson(path.join('web', `${stem}.source.json`)) as WebText['about'],
      };
    });
}
