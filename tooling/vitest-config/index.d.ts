import type { UserConfig } from 'vitest/config';

/** Shared vitest settings for Kesu packages. */
export function kesuVitest(overrides?: NonNullable<UserConfig['test']>): UserConfig;

/** The global setup that starts one throw-away PostgreSQL for a package's whole run. */
export const POSTGRES_SETUP: string;
