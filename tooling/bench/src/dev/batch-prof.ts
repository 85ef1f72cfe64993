import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FormDefinition } from '@kesu/schema';
import { insertAssignments, insertForm, openStore, publishForm, submissionBatch } from '@kesu/store';
const dir = mkdtempSync(path.join(tmpdir(), 'mb-'));
const store = await openStore(path.join(dir, 'k.duckdb'));
const definition = FormDefinition.parse({ title: 't', periodKind: 'month', sections: [{ id: 's', title: 's', fields: Array.from({ length: 40 }, (_, i) => ({ id: `f${i}`, type: 'integer', label: `x${i}` })) }] });
const form = await insertForm(store.connection, { planId: null, department: 'd', departmentFunction: null, definition }, 'a');
await publishForm(store.connection, form.id, 'a');
const periods = Array.from({ length: 480 }, (_, i) => `${2001 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const rows = await insertAssignments(store.connection, periods.map((period) => ({ formId: form.id, version: 1, regionCode: '510104', department: 'd', period, dueDate: null })));
const ids = rows.map((r) => r.id);
const conn = store.connection;
const times: Record<string, number> = {};
const wrap = (name: 'run' | 'runAndReadAll') => {
  const orig = conn[name].bind(conn) as (...a: unknown[]) => Promise<unknown>;
  (conn as unknown as Record<string, unknown>)[name] = async (...a: unknown[]) => {
    const t = performance.now();
    const r = await orig(...a);
    const key = String(a[0]).trim().slice(0, 40);
    times[key] = (times[key] ?? 0) + performance.now() - t;
    return r;
  };
};
wrap('run'); wrap('runAndReadAll');
let k = 0;
for (let b = 0; b < 20; b++) {
  const inputs = Array.from({ length: 64 }, () => {
    const i = k++;
    return { assignmentId: ids[i % ids.length]!, action: 'save' as const, actor: 'r', formVersion: 1, values: Object.fromEntries(Array.from({ length: 40 }, (_, f) => [`f${f}`, i + f])), warnings: [], idempotency: { userId: 'u', key: `k${i}`, requestSha256: 'x' } };
  });
  await conn.run('BEGIN TRANSACTION');
  const t = performance.now();
  await submissionBatch.run(conn, inputs);
  times['(batch total)'] = (times['(batch total)'] ?? 0) + performance.now() - t;
  await conn.run('COMMIT');
}
for (const [k2, v] of Object.entries(times).sort((a, b) => b[1] - a[1])) console.log((v / 20).toFixed(1).padStart(6), 'ms/batch', k2);
store.close();
