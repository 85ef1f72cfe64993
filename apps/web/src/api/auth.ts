import type { User } from '@kesu/schema';
import { api } from './client';

export interface SessionInfo {
  user: User;
  csrfToken: string;
}

export const login = (username: string, password: string) =>
  api<SessionInfo>('/auth/login', { method: 'POST', body: { username, password } });
export const me = () => api<SessionInfo>('/auth/me');
export const logout = () => api<{ ok: true }>('/auth/logout', { method: 'POST' });
export const redeemCode = (username: string, code: string, password: string) =>
  api<SessionInfo>('/auth/redeem-code', { method: 'POST', body: { username, code, password } });
