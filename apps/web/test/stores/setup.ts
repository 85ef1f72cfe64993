import { createPinia, setActivePinia } from 'pinia';
import { beforeEach } from 'vitest';
import { setCsrfToken } from '../../src/api/client';
import { BrowserFetch, MemoryStorage } from './browser-fetch';

const browser = new BrowserFetch();
const storage = new MemoryStorage();
globalThis.fetch = browser.fetch;
Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });

// Every test is a fresh page in a fresh browser profile: new stores, no session, nothing stored.
beforeEach(() => {
  browser.clear();
  storage.clear();
  setCsrfToken('');
  setActivePinia(createPinia());
});
