export { openStore, quoteIdent, type Store } from './database.js';
export { inTransaction } from './transaction.js';
export { migrate, schemaVersion, MIGRATIONS, type Migration } from './migrations/index.js';
export { replaceRegistry, type Registry } from './repositories/registry.js';
export { listPlanDocuments, savePlanDocument, type StoredDocument } from './repositories/plan-documents.js';
export { summarize, type StoreSummary } from './repositories/summary.js';
