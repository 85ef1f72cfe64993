import type { ApiError, ErrorDetail } from '@kesu/schema';

/** A failed request in the API's one error shape; a network failure has status 0. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(en);
  }

  /** The request never reached the server (offline, connection refused). */
  get offline(): boolean {
    return this.status === 0;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body, or raw bytes sent with `contentType`. */
  body?: unknown;
  contentType?: string;
  query?: Record<string, string | number | undefined | null>;
  headers?: Record<string, string>;
  /** Aborts the request; the abort error (name `AbortError`) is thrown as it is, not as an ApiFailure. */
  signal?: AbortSignal;
}

let csrfToken = '';
let onUnauthenticated: () => void = () => undefined;

/** The session's CSRF token, echoed on every write made with the session cookie. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** What to do when the session has expired: the router sends the user to log in. */
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

function url(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function failureOf(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as ApiError;
    const e = body.error;
    return new ApiFailure(res.status, e.code, e.message, e.messageEn, e.details);
  } catch {
    return new ApiFailure(
      res.status,
      'http_error',
      `服务器返回错误 ${res.status}`,
      `the server answered ${res.status}`,
    );
  }
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.body instanceof Blob || options.body instanceof ArrayBuffer || options.body instanceof Uint8Array) {
    body = options.body as BodyInit;
    headers['content-type'] = options.contentType ?? 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(url(path, options.query), {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(options.signal ? { signal: options.signal } : {}),
      credentials: 'same-origin',
    });
  } catch (error) {
    // Stopped on purpose (a cancelled query): the caller knows, and it is no network failure.
    if (options.signal?.aborted) throw error;
    throw new ApiFailure(
      0,
      'network',
      '网络连接失败，请检查网络后重试',
      'network error; check the connection and try again',
    );
  }
  if (res.status === 401 && path !== '/auth/login' && path !== '/auth/me') onUnauthenticated();
  if (!res.ok) throw await failureOf(res);
  return res;
}

/**
 * Calls the API under /api/v1 and returns its JSON; every failure is an ApiFailure.
 * @example const plans = await api<PlanSummary[]>('/plans')
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await (await send(path, options)).json()) as T;
}

/** Calls the API and returns the body as a file, with the name the server suggests. */
export async function apiFile(
  path: string,
  options: RequestOptions = {},
): Promise<{ blob: Blob; name: string | null }> {
  const res = await send(path, options);
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  return { blob: await res.blob(), name: encoded ? decodeURIComponent(encoded) : null };
}
