export { isPostgresUrl, openStore, quoteIdent, quoteLiteral, type Store } from './database.js';
export { placeholders, type Db, type Dialect, type Param } from './db.js';
export { DuckDb } from './duckdb/duckdb-db.js';
export {
  appendRows,
  exec,
  first,
  json,
  rows,
  sqlTimestamp,
  type Cell,
  type Connection,
  type DuckDBParams,
  type Params,
  type Row,
} from './sql.js';
export { inTransaction } from './transaction.js';
export { WriteQueue, type BatchKind, type WriteJob } from './write-queue.js';
export { ReadPool } from './read-pool.js';
export type { ChangeFeed } from './change-feed.js';
export { redactedUrl, StoreUnreachableError } from './postgres/open-postgres-store.js';
export { DatabaseUnavailableError, isDatabaseBusy, isDatabaseUnavailable } from './postgres/connection-loss.js';
export { isStorageFull, reattachAfterFailure } from './storage-full.js';
export { migrate, NewerSchemaError, schemaVersion, MIGRATIONS, type Migration } from './migrations/index.js';
export { replaceRegistry, type Registry } from './repositories/registry.js';
export {
  documentSha256,
  listPlanDocuments,
  planDocumentText,
  savePlanDocument,
  type StoredDocument,
} from './repositories/plan-documents.js';
export { summarize, type StoreSummary } from './repositories/summary.js';
export * from './repositories/users.js';
export * from './repositories/login-codes.js';
export * from './repositories/accounts.js';
export * from './repositories/sessions.js';
export * from './repositories/audit.js';
export * from './repositories/plans.js';
export * from './repositories/forms.js';
export * from './repositories/assignments.js';
export * from './repositories/units.js';
export * from './repositories/submissions.js';
export * from './repositories/idempotency.js';
export * from './repositories/saved-queries.js';
export * from './repositories/notifications.js';
export * from './repositories/mail-outbox.js';
export * from './repositories/job-leases.js';
export * from './repositories/recipients.js';
export { BackupNotHereError, backupStore, inspectBackup } from './backup.js';
export * from './repositories/login-failures.js';
