import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.close());

const get = (url: string) => h.app.request(url);

describe('every answer', () => {
  it.each(['/api/v1/health', '/api/v1/no-such-thing', '/api/v1/auth/me', '/api/docs'])(
    'to %s carries the security headers',
    async (url) => {
      const res = await get(url);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("frame-ancestors 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain("script-src 'self' 'unsafe-inline'");
    },
  );

  it('leaves no inline script in the API docs page, which starts from a file of its own', async () => {
    const page = await (await get('/api/docs')).text();
    expect(page).not.toMatch(/<script>(?!<\/script>)/);
    const start = await get('/api/docs/assets/start.js');
    expect(start.headers.get('content-type')).toContain('javascript');
    expect(await start.text()).toContain('SwaggerUIBundle');
  });
});
