import * as z from 'zod';
import { RegionCode } from '../region.js';
import { LoginCode, type NewUser, User } from '../user.js';

export const UserIdParam = z.object({ id: z.uuid() });
export type UserIdParam = z.infer<typeof UserIdParam>;

/** The region tree asked about; without one, the caller's own (the office: every region). */
export const UserRegionQuery = z.object({ region: RegionCode.optional() });
export type UserRegionQuery = z.infer<typeof UserRegionQuery>;

export const UnitAccountsQuery = z.object({ region: RegionCode });
export type UnitAccountsQuery = z.infer<typeof UnitAccountsQuery>;

/** A new user as a client sends it: the defaults (no region, unit or e-mail) may be left out. */
export type NewUserBody = z.input<typeof NewUser>;

/** A new user, with the one-time log-in code when no password was given. */
export const CreatedUser = User.extend({
  loginCode: LoginCode.nullable().meta({ description: 'the one-time code when no password was given; shown once' }),
});
export type CreatedUser = z.infer<typeof CreatedUser>;

/** One person's log-in as a clerk hands it out. */
export const LoginSheetRow = z.strictObject({
  regionName: z.string().max(60),
  department: z.string().max(120),
  username: z.string().max(32),
  code: z.string().max(64),
  link: z.string().max(500),
  expiresAt: z.string().max(40),
});
export type LoginSheetRow = z.infer<typeof LoginSheetRow>;

/** The printable log-in list: a title and one row per person. */
export const LoginSheet = z.strictObject({
  title: z.string().min(1).max(120),
  rows: z.array(LoginSheetRow).min(1).max(5000),
});
export type LoginSheet = z.infer<typeof LoginSheet>;
