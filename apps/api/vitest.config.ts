import { defineConfig } from 'vitest/config';
import { kesuVitest, POSTGRES_SETUP } from '@kesu/vitest-config';

// The journey, the role matrix, the bad inputs and the crash test run on both engines.
export default defineConfig(kesuVitest({ globalSetup: [POSTGRES_SETUP] }));
