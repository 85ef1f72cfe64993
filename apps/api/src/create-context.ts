import { existsSync } from 'node:fs';
import path from 'node:path';
import { prepareRegistry } from '@kesu/plans';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import { openStore, summarize } from '@kesu/store';
import type { ApprovalLevel } from '@kesu/schema';
import { approvalLevelsOf } from './config.js';
import { AnalyticsService } from './analytics/analytics-service.js';
import { LoginLimiter } from './auth/rate-limit.js';
import { TtlCache } from './http/ttl-cache.js';
import type { AppContext } from './context.js';
import { loadSeeds } from './seed.js';

/** Opens the store in a data folder and loads the registries every request uses. */
export async function createContext(options: { storeFile: string; webDir?: string | null; approvalLevels?: readonly ApprovalLevel[] }): Promise<AppContext> {
  const store = await openStore(options.storeFile);
  // The warehouse and the importer read the registries from the store: a new one gets them now.
  if ((await summarize(store.connection)).regions === 0) await loadSeeds(store);
  const regions = loadRegions();
  const webDir = options.webDir === undefined ? null : options.webDir;
  const dataDir = path.dirname(options.storeFile);
  const analytics = await AnalyticsService.open(store, dataDir);
  return {
    store,
    registry: prepareRegistry({ regions, departments: loadDepartmentRegistry(), indicators: loadIndicatorCatalog() }),
    regions: new Map(regions.map((r) => [r.code, r])),
    approvalLevels: options.approvalLevels ?? approvalLevelsOf(),
    limiter: new LoginLimiter(),
    webDir: webDir && existsSync(path.join(webDir, 'index.html')) ? webDir : null,
    dataDir,
    // A minute bounds how long a deleted session or a changed user could linger in memory.
    caches: { sessions: new TtlCache(60_000), assignments: new TtlCache(60_000) },
    analytics,
    close: async () => {
      await analytics.close();
      store.close();
    },
  };
}
