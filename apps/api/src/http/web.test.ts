import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeb } from './web.js';

let root: string;
let app: Hono;
beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-web-'));
  root = path.join(dir, 'dist');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>科素</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  app = new Hono();
  app.get('*', serveWeb(root));
});
afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

describe('serveWeb', () => {
  it('serves files of the built app with their types and caching', async () => {
    const js = await app.request('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    const index = await app.request('/');
    expect(await index.text()).toContain('科素');
    expect(index.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers client routes with index.html', async () => {
    expect(await (await app.request('/plans/123/review')).text()).toContain('科素');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt', '/%00'])(
    'never leaves its folder: %s',
    async (url) => {
      const res = await app.request(url);
      expect(await res.text()).not.toContain('do not serve');
    },
  );
});
