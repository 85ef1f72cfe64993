import type { OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import { ApiError } from '@kesu/schema';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/middleware.js';
import type { AppEnv } from '../context.js';
import { IDEMPOTENCY_KEY } from './idempotency.js';
import { componentRef, ERROR_RESPONSES, idempotent, type ErrorStatus } from './openapi.js';

type Document = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;
type PathItem = NonNullable<Document['paths']>[string];
type Operation = NonNullable<PathItem['get']>;
type Parameter = NonNullable<Operation['parameters']>[number];
type SchemaObject = NonNullable<NonNullable<Document['components']>['schemas']>[string];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const WRITES = new Set(['put', 'post', 'delete', 'patch']);
const JSON_TYPE = /^application\/([a-z-.]+\+)?json$/;
const IDEMPOTENCY_REF = idempotent.parameters[0]?.$ref;

const INFO = {
  openapi: '3.1.0',
  info: {
    title: '科素 Kesu API',
    version: '1.0.0',
    description: '全民科学素质行动规划实施监测 / science-literacy plan monitoring',
  },
  // Every route needs one of the two unless it says otherwise (log-in does).
  security: [{ session: [] }, { bearer: [] }],
};

/** The parts every route shares: how callers prove who they are, the two headers, the error answers. */
function registerShared(app: OpenAPIHono<AppEnv>): void {
  const registry = app.openAPIRegistry;
  // The zod schema as JSON Schema (which OpenAPI 3.1 takes as it is), without its dialect line;
  // zod's type allows boolean sub-schemas, which OpenAPI's does not and ApiError has none of.
  const { $schema: _dialect, ...errorSchema } = z.toJSONSchema(ApiError);
  registry.registerComponent('schemas', 'ApiError', errorSchema as unknown as SchemaObject);
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      '登录（/auth/login）后的会话 Cookie，httpOnly、SameSite=Strict；写操作还须带 X-CSRF-Token / ' +
      'the session cookie set by log-in; writes also need X-CSRF-Token',
  });
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      '脚本用令牌（POST /auth/tokens 创建），不需要 CSRF 令牌 / a script token made with POST /auth/tokens; needs no CSRF token',
  });
  registry.registerComponent('parameters', 'CsrfToken', {
    name: CSRF_HEADER,
    in: 'header',
    required: false,
    description:
      '使用会话 Cookie 时必填：登录或 GET /auth/me 返回的 csrfToken；使用 Bearer 令牌时不需要 / ' +
      'required with the session cookie: the csrfToken from log-in or GET /auth/me; not with a bearer token',
    schema: { type: 'string' },
  });
  registry.registerComponent('parameters', 'IdempotencyKey', {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      '重试时带同一个键，只执行一次并返回第一次的结果；同一个键用于不同请求时返回 422 / ' +
      'retried with the same key the request counts once and answers as the first time; ' +
      'a key reused for a different request is refused with 422',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
  });
  for (const { name, description } of Object.values(ERROR_RESPONSES)) {
    registry.registerComponent('responses', name, {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    });
  }
}

/**
 * The error answers an operation can give, read from what it declares: its inputs (400), the body
 * limit and media type of its body (413, 415), whether it needs a log-in (401), its role guard,
 * CSRF on writes and a region or object it names (403), an object named in its path (404), the
 * Idempotency-Key it honours (422); every operation may fail unexpectedly (500), and a write may
 * find the disk full (507).
 */
function errorStatuses(operation: Operation, method: string, open: boolean): ErrorStatus[] {
  const parameters = operation.parameters ?? [];
  const isIn = (where: string) => parameters.some((p) => 'in' in p && p.in === where);
  const body =
    operation.requestBody && 'content' in operation.requestBody ? Object.keys(operation.requestBody.content) : [];
  const honoursKey = parameters.some((p) => '$ref' in p && p.$ref === IDEMPOTENCY_REF);
  const guarded = Array.isArray(operation['x-roles']);
  const found: Array<[ErrorStatus, boolean]> = [
    [400, body.length > 0 || isIn('query') || isIn('path') || honoursKey],
    [401, !open],
    [403, !open && (guarded || WRITES.has(method) || isIn('path') || isIn('query'))],
    [404, isIn('path')],
    [413, body.length > 0],
    [415, body.some((type) => JSON_TYPE.test(type))],
    [422, honoursKey],
    [500, true],
    [507, WRITES.has(method)],
  ];
  return found.filter(([, applies]) => applies).map(([status]) => status);
}

/** Adds to each operation what the routes leave implicit: security, the CSRF header and the error answers. */
function complete(document: Document, publicPaths: ReadonlySet<string>): Document {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const open = publicPaths.has(path);
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (open) operation.security = [];
      else if (WRITES.has(method))
        operation.parameters = [...(operation.parameters ?? []), componentRef('parameters', 'CsrfToken') as Parameter];
      const responses = (operation.responses ??= {});
      for (const status of errorStatuses(operation, method, open))
        responses[status] ??= componentRef('responses', ERROR_RESPONSES[status].name);
    }
  }
  return document;
}

/**
 * Serves the OpenAPI description at `path`, made from the routes as registered when it is asked for.
 * @example describeApi(app, '/api/openapi.json', new Set(['/api/v1/auth/login']))
 */
export function describeApi(app: OpenAPIHono<AppEnv>, path: string, publicPaths: ReadonlySet<string>): void {
  registerShared(app);
  app.get(path, (c) => c.json(complete(app.getOpenAPI31Document(INFO), publicPaths)));
}
