import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FormDefinition } from '@kesu/schema';
import { getAssignment, findSession, insertAssignments, insertForm, openStore, publishForm, submissionBatch } from '@kesu/store';
const dir = mkdtempSync(path.join(tmpdir(), 'mb-'));
const store = await openStore(path.join(dir, 'k.duckdb'));
const definition = FormDefinition.parse({ title: 't', periodKind: 'month', sections: [{ id: 's', title: 's', fields: Array.from({ length: 40 }, (_, i) => ({ id: `f${i}`, type: 'integer', label: `x${i}` })) }] });
const form = await insertForm(store.connection, { planId: null, department: 'd', departmentFunction: null, definition }, 'a');
await publishForm(store.connection, form.id, 'a');
const periods = Array.from({ length: 480 }, (_, i) => `${2001 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const rows = await insertAssignments(store.connection, periods.map((period) => ({ formId: form.id, version: 1, regionCode: '510104', department: 'd', period, dueDate: null })));
const ids = rows.map((r) => r.id);
let t = performance.now();
const N = 2000;
let n = 0;
await Promise.all(Array.from({ length: 64 }, async () => {
  while (n < N) {
    const i = n++;
    const values = Object.fromEntries(Array.from({ length: 40 }, (_, f) => [`f${f}`, i + f]));
    await store.writes.batch(submissionBatch, { assignmentId: ids[i % ids.length]!, action: 'save', actor: 'r', formVersion: 1, values, warnings: [], idempotency: { userId: 'u', key: `k${i}`, requestSha256: 'x' } });
  }
}));
console.log('writes/s', (N / (performance.now() - t)) * 1000);
t = performance.now();
await Promise.all(Array.from({ length: 2000 }, (_, i) => store.reads.read((c) => getAssignment(c, ids[i % ids.length]!))));
console.log('getAssignment/s', (2000 / (performance.now() - t)) * 1000);
t = performance.now();
await Promise.all(Array.from({ length: 2000 }, () => store.reads.read((c) => findSession(c, 'nope'))));
console.log('findSession/s', (2000 / (performance.now() - t)) * 1000);
store.close();
