import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { limitBody } from './body-limit.js';

function app() {
  const a = new Hono();
  a.onError((e, c) => c.text('too large', e instanceof HTTPException ? e.status : 500));
  a.use('*', limitBody(10));
  a.post('/', async (c) => c.text(`got ${(await c.req.text()).length}`));
  return a;
}

const chunked = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

describe('limitBody', () => {
  it('passes a body whose declared length is within the limit', async () => {
    const res = await app().request('/', { method: 'POST', body: '0123456789', headers: { 'content-length': '10' } });
    expect(await res.text()).toBe('got 10');
  });

  it('rejects a declared length over the limit without reading the body', async () => {
    const res = await app().request('/', { method: 'POST', body: 'x', headers: { 'content-length': '11' } });
    expect(res.status).toBe(413);
  });

  it('counts a body sent without a length', async () => {
    const small = await app().request('/', { method: 'POST', body: chunked('abc'), duplex: 'half' } as RequestInit);
    expect(await small.text()).toBe('got 3');
    const big = await app().request('/', {
      method: 'POST',
      body: chunked('x'.repeat(11)),
      duplex: 'half',
    } as RequestInit);
    expect(big.status).toBe(413);
  });
});
