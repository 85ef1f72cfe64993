import { defineConfig } from 'vitest/config';
import { kesuVitest, POSTGRES_SETUP } from '@kesu/vitest-config';

// The generator writes to either engine: a throw-away PostgreSQL serves the whole run.
export default defineConfig(kesuVitest({ globalSetup: [POSTGRES_SETUP] }));
