import { inject } from 'vitest';

/**
 * What a browser adds to the app's requests and Node's fetch does not: the page's origin before a
 * path (`/api/v1/…`) and the session cookie the server set. The requests themselves go to the real
 * server unchanged.
 */
export class BrowserFetch {
  private cookies = new Map<string, string>();
  private readonly nodeFetch = globalThis.fetch.bind(globalThis);

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const target = typeof input === 'string' && input.startsWith('/') ? `${inject('baseUrl')}${input}` : input;
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.nodeFetch(target, { ...init, headers });
    for (const line of res.headers.getSetCookie()) this.keep(line);
    return res;
  };

  /** Starts a fresh browser: no cookies. */
  clear(): void {
    this.cookies.clear();
  }

  private keep(line: string) {
    const [pair = '', ...attributes] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** The page's localStorage: strings by key, as the Web Storage API keeps them. */
export class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}
