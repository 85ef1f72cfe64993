import { performance } from 'node:perf_hooks';
import { importPlan, prepareRegistry, ReviewedPlan, scorePlan, scoreSet, type PlanScore } from '@kesu/plans';
import {
  loadDepartmentRegistry,
  loadIndicatorCatalog,
  loadRegions,
  loadReviewedPlan,
  loadSeedDocuments,
  loadWebTexts,
} from '@kesu/seeds';
import { readFileSync } from 'node:fs';
import type { BenchRow } from '../report.js';

const pct = (x: number) => Math.round(x * 1000) / 10;

/** One set's pooled figures: targets, typing of matched targets, headline literacy and headers. */
function setRows(set: string, scores: PlanScore[], goals: { f1: string; typing: string }): BenchRow[] {
  const t = scoreSet(scores);
  const n = t.documents;
  return [
    {
      suite: 'plans',
      name: `${set}: target F1 (precision / recall)`,
      value: pct(t.f1),
      unit: `% (${pct(t.precision)} % / ${pct(t.recall)} %)`,
      goal: goals.f1,
    },
    {
      suite: 'plans',
      name: `${set}: comparator / scope / deadline right`,
      value: pct(t.comparator),
      unit: `% / ${pct(t.scope)} % / ${pct(t.deadline)} %`,
      goal: goals.typing,
    },
    {
      suite: 'plans',
      name: `${set}: headline literacy target right`,
      value: t.header.literacy,
      unit: `of ${n} documents`,
      goal: `${n}`,
    },
    {
      suite: 'plans',
      name: `${set}: region / title / period right`,
      value: t.header.region,
      unit: `/ ${t.header.title} / ${t.header.period} of ${n}`,
      goal: `${n} each`,
    },
  ];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function timeImport(bytes: Buffer, registry: ReturnType<typeof prepareRegistry>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const result = await importPlan(bytes, registry);
    times.push(performance.now() - t);
    if (!result.success) throw new Error(result.rejection.messageEn);
  }
  return median(times);
}

/**
 * The importer: accuracy per seed against its reviewed plan, the warm time to import all five,
 * and time against input size (a plan's body repeated) to show it grows linearly.
 */
export async function plansSuite(): Promise<BenchRow[]> {
  const registry = prepareRegistry({
    regions: loadRegions(),
    departments: loadDepartmentRegistry(),
    indicators: loadIndicatorCatalog(),
  });
  const docs = loadSeedDocuments().map((d) => ({ ...d, bytes: readFileSync(d.file) }));
  const rows: BenchRow[] = [];
  for (const doc of docs) {
    const result = await importPlan(doc.bytes, registry);
    if (!result.success) throw new Error(`${doc.stem}: ${result.rejection.messageEn}`);
    const s = scorePlan(result.plan, ReviewedPlan.parse(loadReviewedPlan(doc.stem)));
    rows.push(
      {
        suite: 'plans',
        name: `${doc.stem} target precision / recall`,
        value: pct(s.targets.precision),
        unit: `% / ${pct(s.targets.recall)} %`,
        goal: '≥ 97 % each',
      },
      {
        suite: 'plans',
        name: `${doc.stem} comparator / scope / deadline right`,
        value: pct(s.typing.comparator),
        unit: `% / ${pct(s.typing.scope)} % / ${pct(s.typing.deadline)} %`,
        goal: '≥ 95 % each',
      },
      {
        suite: 'plans',
        name: `${doc.stem} tasks with the right lead units`,
        value: pct(s.tasks.share),
        unit: `% (${s.tasks.withLeadUnits}/${s.tasks.gold})`,
        goal: '≥ 98 %',
      },
    );
  }
  const seedScores: PlanScore[] = [];
  for (const doc of docs) {
    const result = await importPlan(doc.bytes, registry);
    if (result.success)
      seedScores.push(scorePlan(result.plan, ReviewedPlan.parse(loadReviewedPlan(doc.stem)), result.text));
  }
  rows.push(...setRows('the five seeds', seedScores, { f1: '100 %', typing: '100 % each' }));
  const webScores: PlanScore[] = [];
  for (const text of loadWebTexts()) {
    const result = await importPlan(readFileSync(text.file), registry);
    if (!result.success) throw new Error(`${text.stem}: ${result.rejection.messageEn}`);
    webScores.push(scorePlan(result.plan, ReviewedPlan.parse(text.gold), result.text));
  }
  rows.push(
    ...setRows(`web texts of other regions (${webScores.length})`, webScores, {
      f1: '≥ 95 %',
      typing: '≥ 95 % scope and deadline',
    }),
  );
  // Warm: the first imports compile regular expressions and load converters.
  for (const doc of docs) await importPlan(doc.bytes, registry);
  const totals: number[] = [];
  for (let run = 0; run < 15; run++) {
    const t = performance.now();
    for (const doc of docs) await importPlan(doc.bytes, registry);
    totals.push(performance.now() - t);
  }
  rows.push({
    suite: 'plans',
    name: 'import all five seeds, warm (median of 15)',
    value: median(totals),
    unit: 'ms',
    goal: '≤ 100 ms',
  });

  const seed = docs[3] as (typeof docs)[number];
  const text = seed.bytes.toString('utf8');
  const body = text.slice(text.indexOf('三、提升行动'));
  for (const copies of [1, 4, 16]) {
    const bytes = Buffer.from(text + `\n${body}`.repeat(copies - 1));
    const ms = await timeImport(bytes, registry, 5);
    rows.push({
      suite: 'plans',
      name: `import ${seed.stem} ×${copies} (${Math.round(bytes.length / 1024)} KB)`,
      value: ms / (bytes.length / 1024),
      unit: `ms per KB (${ms.toFixed(1)} ms)`,
      goal: 'flat = linear',
    });
  }
  return rows;
}
