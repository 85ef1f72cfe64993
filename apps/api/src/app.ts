import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { Context } from 'hono';
import { ZodError } from 'zod';
import { toApiError, type ApiError } from '@kesu/schema';
import { isDatabaseBusy, isDatabaseUnavailable, isStorageFull } from '@kesu/store';
import { authenticate } from './auth/middleware.js';
import type { AppContext, AppEnv } from './context.js';
import { limitBody } from './http/body-limit.js';
import { Failure } from './http/failure.js';
import { checkJsonText } from './http/strict-json.js';
import { describeApi } from './http/api-description.js';
import { docsPage, docsAssets } from './http/docs.js';
import { analyticsRoutes } from './routes/analytics.js';
import { benchmarkRoutes } from './routes/benchmarks.js';
import { assignmentRoutes } from './routes/assignments.js';
import { auditRoutes } from './routes/audit.js';
import { backupRoutes } from './routes/backups.js';
import { authRoutes } from './routes/auth.js';
import { formRoutes } from './routes/forms.js';
import { metaRoutes } from './routes/meta.js';
import { notificationRoutes } from './routes/notifications.js';
import { planAccountRoutes } from './routes/plan-accounts.js';
import { planRoutes } from './routes/plans.js';
import { savedQueryRoutes } from './routes/saved-queries.js';
import { userRoutes } from './routes/users.js';
import { workbookRoutes } from './routes/workbooks.js';
import { serveWeb } from './http/web.js';

export const JSON_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 10 * 1024 * 1024;
const PUBLIC = new Set(['/api/v1/auth/login', '/api/v1/auth/redeem-code', '/api/v1/health']);

/**
 * What hono's own exceptions mean here, in both languages: the body limit (413), the JSON validator
 * given a body it cannot parse (400: an empty one; other text is caught earlier with its position)
 * and the media type check of a route's body (415).
 */
const HTTP_FAILURES: Partial<Record<number, [code: string, zh: string, en: string]>> = {
  400: ['invalid_json', '请求体不是有效的 JSON', 'the request body is not valid JSON'],
  413: ['too_large', '请求内容过大', 'request body too large'],
  415: [
    'unsupported_media_type',
    '请求体的内容类型不受支持（应为 application/json）',
    'unsupported content type for the request body (use application/json)',
  ],
};
/** The media types hono's JSON validator parses. */
const JSON_BODY = /^application\/([a-z-.]+\+)?json(;|$)/i;

/**
 * Headers every answer carries: no framing by other sites (the app frames its own printable
 * report), no guessing of content types, and a content security policy that runs only the app's
 * own scripts (Element Plus sets inline styles).
 */
const SECURITY_HEADERS = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
  },
  xFrameOptions: 'SAMEORIGIN',
  referrerPolicy: 'same-origin',
});

/** How long a client should wait before sending a request again that met an unreachable database. */
const RETRY_AFTER_SECONDS = 2;
/** An outage fails every request: the log says so once in this long, not once a request. */
const UNAVAILABLE_LOG_MS = 10_000;
let unavailableLoggedAt = 0;
let storageFullLoggedAt = 0;

function errorBody(
  code: string,
  message: string,
  messageEn: string,
  details: ApiError['error']['details'] = [],
): ApiError {
  return { error: { code, message, messageEn, details } };
}

/** Every failure becomes the one error shape; unexpected ones are logged and hidden. */
function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof Failure) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.zh, error.en, error.details), error.status);
  }
  if (error instanceof ZodError) return c.json(toApiError(error), 400);
  if (error instanceof HTTPException) {
    const known = HTTP_FAILURES[error.status];
    if (known) return c.json(errorBody(...known), error.status);
    return c.json(errorBody('http_error', '请求无效', error.message || 'bad request'), error.status);
  }
  if (error instanceof SyntaxError)
    return c.json(errorBody('invalid_json', '请求体不是有效的 JSON', 'the request body is not valid JSON'), 400);
  // The database server is restarting or out of reach: the request may be sent again (with its
  // Idempotency-Key, if a write).
  if (isDatabaseUnavailable(error)) {
    if (Date.now() - unavailableLoggedAt > UNAVAILABLE_LOG_MS) {
      unavailableLoggedAt = Date.now();
      console.error(`${c.req.method} ${c.req.path}: database unavailable: ${error.message}`);
    }
    c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json(
      errorBody(
        'database_unavailable',
        '数据库暂时无法连接，请稍后重试',
        'the database cannot be reached just now; try again shortly',
      ),
      503,
    );
  }
  // A statement waited past its connection's limit (a lock held elsewhere, a slow plan): cancelled, nothing of it kept.
  if (isDatabaseBusy(error)) {
    c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json(
      errorBody(
        'database_busy',
        '数据库繁忙（操作等待超时，未保存任何更改），请稍后重试',
        'the database is busy (the operation waited too long and nothing was changed); try again shortly',
      ),
      503,
    );
  }
  // Nothing of the failed write was kept; what was stored before is unchanged.
  if (isStorageFull(error)) {
    if (Date.now() - storageFullLoggedAt > UNAVAILABLE_LOG_MS) {
      storageFullLoggedAt = Date.now();
      console.error(`${c.req.method} ${c.req.path}: storage full: ${error.message}`);
    }
    return c.json(
      errorBody(
        'storage_full',
        '服务器存储空间已满，本次更改未保存（此前保存的数据不受影响）：请联系管理员清理磁盘后重试',
        'the server’s disk is full: this change was not saved (what was saved before is unaffected); ' +
          'ask the administrator to free space, then try again',
      ),
      507,
    );
  }
  console.error(`${c.req.method} ${c.req.path}:`, error);
  return c.json(errorBody('internal', '服务器内部错误，请稍后重试', 'internal server error; try again later'), 500);
}

/**
 * The whole HTTP interface: JSON under /api/v1 (OpenAPI at /api/openapi.json, docs at /api/docs)
 * and the built web app at /.
 * @example serve({ fetch: createApp(ctx).fetch, port: 8080 })
 */
export function createApp(ctx: AppContext) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', SECURITY_HEADERS);
  app.onError(onError);
  app.notFound((c) => c.json(errorBody('not_found', '没有这个地址', 'no such endpoint'), 404));

  const jsonLimit = limitBody(JSON_LIMIT);
  const uploadLimit = limitBody(UPLOAD_LIMIT);
  // Files (plan documents, workbooks) may be larger than any JSON body.
  app.use('/api/v1/*', (c, next) => (/\/(import|upload)$/.test(c.req.path) ? uploadLimit : jsonLimit)(c, next));
  app.use('/api/v1/*', async (c, next) => {
    if (JSON_BODY.test(c.req.header('content-type') ?? '')) {
      const text = await c.req.text();
      // No body at all is the route's to judge: most writes without a body take none.
      if (text !== '') checkJsonText(text);
    }
    await next();
  });
  const auth = authenticate(ctx);
  app.use('/api/v1/*', async (c, next) => (PUBLIC.has(c.req.path) ? next() : auth(c, next)));

  app.get('/api/v1/health', (c) => c.json({ ok: true }));
  app.route('/api/v1/auth', authRoutes(ctx));
  app.route('/api/v1/users', userRoutes(ctx));
  app.route('/api/v1', metaRoutes(ctx));
  app.route('/api/v1/plans', planRoutes(ctx));
  app.route('/api/v1/plans', planAccountRoutes(ctx));
  app.route('/api/v1/forms', formRoutes(ctx));
  app.route('/api/v1/assignments', assignmentRoutes(ctx));
  app.route('/api/v1/assignments', workbookRoutes(ctx));
  app.route('/api/v1/audit', auditRoutes(ctx));
  app.route('/api/v1/backups', backupRoutes(ctx));
  app.route('/api/v1', analyticsRoutes(ctx));
  app.route('/api/v1/benchmarks', benchmarkRoutes(ctx));
  app.route('/api/v1/saved-queries', savedQueryRoutes(ctx));
  app.route('/api/v1/notifications', notificationRoutes(ctx));

  describeApi(app, '/api/openapi.json', PUBLIC);
  app.get('/api/docs', (c) => c.html(docsPage()));
  app.get('/api/docs/assets/:file', docsAssets);
  if (ctx.webDir) app.get('*', serveWeb(ctx.webDir));
  return app;
}
