import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormDefinition, Plan } from '@kesu/schema';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openStore, type Store } from '../database.js';
import { duckRows } from '../duckdb/duckdb-sql.js';
import { insertAssignments, updateAssignment } from '../repositories/assignments.js';
import { insertForm, publishForm } from '../repositories/forms.js';
import { insertPlan, savePlanRevision } from '../repositories/plans.js';
import { submissionBatch, type SubmissionWrite } from '../repositories/submissions.js';
import { openTestStore, type TestStore } from '../testing/index.js';

const definition: FormDefinition = {
  title: '科普活动报表',
  periodKind: 'year',
  sections: [
    { id: 's1', title: '活动', fields: [{ id: 'events', type: 'integer', label: '活动场次', required: false }] },
  ],
  rules: [],
};

/** The tables copied by what changed, as the copy holds them, every column as text, in key order. */
async function copied(connection: DuckDBConnection): Promise<unknown> {
  return {
    plans: await duckRows(connection, 'SELECT COLUMNS(*)::VARCHAR FROM main.plans ORDER BY id'),
    assignments: await duckRows(connection, 'SELECT COLUMNS(*)::VARCHAR FROM main.assignments ORDER BY id'),
    revisions: await duckRows(
      connection,
      'SELECT COLUMNS(*)::VARCHAR FROM main.submission_revisions ORDER BY assignment_id, revision',
    ),
  };
}

const plan = (title: string): Plan => ({
  region: { name: '锦江区', short: '锦江', level: 'district', province: '四川省', parent: '成都市', code: '510104' },
  title,
  docNumber: null,
  issuedOn: null,
  period: { start: 2021, end: 2025 },
  draft: false,
  literacyTarget: null,
  sections: [],
  targets: [],
  departments: [],
  issues: [],
});

describe('the analytics copy of a PostgreSQL store', () => {
  let t: TestStore;
  let formId: string;
  let reader: DuckDBConnection;

  beforeEach(async () => {
    t = await openTestStore('postgres');
    const form = await insertForm(
      t.store.connection,
      { planId: null, department: '区科协', departmentFunction: 'association', definition },
      'admin',
    );
    await publishForm(t.store.connection, form.id, 'admin');
    formId = form.id;
    reader = await t.store.connect();
  });
  afterEach(() => t.dispose());

  const assign = async (period: string) =>
    (
      await insertAssignments(t.store.connection, [
        { formId, version: 1, regionCode: '510104', department: '区科协', period, dueDate: `${period}-12-31` },
      ])
    )[0]!.id;
  const write = (assignmentId: string, change: Partial<SubmissionWrite> & Pick<SubmissionWrite, 'action'>) =>
    t.store.writes.batch(submissionBatch, { assignmentId, actor: 'reporter', formVersion: 1, ...change });

  /** What a fresh copy of the same database holds: the whole tables, read in one go. */
  async function fresh(): Promise<unknown> {
    const other: Store = await openStore(t.location);
    try {
      await other.refreshAnalyticsCopy();
      return await copied(await other.connect());
    } finally {
      await other.close();
    }
  }

  it(
    'after each refresh holds what a fresh copy holds: ' + 'new rows, drafts saved over, changed assignments and plans',
    async () => {
      const planId = (await insertPlan(t.store.connection, plan('锦江区实施方案'), 'sha-1', 'office')).id;
      const first = await assign('2024');
      await write(first, { action: 'save', values: { events: 1 } });
      await t.store.refreshAnalyticsCopy();
      expect(await copied(reader)).toEqual(await fresh());

      // A draft saved again in the same session is written over; a new assignment; a due date moved.
      await write(first, { action: 'save', values: { events: 2 } });
      const second = await assign('2025');
      await updateAssignment(t.store.connection, first, { dueDate: '2025-01-15' });
      await savePlanRevision(t.store.connection, planId, plan('锦江区实施方案（修订）'), 'office');
      await t.store.refreshAnalyticsCopy();
      const now = await copied(reader);
      expect(now).toEqual(await fresh());
      expect(JSON.stringify(now)).toContain('2025-01-15');
      expect(JSON.stringify(now)).toContain(second);
      expect(JSON.stringify(now)).toContain('锦江区实施方案（修订）');

      await write(first, { action: 'submit', values: { events: 3 } });
      await write(first, { action: 'approve', actor: 'reviewer' });
      await t.store.refreshAnalyticsCopy();
      expect(await copied(reader)).toEqual(await fresh());
    },
  );

  it('brings over rows of a transaction still open at one refresh at the next, once it commits', async () => {
    const id = await assign('2024');
    await t.store.refreshAnalyticsCopy();
    const other = await t.another();
    await other.exec('BEGIN TRANSACTION');
    // Started before the refresh's snapshot, committed after it; a later transaction commits before it.
    await other.exec("UPDATE assignments SET due_date = DATE '2030-06-30' WHERE id = $1", [id]);
    await assign('2025');
    await t.store.refreshAnalyticsCopy();
    await other.exec('COMMIT');
    expect(JSON.stringify(await copied(reader))).not.toContain('2030-06-30');
    await t.store.refreshAnalyticsCopy();
    expect(JSON.stringify(await copied(reader))).toContain('2030-06-30');
    expect(await copied(reader)).toEqual(await fresh());
  });
});
