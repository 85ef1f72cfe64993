import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDocuments } from '@kesu/seeds';
import { BACKENDS } from '@kesu/store/testing';
import { addUser, Client, startHarness, type Harness } from './harness.js';

describe.each(BACKENDS)('on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
    await addUser(h, 'office', 'admin', null);
    await addUser(h, 'reviewer', 'reviewer', '510104');
    await addUser(h, 'edu', 'reporter', '510104', '锦江区教育局');
  });
  afterAll(() => h.close());

  describe('a plan goes in, a form goes out, a report comes back and is reviewed', () => {
    it('walks the whole journey through HTTP, with an audit trail', async () => {
      const office = new Client(h);
      expect((await office.login('office')).status).toBe(200);

      const seed = loadSeedDocuments().find((d) => d.stem.startsWith('004'))!;
      const imported = await office.request(
        'POST',
        '/api/v1/plans/import?name=jinjiang.txt',
        new Uint8Array(readFileSync(seed.file)),
      );
      expect(imported.status).toBe(201);
      const planId = imported.body['id'] as string;
      expect(imported.body).toMatchObject({ regionCode: '510104', revision: 1, reviewed: false });

      const generated = await office.request('POST', `/api/v1/plans/${planId}/forms/generate`, {
        department: '区教育局',
        periodKind: 'quarter',
      });
      expect(generated.status).toBe(201);
      const form = generated.body as {
        id: string;
        department: string;
        definition: { sections: Array<{ fields: Array<{ id: string; type: string; required?: boolean }> }> };
      };
      expect(form.department).toBe('锦江区教育局');
      expect(form.definition.sections.length).toBeGreaterThan(3);

      const published = await office.request('POST', `/api/v1/forms/${form.id}/publish`);
      expect(published.body).toEqual({ formId: form.id, version: 1 });

      const assigned = await office.request('POST', '/api/v1/assignments', {
        formId: form.id,
        version: 1,
        regionCodes: ['510104'],
        departments: ['锦江区教育局'],
        periods: ['2024Q1'],
        dueDate: '2024-04-15',
      });
      expect(assigned.status).toBe(201);
      const assignmentId = (assigned.body as unknown as Array<{ id: string }>)[0]!.id;

      const reporter = new Client(h);
      await reporter.login('edu');
      const mine = await reporter.request('GET', '/api/v1/assignments');
      expect((mine.body as unknown as Array<{ id: string }>).map((a) => a.id)).toEqual([assignmentId]);

      const fields = form.definition.sections.flatMap((s) => s.fields);
      const filled = Object.fromEntries(
        fields.map((f) => [
          f.id,
          f.type === 'long_text'
            ? '按计划推进'
            : f.type === 'percent'
              ? 80
              : f.type === 'yes_no'
                ? true
                : f.type === 'date'
                  ? '2024-03-31'
                  : 12,
        ]),
      );
      const note = fields.find((f) => f.type === 'long_text')!.id;
      const { [note]: _omitted, ...partial } = filled;

      const draft = await reporter.request('PUT', `/api/v1/assignments/${assignmentId}/submission`, {
        values: partial,
        formVersion: 1,
      });
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({ status: 'draft', revision: 1 });

      const incomplete = await reporter.request('POST', `/api/v1/assignments/${assignmentId}/submission/submit`, {
        values: partial,
        formVersion: 1,
      });
      expect(incomplete.status).toBe(400);
      expect((incomplete.body['error'] as { details: Array<{ path: string; code: string }> }).details).toContainEqual(
        expect.objectContaining({ path: note, code: 'required' }),
      );

      const submitted = await reporter.request('POST', `/api/v1/assignments/${assignmentId}/submission/submit`, {
        values: filled,
        formVersion: 1,
      });
      expect(submitted.body).toMatchObject({ status: 'submitted', revision: 2 });

      const reviewer = new Client(h);
      await reviewer.login('reviewer');
      const returned = await reviewer.request('POST', `/api/v1/assignments/${assignmentId}/submission/return`, {
        comment: '培训人次与上期差异较大，请核实',
      });
      expect(returned.body).toMatchObject({ status: 'returned', comment: '培训人次与上期差异较大，请核实' });

      const resubmitted = await reporter.request('POST', `/api/v1/assignments/${assignmentId}/submission/submit`, {
        values: { ...filled, [note]: '已核实并更正' },
        formVersion: 1,
      });
      expect(resubmitted.body).toMatchObject({ status: 'submitted', revision: 4 });

      const approved = await reviewer.request('POST', `/api/v1/assignments/${assignmentId}/submission/approve`);
      expect(approved.body).toMatchObject({ status: 'approved', revision: 5 });

      const locked = await reporter.request('PUT', `/api/v1/assignments/${assignmentId}/submission`, {
        values: filled,
        formVersion: 1,
      });
      expect(locked.status).toBe(409);

      const audit = await office.request('GET', `/api/v1/audit?entity=submission&entityId=${assignmentId}&order=asc`);
      const { events } = audit.body as unknown as {
        events: Array<{ action: string; actor: string; previous: { status: string } | null; next: { status: string } }>;
      };
      expect(events.map((e) => [e.action, e.actor, e.previous?.status ?? null, e.next.status])).toEqual([
        ['submission.save', 'edu', null, 'draft'],
        ['submission.submit', 'edu', 'draft', 'submitted'],
        ['submission.return', 'reviewer', 'submitted', 'returned'],
        ['submission.submit', 'edu', 'returned', 'submitted'],
        ['submission.approve', 'reviewer', 'submitted', 'approved'],
      ]);
      const revisions = await office.request('GET', `/api/v1/assignments/${assignmentId}/revisions`);
      expect((revisions.body as unknown as unknown[]).length).toBe(5);
    });
  });
});
