import * as z from 'zod';
import { RegionCode } from '../region.js';

/** A unit a plan names, in its region. */
const PlanUnit = z.object({ regionCode: RegionCode, department: z.string() });

/** A reporter account made for a unit of a plan, with its one-time log-in code: shown this once. */
export const CreatedReporter = PlanUnit.extend({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  code: z.string(),
  link: z.string(),
  expiresAt: z.string(),
});
export type CreatedReporter = z.infer<typeof CreatedReporter>;

/** Why no account was made for a unit. */
export const SKIPPED_UNIT_REASONS = ['has_account', 'disabled_account', 'unknown_region'] as const;

/** A unit of the plan left without a new account, and why. */
export const SkippedUnit = PlanUnit.extend({ username: z.string().nullable(), reason: z.enum(SKIPPED_UNIT_REASONS) });
export type SkippedUnit = z.infer<typeof SkippedUnit>;

/** The accounts made for a plan's units, and the units skipped. */
export const ReporterAccounts = z.object({ created: z.array(CreatedReporter), skipped: z.array(SkippedUnit) });
export type ReporterAccounts = z.infer<typeof ReporterAccounts>;
