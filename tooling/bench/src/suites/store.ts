import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import { openStore, replaceRegistry } from '@kesu/store';
import type { BenchRow } from '../report.js';

/** Cold open of a new database file, migrations included, then a full registry load. */
export async function storeSuite(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-bench-'));
  try {
    const registry = {
      regions: loadRegions(),
      functions: loadDepartmentRegistry().functions,
      indicators: loadIndicatorCatalog().indicators,
    };
    let t = performance.now();
    const store = await openStore(path.join(dir, 'kesu.duckdb'));
    const openMs = performance.now() - t;
    t = performance.now();
    await replaceRegistry(store.connection, registry);
    const loadMs = performance.now() - t;
    store.close();
    return [
      { suite: 'store', name: 'create + migrate a new database file', value: openMs, unit: 'ms' },
      {
        suite: 'store',
        name: `load the registry (${registry.regions.length} regions, Appender)`,
        value: loadMs,
        unit: 'ms',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
