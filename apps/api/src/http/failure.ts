import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorDetail } from '@kesu/schema';

/** An expected failure with its HTTP status and a message in both languages. */
export class Failure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details: ErrorDetail[] = [],
    /** Headers the answer carries besides the error shape (`Retry-After`, say). */
    readonly headers: Record<string, string> = {},
  ) {
    super(en);
  }
}

export const notFound = (what: string, whatEn: string) =>
  new Failure(404, 'not_found', `${what}不存在`, `${whatEn} not found`);
export const forbidden = () => new Failure(403, 'forbidden', '无权访问', 'not allowed for your role or scope');
export const unauthenticated = () => new Failure(401, 'unauthenticated', '请先登录', 'log in first');
