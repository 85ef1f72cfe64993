import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { renderReport, type BenchRow } from './report.js';
import { apiSuite } from './suites/api.js';
import { plansSuite } from './suites/plans.js';
import { schemaSuite } from './suites/schema.js';
import { storeSuite } from './suites/store.js';

// `pnpm bench`: every suite in turn (never in parallel, they would measure each other).
const suites: Array<[string, () => Promise<BenchRow[]>]> = [
  ['schema', schemaSuite],
  ['store', storeSuite],
  ['plans', plansSuite],
  ['api', apiSuite],
];

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, suite] of suites.filter(([n]) => only.length === 0 || only.includes(n))) {
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await suite()));
}
const report = renderReport(
  rows,
  { cores: os.cpus().length, cpu: os.cpus()[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  new Date(),
);
writeFileSync(fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url)), report);
console.log(report);
