import { readFileSync } from 'node:fs';
import { loadSeedDocuments } from '@kesu/seeds';
import { addUser, Client, type Harness } from './harness.js';

export interface Fixture {
  planId: string;
  formId: string;
  own: string;
  other: string;
  office: Client;
}

/** The 锦江区 plan imported, a quarterly form for 区教育局 published, and two assignments. */
export async function buildFixture(h: Harness): Promise<Fixture> {
  await addUser(h, 'office', 'admin', null);
  const office = new Client(h);
  await office.login('office');
  const seed = loadSeedDocuments().find((d) => d.stem.startsWith('004'))!;
  const plan = await office.request(
    'POST',
    '/api/v1/plans/import?name=jinjiang.txt',
    new Uint8Array(readFileSync(seed.file)),
  );
  const planId = plan.body['id'] as string;
  const form = await office.request('POST', `/api/v1/plans/${planId}/forms/generate`, {
    department: '区教育局',
    periodKind: 'quarter',
  });
  const formId = form.body['id'] as string;
  await office.request('POST', `/api/v1/forms/${formId}/publish`);
  const assigned = await office.request('POST', '/api/v1/assignments', {
    formId,
    version: 1,
    regionCodes: ['510104'],
    departments: ['锦江区教育局', '锦江区科协'],
    periods: ['2024Q1'],
    dueDate: '2024-04-15',
  });
  const list = assigned.body as unknown as Array<{ id: string; department: string }>;
  return {
    planId,
    formId,
    own: list.find((a) => a.department === '锦江区教育局')!.id,
    other: list.find((a) => a.department === '锦江区科协')!.id,
    office,
  };
}

/** A reporter of the fixture's own unit (锦江区教育局), logged in. */
export async function ownReporter(h: Harness): Promise<Client> {
  await addUser(h, 'edu', 'reporter', '510104', '锦江区教育局');
  const reporter = new Client(h);
  await reporter.login('edu');
  return reporter;
}
