import { describe, expect, inject, it } from 'vitest';
import { nextTick } from 'vue';
import { ApiFailure } from '../../src/api/client';
import { useScopeStore } from '../../src/stores/scope';
import { useSessionStore } from '../../src/stores/session';

const password = (username: string) => inject('logins')[username] as string;

describe('the session store', () => {
  it('finds no session on a fresh page, logs in, and keeps the session across a reload', async () => {
    const session = useSessionStore();
    expect(await session.restore()).toBeNull();
    expect(session.checked).toBe(true);

    await session.login('jj-reviewer', password('jj-reviewer'));
    expect(session.user?.username).toBe('jj-reviewer');
    expect(session.role).toBe('reviewer');
    expect(session.hasRole('admin', 'reviewer')).toBe(true);
    expect(session.hasRole('admin')).toBe(false);

    // A reload: a new store, the same browser (its cookie).
    const { createPinia, setActivePinia } = await import('pinia');
    setActivePinia(createPinia());
    const reloaded = useSessionStore();
    expect((await reloaded.restore())?.username).toBe('jj-reviewer');
  });

  it('refuses a wrong password with the reason in both languages, and stays logged out', async () => {
    const session = useSessionStore();
    const failure = await session.login('jj-reviewer', 'not-the-password').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).status).toBe(401);
    expect((failure as ApiFailure).zh).toMatch(/[\u4e00-\u9fff]/);
    expect(session.user).toBeNull();
  });

  it('logs out on the server too: the next page finds no session', async () => {
    const session = useSessionStore();
    await session.login('leader', password('leader'));
    await session.logout();
    expect(session.user).toBeNull();
    const { createPinia, setActivePinia } = await import('pinia');
    setActivePinia(createPinia());
    expect(await useSessionStore().restore()).toBeNull();
  });
});

describe('the scope store', () => {
  it('remembers the region and period chosen in the header for the next page', async () => {
    const scope = useScopeStore();
    expect(scope.regionCode).toBeNull();
    scope.regionPath = ['510000', '510100', '510104'];
    scope.period = '2024Q4';
    expect(scope.regionCode).toBe('510104');
    await nextTick();

    const { createPinia, setActivePinia } = await import('pinia');
    setActivePinia(createPinia());
    const next = useScopeStore();
    expect(next.regionCode).toBe('510104');
    expect(next.period).toBe('2024Q4');
    next.reset();
    expect(next.regionPath).toEqual([]);
  });

  it('forgets a damaged saved choice rather than failing', () => {
    localStorage.setItem('kesu.scope', '{not json');
    expect(useScopeStore().regionPath).toEqual([]);
  });
});
