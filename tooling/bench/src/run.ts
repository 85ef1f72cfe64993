import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { keptRows, renderReport, type BenchRow } from './report.js';
import { analyticsSuite } from './suites/analytics.js';
import { apiSuite } from './suites/api.js';
import { plansSuite } from './suites/plans.js';
import { reporterSuite } from './suites/reporter.js';
import { schemaSuite } from './suites/schema.js';
import { storeSuite } from './suites/store.js';
import { webSuite } from './suites/web.js';

// `pnpm bench`: every suite in turn (never in parallel, they would measure each other).
const suites: Array<[string, () => Promise<BenchRow[]>]> = [
  ['schema', schemaSuite],
  ['store', storeSuite],
  ['plans', plansSuite],
  ['api', apiSuite],
  ['analytics', analyticsSuite],
  ['reporter', reporterSuite],
  ['web', webSuite],
];

const only = process.argv.slice(2);
const running = suites.filter(([n]) => only.length === 0 || only.includes(n));
const rows: BenchRow[] = [];
for (const [name, suite] of running) {
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await suite()));
}
const target = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));
const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
const report = renderReport(
  rows,
  {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  new Date(),
  keptRows(previous, new Set(running.map(([n]) => n))),
);
writeFileSync(target, report);
console.log(report);
