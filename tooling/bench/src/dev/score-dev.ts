import { readFileSync, readdirSync } from 'node:fs';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import { importPlan, prepareRegistry, ReviewedPlan, scorePlan } from '@kesu/plans';
const reg = prepareRegistry({ regions: loadRegions(), departments: loadDepartmentRegistry(), indicators: loadIndicatorCatalog() });
const verbose = process.argv.includes('-v');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const sets: Array<[string, string]> = [['/work/main/seeds/plans', '/work/main/seeds/documents'], ['/work/main/packages/plans/test/variants', '/work/main/packages/plans/test/variants'], ['/work/main/packages/plans/test/holdout', '/work/main/packages/plans/test/holdout']];
for (const [goldDir, docDir] of sets) {
  for (const f of readdirSync(goldDir).filter((f) => f.endsWith('.plan.json'))) {
    if (only && !f.includes(only)) continue;
    const gold = ReviewedPlan.parse(JSON.parse(readFileSync(`${goldDir}/${f}`, 'utf8')));
    const r = await importPlan(readFileSync(`${docDir}/${gold.source}`), reg);
    if (!r.success) { console.log(f, 'REJECTED', r.rejection.message); continue; }
    const s = scorePlan(r.plan, gold);
    const h = Object.entries(s.header).filter(([, v]) => !v).map(([k]) => k).join(',');
    console.log(`${f.slice(0, 26).padEnd(26)} T p=${s.targets.precision.toFixed(2)} r=${s.targets.recall.toFixed(2)} (${s.targets.matched}/${s.targets.gold}, found ${s.targets.found}) cmp=${s.typing.comparator.toFixed(2)} scope=${s.typing.scope.toFixed(2)} dl=${s.typing.deadline.toFixed(2)} tasks=${s.tasks.withLeadUnits}/${s.tasks.gold} (found ${s.tasks.found}) hdr-wrong:${h}`);
    if (verbose) {
      for (const k of ['missedTargets', 'extraTargets', 'wrongTyping', 'wrongTasks'] as const) for (const m of s.misses[k]) console.log(`   ${k}: ${m}`);
      if (h) console.log('   header:', JSON.stringify({ region: r.plan.region.name, title: r.plan.title, doc: r.plan.docNumber, issued: r.plan.issuedOn, period: r.plan.period, draft: r.plan.draft, lit: r.plan.literacyTarget }), '\n   gold:', JSON.stringify({ region: gold.region.name, title: gold.title, doc: gold.docNumber, issued: gold.issuedOn, period: gold.period, draft: gold.draft, lit: gold.literacyTarget }));
    }
  }
}
