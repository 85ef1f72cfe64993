import path from 'node:path';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions, loadSeedDocuments } from '@kesu/seeds';
import { replaceRegistry, savePlanDocument, summarize, type Store, type StoreSummary } from '@kesu/store';

/** Loads the registries and the seed plan documents into the store; safe to run again. */
export async function loadSeeds(store: Store): Promise<StoreSummary> {
  await replaceRegistry(store.connection, {
    regions: loadRegions(),
    functions: loadDepartmentRegistry().functions,
    indicators: loadIndicatorCatalog().indicators,
  });
  for (const doc of loadSeedDocuments()) {
    await savePlanDocument(store.connection, path.basename(doc.file), doc.text);
  }
  return summarize(store.connection);
}
