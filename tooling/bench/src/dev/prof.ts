import { readFileSync } from 'node:fs';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions, loadSeedDocuments } from '@kesu/seeds';
import { importPlan, prepareRegistry } from '@kesu/plans';
const reg = prepareRegistry({ regions: loadRegions(), departments: loadDepartmentRegistry(), indicators: loadIndicatorCatalog() });
const docs = loadSeedDocuments().map((d) => readFileSync(d.file));
for (let i = 0; i < 30; i++) for (const d of docs) await importPlan(d, reg);
const t = performance.now();
for (let i = 0; i < 20; i++) for (const d of docs) await importPlan(d, reg);
console.log('per five', (performance.now() - t) / 20);
