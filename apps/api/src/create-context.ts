import { existsSync } from 'node:fs';
import path from 'node:path';
import { prepareRegistry } from '@kesu/plans';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import { openStore, summarize } from '@kesu/store';
import type { ApprovalLevel } from '@kesu/schema';
import { approvalLevelsOf, countApprovedFromOf } from './config.js';
import { AnalyticsService } from './analytics/analytics-service.js';
import { LoginLimiter } from './auth/rate-limit.js';
import { TtlCache } from './http/ttl-cache.js';
import type { AppContext } from './context.js';
import { mailConfigOf, type MailConfig } from './notify/notify-config.js';
import { NotificationService } from './notify/notification-service.js';
import { loadSeeds } from './seed.js';

/** Opens the store in a data folder and loads the registries every request uses. */
export async function createContext(options: { storeFile: string; webDir?: string | null; approvalLevels?: readonly ApprovalLevel[]; mail?: MailConfig | null; countApprovedFrom?: ApprovalLevel | null }): Promise<AppContext> {
  const store = await openStore(options.storeFile);
  // The warehouse and the importer read the registries from the store: a new one gets them now.
  if ((await summarize(store.connection)).regions === 0) await loadSeeds(store);
  const regions = loadRegions();
  const webDir = options.webDir === undefined ? null : options.webDir;
  const dataDir = path.dirname(options.storeFile);
  const analytics = await AnalyticsService.open(store, dataDir, options.countApprovedFrom === undefined ? countApprovedFromOf() : options.countApprovedFrom);
  const regionMap = new Map(regions.map((r) => [r.code, r]));
  const approvalLevels = options.approvalLevels ?? approvalLevelsOf();
  // Read through the context, so a test that moves the clock moves it for the jobs too.
  const notifications = new NotificationService({ store, regions: regionMap, approvalLevels, mail: options.mail === undefined ? mailConfigOf() : options.mail, now: () => ctx.clock() });
  const ctx: AppContext = {
    store,
    registry: prepareRegistry({ regions, departments: loadDepartmentRegistry(), indicators: loadIndicatorCatalog() }),
    regions: regionMap,
    approvalLevels,
    clock: () => new Date(),
    notifications,
    limiter: new LoginLimiter(),
    webDir: webDir && existsSync(path.join(webDir, 'index.html')) ? webDir : null,
    dataDir,
    // A minute bounds how long a deleted session or a changed user could linger in memory.
    caches: { sessions: new TtlCache(60_000), assignments: new TtlCache(60_000) },
    analytics,
    close: async () => {
      await notifications.stop();
      await analytics.close();
      store.close();
    },
  };
  return ctx;
}
