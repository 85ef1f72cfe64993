// Profiles the server under the submission load: node --cpu-prof on the server process.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
const dir = mkdtempSync(path.join(tmpdir(), 'prof-'));
const CLI = '/work/main/apps/api/src/cli/main.ts';
const run = (args: string[], extra: string[] = [], stdin = '') => { const c = spawn(process.execPath, [...extra, '--conditions=@kesu/source', '--import', 'tsx', CLI, ...args], { env: { ...process.env, KESU_DATA_DIR: dir, INIT_CWD: dir }, stdio: ['pipe', 'pipe', 'inherit'] }); c.stdin.end(stdin); return c; };
await new Promise((r) => run(['user', 'add', 'adm', '--role', 'admin', '--password-stdin'], [], 'bench-password-1').on('exit', r));
const server = run(['serve', '--port', '8124'], ['--cpu-prof', '--cpu-prof-dir=/tmp/kesu/prof2']);
await new Promise((r) => setTimeout(r, 2500));
const url = 'http://127.0.0.1:8124';
const login = async (u: string, p: string) => { const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: p }) }); const b = await r.json() as { csrfToken: string }; return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: b.csrfToken }; };
const adm = await login('adm', 'bench-password-1');
const call = async (m: string, p: string, body: unknown) => (await fetch(`${url}${p}`, { method: m, headers: { cookie: adm.cookie, 'x-csrf-token': adm.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;
const form = await call('POST', '/api/v1/forms', { department: 'X', definition: { title: 't', periodKind: 'month', sections: [{ id: 's', title: 's', fields: Array.from({ length: 40 }, (_, i) => ({ id: `f${i}`, type: 'integer', label: `x${i}`, max: 1e9 })) }] } });
await call('POST', `/api/v1/forms/${form['id']}/publish`, {});
await call('POST', '/api/v1/users', { username: 'rep', displayName: 'r', password: 'bench-password-2', role: 'reporter', regionCode: '510104', department: 'X' });
const ids: string[] = [];
for (let y = 2001; y < 2021; y++) { const rows = await call('POST', '/api/v1/assignments', { formId: form['id'], version: 1, regionCodes: ['510104'], departments: ['X'], periods: Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`) }) as unknown as Array<{ id: string }>; ids.push(...rows.map((r) => r.id)); }
const rep = await login('rep', 'bench-password-2');
let n = 0;
const res = await autocannon({ url, connections: 64, duration: 8, headers: { cookie: rep.cookie, 'x-csrf-token': rep.csrf, 'content-type': 'application/json' }, requests: [{ method: 'PUT', setupRequest: (req: Record<string, unknown>) => { const i = n++; return { ...req, path: `/api/v1/assignments/${ids[i % ids.length]}/submission`, headers: { ...(req['headers'] as object), 'idempotency-key': `k-${i}-abcdefgh` }, body: JSON.stringify({ values: Object.fromEntries(Array.from({ length: 40 }, (_, f) => [`f${f}`, i + f])), formVersion: 1 }) }; } }] });
console.log('rps', res['2xx'] / res.duration, 'non2xx', res.non2xx);
server.kill('SIGINT');
await new Promise((r) => server.on('exit', r));
