import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Role, User } from '@kesu/schema';
import * as auth from '../api/auth';
import { ApiFailure, setCsrfToken } from '../api/client';

/** Who is logged in, with the CSRF token the API wants on writes. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null);
  /** Whether the session has been asked for since the page loaded. */
  const checked = ref(false);

  function accept(info: auth.SessionInfo) {
    user.value = info.user;
    setCsrfToken(info.csrfToken);
  }

  /** Picks up a session cookie left from before a reload; no session is not an error. */
  async function restore(): Promise<User | null> {
    if (checked.value) return user.value;
    try {
      accept(await auth.me());
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.status !== 401) throw error;
      user.value = null;
    }
    checked.value = true;
    return user.value;
  }

  async function login(username: string, password: string) {
    accept(await auth.login(username, password));
    checked.value = true;
  }

  /** Sets the first password with a one-time code handed out by the office, which also logs in. */
  async function redeem(username: string, code: string, password: string) {
    accept(await auth.redeemCode(username, code, password));
    checked.value = true;
  }

  async function logout() {
    try {
      await auth.logout();
    } finally {
      forget();
    }
  }

  /** Drops the session locally (it expired, or the user logged out). */
  function forget() {
    user.value = null;
    setCsrfToken('');
  }

  const role = computed<Role | null>(() => user.value?.role ?? null);
  const hasRole = (...roles: Role[]) => role.value !== null && roles.includes(role.value);

  return { user, checked, role, hasRole, restore, login, redeem, logout, forget };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot));
