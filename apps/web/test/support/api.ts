import { inject } from 'vitest';
import type { Assignment } from '@kesu/schema';

/** A logged-in API client for test set-up and checks: what the UI did must be on the server. */
export class ApiClient {
  private cookie = '';
  private csrf = '';

  static async as(username: string): Promise<ApiClient> {
    const client = new ApiClient();
    const res = await fetch(`${inject('baseUrl')}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: inject('logins')[username] }),
    });
    if (!res.ok) throw new Error(`log-in as ${username} failed: ${res.status}`);
    client.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    client.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return client;
  }

  async get<T>(path: string): Promise<T> {
    const res = await fetch(`${inject('baseUrl')}/api/v1${path}`, { headers: { cookie: this.cookie } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  private async send<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
    const res = await fetch(`${inject('baseUrl')}/api/v1${path}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** Sends a file's bytes (a plan document) and answers the raw response, for the caller to judge. */
  upload(path: string, file: Blob): Promise<Response> {
    return fetch(`${inject('baseUrl')}/api/v1${path}`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, 'content-type': 'application/octet-stream' },
      body: file,
    });
  }
}

/** A row of the assignment list, as the API answers it. */
export type AssignmentRow = Assignment;

/** The assignment of a unit for a period (the demo has one per unit and period). */
export async function assignmentOf(client: ApiClient, department: string, period: string): Promise<AssignmentRow> {
  const rows = await client.get<AssignmentRow[]>(
    `/assignments?period=${encodeURIComponent(period)}&department=${encodeURIComponent(department)}`,
  );
  const row = rows[0];
  if (!row) throw new Error(`no assignment of ${department} for ${period}`);
  return row;
}
