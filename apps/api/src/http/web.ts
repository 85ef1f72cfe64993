import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves the built single-page app: a file under the folder if one matches (never outside it),
 * otherwise index.html so client routes load.
 */
export function serveWeb(root: string) {
  const base = path.resolve(root);
  return (c: Context) => {
    let relative: string;
    try {
      relative = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      relative = '/';
    }
    const file = path.resolve(base, `.${path.posix.normalize(relative)}`);
    const inside = file.startsWith(base + path.sep);
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : path.join(base, 'index.html');
    if (!existsSync(target)) return c.text('web app not built', 404);
    const immutable = target.includes(`${path.sep}assets${path.sep}`);
    return c.body(readFileSync(target), 200, {
      'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
}
