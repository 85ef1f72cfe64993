import { readFileSync } from 'node:fs';
import { normalise } from '../../../../packages/plans/src/normalise.ts';
import { splitLines } from '../../../../packages/plans/src/lines.ts';
import { findSummaryTable } from '../../../../packages/plans/src/summary-table.ts';
const doc = normalise(readFileSync('../../packages/plans/test/holdout/h06_kunshan.txt', 'utf8'));
const lines = splitLines(doc);
console.log(lines.filter((l) => /序号|推进科学教育提质/.test(l.match)).map((l) => JSON.stringify(l.match.slice(0, 80))));
console.log(findSummaryTable(lines, doc.text).slice(0, 3).map((r) => JSON.stringify({ t: r.task, l: r.lead.map((u) => u.name), r: r.responsible.map((u) => u.name) })));
