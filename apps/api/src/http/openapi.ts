import { OpenAPIHono } from '@hono/zod-openapi';
import type * as z from 'zod';
import { toApiError } from '@kesu/schema';
import type { AppEnv } from '../context.js';

/** A sub-app whose failed validations answer 400 in the one error shape. */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(toApiError(result.error as z.ZodError), 400);
      return undefined;
    },
  });
}

/** OpenAPI content for a JSON body or response. */
export function jsonContent<S extends z.ZodType>(schema: S, description = '') {
  return { content: { 'application/json': { schema } }, description, required: true } as const;
}
