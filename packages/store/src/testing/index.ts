export { startTestPostgres, type TestPostgres } from './postgres-server.js';
export { createTestDatabase, POSTGRES_URL_VARIABLE, testPostgresUrl } from './test-database.js';
export { BACKENDS, openTestStore, rawDb, testStoreLocation, type TestStore } from './test-stores.js';
export { mountSmallDisk, type SmallDisk } from './small-disk.js';
