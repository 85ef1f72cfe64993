import { defineConfig } from 'vitest/config';
import { kesuVitest } from '@kesu/vitest-config';

export default defineConfig(kesuVitest());
