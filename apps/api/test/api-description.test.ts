import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Client, startHarness, type Harness } from './harness.js';

interface Operation {
  security?: unknown[];
  parameters?: Array<{ $ref?: string; name?: string; in?: string }>;
  responses: Record<string, { $ref?: string }>;
  'x-roles'?: string[];
}
interface Document {
  security: unknown[];
  components: Record<string, Record<string, Record<string, unknown>>>;
  paths: Record<string, Record<string, Operation>>;
}

let h: Harness;
let doc: Document;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

beforeAll(async () => {
  h = await startHarness();
  const res = await h.app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Document;
});
afterAll(() => h.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((m) => (item[m] ? [{ path, method: m, op: item[m] }] : [])),
  );
const op = (method: string, path: string) => doc.paths[path]?.[method] as Operation;
const refs = (o: Operation) => (o.parameters ?? []).map((p) => p.$ref ?? p.name);

describe('the served API description', () => {
  it('names the two ways to authenticate, and log-in needs neither', () => {
    expect(doc.components['securitySchemes']).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'kesu_session' },
      bearer: { type: 'http', scheme: 'bearer' },
    });
    expect(doc.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(op('post', '/api/v1/auth/login').security).toEqual([]);
    expect(op('post', '/api/v1/auth/redeem-code').security).toEqual([]);
    expect(op('get', '/api/v1/auth/me').security).toBeUndefined();
  });

  it('asks for the CSRF header on every write that a session cookie can make, and on no read', () => {
    const csrf = '#/components/parameters/CsrfToken';
    expect(doc.components['parameters']?.['CsrfToken']).toMatchObject({
      name: 'x-csrf-token',
      in: 'header',
      required: false,
    });
    for (const { path, method, op: o } of operations()) {
      const needs = method !== 'get' && !['/api/v1/auth/login', '/api/v1/auth/redeem-code'].includes(path);
      expect(refs(o).includes(csrf), `${method} ${path}`).toBe(needs);
    }
  });

  it('declares Idempotency-Key exactly where it is honoured, with 422 for a key reused', () => {
    const key = '#/components/parameters/IdempotencyKey';
    const honouring = operations()
      .filter(({ op: o }) => refs(o).includes(key))
      .map(({ method, path }) => `${method} ${path}`)
      .sort();
    expect(honouring).toEqual([
      'post /api/v1/assignments/{id}/submission/accept',
      'post /api/v1/assignments/{id}/submission/approve',
      'post /api/v1/assignments/{id}/submission/return',
      'post /api/v1/assignments/{id}/submission/submit',
      'post /api/v1/assignments/{id}/upload',
      'post /api/v1/plans/import',
      'post /api/v1/plans/{id}/next-term',
      'put /api/v1/assignments/{id}/submission',
    ]);
    expect(doc.components['parameters']?.['IdempotencyKey']).toMatchObject({
      name: 'Idempotency-Key',
      in: 'header',
      schema: { pattern: '^[A-Za-z0-9._:-]{8,128}$' },
    });
    for (const name of honouring) {
      const [method = '', path = ''] = name.split(' ');
      expect(Object.keys(op(method, path).responses), name).toContain('422');
    }
  });

  it('gives each operation the error answers it can give', () => {
    const statuses = (method: string, path: string) => Object.keys(op(method, path).responses);
    // A reporter's save: validation, log-in, role or CSRF, no such assignment, the workflow, the body, the media type.
    expect(statuses('put', '/api/v1/assignments/{id}/submission')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '422',
      '500',
      '507',
    ]);
    expect(statuses('post', '/api/v1/auth/login')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '413',
      '415',
      '429',
      '500',
      '507',
    ]);
    expect(statuses('get', '/api/v1/auth/me')).toEqual(['200', '401', '500']);
    expect(statuses('post', '/api/v1/users')).toContain('409');
    expect(statuses('post', '/api/v1/sql')).toEqual(expect.arrayContaining(['409', '422']));
    for (const { path, method, op: o } of operations()) {
      expect(Object.keys(o.responses), `${method} ${path}`).toContain('500');
      if (path.includes('{')) expect(Object.keys(o.responses), `${method} ${path}`).toContain('404');
      if (o['x-roles']) expect(Object.keys(o.responses), `${method} ${path}`).toContain('403');
    }
    expect(op('post', '/api/v1/assignments/{id}/submission/approve')['x-roles']).toEqual(['admin', 'reviewer']);
  });

  it('points every error answer at the shared error body, and every reference resolves', () => {
    const resolve = (ref: string) =>
      ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], doc);
    const all = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(all.map((r) => r.slice(8, -1)))) expect(resolve(ref), ref).toBeDefined();
    for (const response of Object.values(doc.components['responses'] ?? {})) {
      expect(response).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
      });
    }
    expect(doc.components['schemas']?.['ApiError']).toMatchObject({
      required: ['error'],
      properties: { error: { required: ['code', 'message', 'messageEn', 'details'] } },
    });
  });

  it('describes the error body the API really sends', async () => {
    await addUser(h, 'edu', 'reporter', '510104', '锦江区教育局');
    const client = new Client(h);
    await client.login('edu');
    const res = await client.request('GET', '/api/v1/assignments/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    const schema = doc.components['schemas']?.['ApiError'] as {
      properties: { error: { properties: Record<string, unknown> } };
    };
    expect(Object.keys(res.body.error ?? {}).sort()).toEqual(Object.keys(schema.properties.error.properties).sort());
  });
});
