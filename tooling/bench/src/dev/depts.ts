import { readFileSync } from 'node:fs';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions, loadSeedDocuments } from '@kesu/seeds';
import { importPlan, prepareRegistry } from '@kesu/plans';
const deps = loadDepartmentRegistry();
const reg = prepareRegistry({ regions: loadRegions(), departments: deps, indicators: loadIndicatorCatalog() });
const expected = new Map(deps.examples.map((e) => [e.raw, e.function]));
let ok = 0, n = 0;
for (const d of loadSeedDocuments()) {
  const r = await importPlan(readFileSync(d.file), reg);
  if (!r.success) continue;
  for (const dep of r.plan.departments) {
    n++;
    const want = expected.get(dep.raw);
    if (want === dep.function) ok++; else console.log('DEPT', d.stem.slice(0, 3), dep.raw, 'got', dep.function, 'want', want, '→', dep.name);
  }
  for (const t of r.plan.targets) console.log('IND', d.stem.slice(0, 3), t.indicator?.padEnd(36), t.text.slice(0, 40));
}
console.log(ok, '/', n);
