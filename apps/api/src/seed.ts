import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import { replaceRegistry, summarize, type Store, type StoreSummary } from '@kesu/store';

/** Loads the region, department and indicator registries into the store; safe to run again. */
export async function loadSeeds(store: Store): Promise<StoreSummary> {
  await replaceRegistry(store.connection, {
    regions: loadRegions(),
    functions: loadDepartmentRegistry().functions,
    indicators: loadIndicatorCatalog().indicators,
  });
  return summarize(store.connection);
}
