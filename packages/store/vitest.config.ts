import { defineConfig } from 'vitest/config';
import { kesuVitest, POSTGRES_SETUP } from '@kesu/vitest-config';

// The contract suites run on both engines: a throw-away PostgreSQL serves the whole run.
export default defineConfig(kesuVitest({ globalSetup: [POSTGRES_SETUP] }));
