import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadDepartmentRegistry,
  loadIndicatorCatalog,
  loadRegions,
  loadReviewedPlan,
  loadSeedDocuments,
  loadWebTexts,
} from '@kesu/seeds';
import { prepareRegistry, ReviewedPlan } from '../src/index.js';

/** The registry every test imports against. */
export const registry = prepareRegistry({
  regions: loadRegions(),
  departments: loadDepartmentRegistry(),
  indicators: loadIndicatorCatalog(),
});

export interface Case {
  name: string;
  bytes: Buffer;
  gold: ReviewedPlan;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Plans written in formats the seeds do not use, each with its reviewed plan, in `dir`. */
export function variantCases(dir: 'variants' | 'holdout' | 'holdout-2'): Case[] {
  const folder = path.join(here, dir);
  return readdirSync(folder)
    .filter((f) => f.endsWith('.plan.json'))
    .sort()
    .map((f) => {
      const gold = ReviewedPlan.parse(JSON.parse(readFileSync(path.join(folder, f), 'utf8')));
      return { name: `${dir}/${gold.source}`, bytes: readFileSync(path.join(folder, gold.source)), gold };
    });
}

/** The five seed plans with their reviewed plans. */
export function seedCases(): Case[] {
  return loadSeedDocuments().map((doc) => ({
    name: `seeds/${doc.stem}`,
    bytes: readFileSync(doc.file),
    gold: ReviewedPlan.parse(loadReviewedPlan(doc.stem)),
  }));
}

/** Web copies, mirrors, news and 解读 pages of regions the importer was not written against. */
export function webCases(): Case[] {
  return loadWebTexts().map((t) => ({
    name: `web/${t.stem}`,
    bytes: readFileSync(t.file),
    gold: ReviewedPlan.parse(t.gold),
  }));
}

export function variantFile(name: string): Buffer {
  return readFileSync(path.join(here, 'variants', name));
}
