import type { PreparedRegistry } from '@kesu/plans';
import type { ApprovalLevel, AssignmentBase, Region, User } from '@kesu/schema';
import type { SessionRecord, Store } from '@kesu/store';
import type { AnalyticsService } from './analytics/analytics-service.js';
import type { LoginLimiter } from './auth/rate-limit.js';
import type { TtlCache } from './http/ttl-cache.js';
import type { NotificationService } from './notify/notification-service.js';

/** What every route needs: the store, the import registry, regions and the login limiter. */
export interface AppContext {
  store: Store;
  registry: PreparedRegistry;
  regions: Map<string, Region>;
  /** The levels at which reports are approved, lowest first. */
  approvalLevels: readonly ApprovalLevel[];
  /** The time notifications and their jobs go by (UTC); tests move it, never the machine's. */
  clock: () => Date;
  /** The inbox's events, the deadline reminders and the mail outbox. */
  notifications: NotificationService;
  limiter: LoginLimiter;
  /** Folder of the built web app, served at `/` when present. */
  webDir: string | null;
  /** The data folder: the database, backups, the warehouse. */
  dataDir: string;
  /** What every request reads and almost never changes; writes that change it evict it. */
  caches: {
    sessions: TtlCache<string, { session: SessionRecord; user: User }>;
    assignments: TtlCache<string, AssignmentBase>;
  };
  /**
   * Drops entries from a cache here and, through the store's change feed, on every other node
   * serving the same database. Called once the change is committed.
   */
  evict: (cache: 'sessions' | 'assignments', keys: string[]) => Promise<void>;
  /** The warehouse, the lake and the SQL sandbox beside the store. */
  analytics: AnalyticsService;
  /** Waits for warehouse work, then closes the sandbox and the store. */
  close: () => Promise<void>;
}

/** Hono's per-request variables once a caller is authenticated. */
export interface AppEnv {
  Variables: {
    user: User;
    session: SessionRecord;
  };
}
