import { readFileSync } from 'node:fs';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions, loadSeedDocuments } from '@kesu/seeds';
import { prepareRegistry } from '@kesu/plans';
import { normalise } from '../../../../packages/plans/src/normalise.ts';
import { splitLines } from '../../../../packages/plans/src/lines.ts';
import { readHeader } from '../../../../packages/plans/src/header.ts';
import { detectRegion } from '../../../../packages/plans/src/region.ts';
import { findUnitNotes } from '../../../../packages/plans/src/unit-notes.ts';
import { buildOutline } from '../../../../packages/plans/src/outline.ts';
import { findTargets } from '../../../../packages/plans/src/targets.ts';
const reg = prepareRegistry({ regions: loadRegions(), departments: loadDepartmentRegistry(), indicators: loadIndicatorCatalog() });
const texts = loadSeedDocuments().map((d) => readFileSync(d.file, 'utf8'));
const acc: Record<string, number> = {};
const time = <T>(k: string, f: () => T): T => { const t = performance.now(); const r = f(); acc[k] = (acc[k] ?? 0) + performance.now() - t; return r; };
for (let i = 0; i < 20; i++) for (const raw of texts) {
  const doc = time('normalise', () => normalise(raw));
  const lines = time('lines', () => splitLines(doc));
  const h = time('header', () => readHeader(lines, doc.text));
  time('region', () => detectRegion(reg.regions, doc.match.slice(0, 40), doc.match));
  const notes = time('notes', () => findUnitNotes(lines, doc.text, doc.match));
  time('outline', () => buildOutline(doc.match, lines, h.titleLine + 1));
  time('targets', () => findTargets(doc.match, 0, h.period));
  void notes;
}
for (const [k, v] of Object.entries(acc)) console.log(k, (v / 20).toFixed(2), 'ms per five');
