import { OpenAPIHono } from '@hono/zod-openapi';
import type * as z from 'zod';
import { toApiError, type Role } from '@kesu/schema';
import type { AppEnv } from '../context.js';

/** The error statuses the API answers with, each a shared response of the API description. */
export const ERROR_RESPONSES = {
  400: { name: 'BadRequest', description: '输入无效（逐项说明字段）/ invalid input, each problem naming its field' },
  401: { name: 'Unauthenticated', description: '未登录或会话已过期 / not logged in, or the session expired' },
  403: {
    name: 'Forbidden',
    description: '角色或范围不允许，或缺少 CSRF 令牌 / not allowed for the role or scope, or no CSRF token',
  },
  404: { name: 'NotFound', description: '对象不存在 / no such object' },
  409: {
    name: 'Conflict',
    description:
      '与当前状态冲突（流程、窗口、版本或重复）/ conflicts with the current state (workflow, window, version or a duplicate)',
  },
  413: { name: 'TooLarge', description: '请求内容过大 / request body too large' },
  415: {
    name: 'UnsupportedMediaType',
    description: '请求体的内容类型不受支持 / unsupported content type for the body',
  },
  422: {
    name: 'Unprocessable',
    description:
      '内容无法处理（如查询超过时间上限），或 Idempotency-Key 已用于另一个请求 / ' +
      'cannot be processed (a query past its time limit), or the Idempotency-Key was used for another request',
  },
  429: { name: 'TooManyRequests', description: '尝试次数过多，请稍后再试 / too many attempts; try again later' },
  500: { name: 'InternalError', description: '服务器内部错误 / internal server error' },
  503: { name: 'Unavailable', description: '所需的服务暂不可用 / a service it needs is unavailable' },
  507: {
    name: 'StorageFull',
    description: '服务器存储空间已满，本次更改未保存 / the server’s disk is full; this change was not saved',
  },
} as const;
export type ErrorStatus = keyof typeof ERROR_RESPONSES;

export const componentRef = (kind: 'responses' | 'parameters', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
});

/**
 * The refusals a route's handler makes beyond what its schemas and guards already say (a workflow
 * conflict, a rate limit), as shared error responses; the rest are added from the route itself.
 * @example responses: { 200: jsonContent(Submission, 'saved'), ...refusals(409) }
 */
export function refusals<S extends ErrorStatus>(...statuses: S[]): Record<S, { $ref: string }> {
  return Object.fromEntries(statuses.map((s) => [s, componentRef('responses', ERROR_RESPONSES[s].name)])) as Record<
    S,
    { $ref: string }
  >;
}

/** Spread into a route that replays a repeated Idempotency-Key (and refuses one reused for another request). */
export const idempotent = { parameters: [componentRef('parameters', 'IdempotencyKey')] };

/** A middleware that lets only some roles through, marked so the API description can name them. */
export type RoleGuard = { roles: readonly Role[] };
const rolesOf = (middleware: unknown): Role[] =>
  [middleware].flat().flatMap((m) => (typeof m === 'function' && 'roles' in m ? [...(m as RoleGuard).roles] : []));

/** A sub-app whose failed validations answer 400 in the one error shape. */
export function router(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(toApiError(result.error as z.ZodError), 400);
      return undefined;
    },
  });
  // hono drops a route's middleware before describing it: the roles its guard admits are kept as `x-roles`.
  const register = app.openapi;
  app.openapi = ((route, handler, hook) => {
    const roles = rolesOf(route.middleware);
    return register(roles.length > 0 ? { ...route, 'x-roles': roles } : route, handler, hook);
  }) as typeof register;
  return app;
}

/** OpenAPI content for a JSON body or response. */
export function jsonContent<S extends z.ZodType>(schema: S, description = '') {
  return { content: { 'application/json': { schema } }, description, required: true } as const;
}
