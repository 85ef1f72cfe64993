import type {
  CreatedUser,
  LoginCode,
  LoginSheetRow,
  NewUserBody,
  ReporterAccounts,
  UnitAccounts,
  User,
  UserChange,
} from '@kesu/schema';
import { api, apiFile } from './client';

export type { CreatedReporter, CreatedUser, LoginSheetRow, SkippedUnit } from '@kesu/schema';

/** A new user as the form sends it: without a password, the answer carries a one-time code. */
export type NewUserInput = NewUserBody;

export const listUsers = () => api<User[]>('/users');
export const createUser = (input: NewUserInput) => api<CreatedUser>('/users', { method: 'POST', body: input });
export const updateUser = (id: string, change: UserChange) =>
  api<User>(`/users/${id}`, { method: 'PATCH', body: change });
export const disableUser = (id: string) => api<User>(`/users/${id}/disable`, { method: 'POST' });
export const enableUser = (id: string) => api<User>(`/users/${id}/enable`, { method: 'POST' });
export const resetPassword = (id: string) => api<LoginCode>(`/users/${id}/reset-password`, { method: 'POST' });
export const unitsOf = (region: string) => api<UnitAccounts[]>('/users/units', { query: { region } });
export const missingAccounts = (region?: string | null) =>
  api<UnitAccounts[]>('/users/missing-accounts', { query: { region } });
export const planReporterAccounts = (planId: string) =>
  api<ReporterAccounts>(`/plans/${planId}/reporter-accounts`, { method: 'POST' });
export const loginSheet = (title: string, rows: LoginSheetRow[]) =>
  apiFile('/users/login-sheet', { method: 'POST', body: { title, rows } });
