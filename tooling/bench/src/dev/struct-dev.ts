import { readFileSync } from 'node:fs';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import { importPlan, prepareRegistry, ReviewedPlan } from '@kesu/plans';
const reg = prepareRegistry({ regions: loadRegions(), departments: loadDepartmentRegistry(), indicators: loadIndicatorCatalog() });
const [goldFile, docFile] = process.argv.slice(2) as [string, string];
const gold = ReviewedPlan.parse(JSON.parse(readFileSync(goldFile, 'utf8')));
const r = await importPlan(readFileSync(docFile), reg);
if (!r.success) throw new Error(r.rejection.message);
const p = r.plan;
const j = (x: unknown) => JSON.stringify(x);
const n = Math.max(p.sections.length, gold.sections.length);
for (let i = 0; i < n; i++) {
  const a = p.sections[i], g = gold.sections[i];
  const sa = a && j([a.kind, a.ordinal, a.title, a.targetGroup, a.leadUnits, a.responsibleUnits]);
  const sg = g && j([g.kind, g.ordinal, g.title, g.targetGroup, g.leadUnits, g.responsibleUnits]);
  if (sa !== sg) console.log(`S${i} mine ${sa}\n   gold ${sg}`);
  const m = Math.max(a?.tasks.length ?? 0, g?.tasks.length ?? 0);
  for (let k = 0; k < m; k++) {
    const ta = a?.tasks[k], tg = g?.tasks[k];
    const xa = ta && j([ta.ordinal, ta.title, ta.leadUnits, ta.responsibleUnits]);
    const xg = tg && j([tg.ordinal, tg.title, tg.leadUnits, tg.responsibleUnits]);
    if (xa !== xg) console.log(`  T${i}.${k} mine ${xa}\n        gold ${xg}`);
  }
}
for (const g of gold.targets) {
  const a = p.targets.find((t) => t.text.replace(/\s/g, '').includes(g.text.replace(/\s/g, '')) || g.text.replace(/\s/g, '').includes(t.text.replace(/\s/g, '')));
  if (!a) continue;
  const xa = j([a.unit, a.perUnit, a.valueMax, a.section, a.task, a.leadUnits]);
  const xg = j([g.unit, g.perUnit, g.valueMax, g.section, g.task, g.leadUnits]);
  if (xa !== xg) console.log(`TG ${g.text.slice(0, 30)} mine ${xa} gold ${xg}`);
}
console.log('issues:', p.issues.map((i) => i.code + ':' + i.message).join(' | '));
