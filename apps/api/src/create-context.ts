import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { prepareRegistry } from '@kesu/plans';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import { openStore, summarize } from '@kesu/store';
import type { ApprovalLevel } from '@kesu/schema';
import { approvalLevelsOf, countApprovedFromOf } from './config.js';
import { AnalyticsService, WAREHOUSE_TOPIC } from './analytics/analytics-service.js';
import { LoginLimiter } from './auth/rate-limit.js';
import { TtlCache } from './http/ttl-cache.js';
import type { AppContext } from './context.js';
import { mailConfigOf, type MailConfig } from './notify/notify-config.js';
import { NotificationService } from './notify/notification-service.js';
import { loadSeeds } from './seed.js';

/** Opens the store in a data folder and loads the registries every request uses. */
export async function createContext(options: {
  database: string;
  dataDir: string;
  webDir?: string | null;
  approvalLevels?: readonly ApprovalLevel[];
  mail?: MailConfig | null;
  countApprovedFrom?: ApprovalLevel | null;
}): Promise<AppContext> {
  // The data folder holds the warehouse and the lake whichever engine holds the store.
  mkdirSync(options.dataDir, { recursive: true });
  const store = await openStore(options.database);
  let analytics: AnalyticsService;
  try {
    // The warehouse and the importer read the registries from the store: a new one gets them now.
    if ((await summarize(store.connection)).regions === 0) await loadSeeds(store);
    analytics = await AnalyticsService.open(
      store,
      options.dataDir,
      options.countApprovedFrom === undefined ? countApprovedFromOf() : options.countApprovedFrom,
    );
  } catch (error) {
    // Open connections would keep a failed command's process alive.
    await store.close();
    throw error;
  }
  const regions = loadRegions();
  const webDir = options.webDir === undefined ? null : options.webDir;
  const dataDir = options.dataDir;
  const regionMap = new Map(regions.map((r) => [r.code, r]));
  const approvalLevels = options.approvalLevels ?? approvalLevelsOf();
  // Read through the context, so a test that moves the clock moves it for the jobs too.
  const notifications = new NotificationService({
    store,
    regions: regionMap,
    approvalLevels,
    mail: options.mail === undefined ? mailConfigOf() : options.mail,
    now: () => ctx.clock(),
  });
  // A minute bounds how long a change could linger in memory if a node missed the feed.
  const caches: AppContext['caches'] = { sessions: new TtlCache(60_000), assignments: new TtlCache(60_000) };
  store.changes.subscribe('sessions', (key) => caches.sessions.delete(key));
  store.changes.subscribe('assignments', (key) => caches.assignments.delete(key));
  const refreshWarehouse = () =>
    analytics.refresh().catch((error: unknown) => console.error('warehouse refresh failed:', error));
  store.changes.subscribe(WAREHOUSE_TOPIC, refreshWarehouse);
  // The feed was cut (the database restarted): whatever other nodes changed meanwhile is unknown here.
  store.changes.onGap(() => {
    caches.sessions.clear();
    caches.assignments.clear();
    void refreshWarehouse();
  });
  const ctx: AppContext = {
    store,
    registry: prepareRegistry({ regions, departments: loadDepartmentRegistry(), indicators: loadIndicatorCatalog() }),
    regions: regionMap,
    approvalLevels,
    clock: () => new Date(),
    notifications,
    limiter: new LoginLimiter(store),
    webDir: webDir && existsSync(path.join(webDir, 'index.html')) ? webDir : null,
    dataDir,
    caches,
    evict: async (cache, keys) => {
      for (const key of keys) await store.changes.publish(cache, key);
    },
    analytics,
    close: async () => {
      await notifications.stop();
      await analytics.close();
      await store.close();
    },
  };
  return ctx;
}
