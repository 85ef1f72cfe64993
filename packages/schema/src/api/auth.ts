import * as z from 'zod';
import { Password, User, Username } from '../user.js';

export const LoginBody = z.strictObject({ username: Username, password: Password });
export type LoginBody = z.infer<typeof LoginBody>;

/** Who is logged in, and the token that must come with each of their writes. */
export const SessionInfo = z.object({ user: User, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const LoggedOut = z.object({ ok: z.literal(true) });
export type LoggedOut = z.infer<typeof LoggedOut>;

export const NewTokenBody = z.strictObject({ label: z.string().min(1).max(60) });
export type NewTokenBody = z.infer<typeof NewTokenBody>;

/** A bearer token for scripts, shown once. */
export const TokenInfo = z.object({ token: z.string(), expiresAt: z.string() });
export type TokenInfo = z.infer<typeof TokenInfo>;
