import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Context } from 'hono';

const require = createRequire(import.meta.url);
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};
const assetDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const STYLESHEET = '<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">';

/** The browsable API docs: Swagger UI served from the installed package, no outside network. */
export function docsPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>科素 Kesu API 文档</title>${STYLESHEET}</head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/start.js"></script>
</body></html>`;
}

/** Starts Swagger UI: a file of its own, as the content security policy runs no inline script. */
const START = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs' });\n";

/** Only the named files are served, so no path can reach anything else. */
export function docsAssets(c: Context) {
  const file = c.req.param('file') ?? '';
  if (file === 'start.js')
    return c.body(START, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=86400',
    });
  const type = ASSETS[file];
  if (!type)
    return c.json(
      { error: { code: 'not_found', message: '没有这个文件', messageEn: 'no such file', details: [] } },
      404,
    );
  return c.body(readFileSync(path.join(assetDir, file)), 200, {
    'content-type': type,
    'cache-control': 'public, max-age=86400',
  });
}
