import type { UserConfig } from 'vitest/config';

/** Shared vitest settings for Kesu packages. */
export function kesuVitest(overrides?: NonNullable<UserConfig['test']>): UserConfig;
