import type { LoggedOut, SessionInfo } from '@kesu/schema';
import { api } from './client';

export type { SessionInfo } from '@kesu/schema';

export const login = (username: string, password: string) =>
  api<SessionInfo>('/auth/login', { method: 'POST', body: { username, password } });
export const me = () => api<SessionInfo>('/auth/me');
export const logout = () => api<LoggedOut>('/auth/logout', { method: 'POST' });
export const redeemCode = (username: string, code: string, password: string) =>
  api<SessionInfo>('/auth/redeem-code', { method: 'POST', body: { username, code, password } });
