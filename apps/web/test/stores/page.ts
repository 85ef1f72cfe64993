import { createPinia, setActivePinia } from 'pinia';
import { expect, inject } from 'vitest';
import { ApiFailure, setCsrfToken } from '../../src/api/client';
import { useSessionStore } from '../../src/stores/session';

/** A demo user's password, as `kesu demo seed` wrote it. */
export const demoPassword = (username: string) => inject('logins')[username] as string;

/** A new page in this browser: fresh stores, logged in as this user. */
export async function logIn(username: string, password = demoPassword(username)): Promise<void> {
  setActivePinia(createPinia());
  await useSessionStore().login(username, password);
}

/** A reload: new stores, the same browser (its cookie), and the session picked up again as the app does. */
export async function reload(): Promise<void> {
  setActivePinia(createPinia());
  setCsrfToken('');
  await useSessionStore().restore();
}

/** What a refused request threw: an ApiFailure with its reason in Chinese and in English. */
export async function refusal(work: Promise<unknown>): Promise<ApiFailure> {
  const failure = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(failure).toBeInstanceOf(ApiFailure);
  const { zh, en } = failure as ApiFailure;
  expect(zh).toMatch(/[\u4e00-\u9fff]/);
  expect(en).toMatch(/[a-z]{3,}/);
  return failure as ApiFailure;
}

/** A name no other test uses (lower-case letters, digits and `-`, as user names allow). */
export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
