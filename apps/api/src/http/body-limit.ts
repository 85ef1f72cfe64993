import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

const tooLarge = () => {
  throw new HTTPException(413);
};

/**
 * Rejects bodies over `maxSize` bytes. A declared Content-Length is judged from the header alone
 * (Node's HTTP parser never reads past it), which keeps the request lightweight; only chunked
 * bodies go through hono's streaming counter, which has to build a full fetch Request.
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  const streaming = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return streaming(c, next);
    if (Number(declared) > maxSize) tooLarge();
    return next();
  };
}
