import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileForm, FormDefinition, Plan, submissionActions, type SubmissionStatus } from '@kesu/schema';
import { loadIndicatorCatalog } from '@kesu/seeds';
import { AS_OF_MS } from '../src/calendar.js';
import { checksumStore, generateNational, type GenerateResult } from '../src/index.js';

type Row = Record<string, unknown>;

let dir: string;
let file: string;
let result: GenerateResult;
let instance: DuckDBInstance;
let connection: DuckDBConnection;

async function query(sql: string): Promise<Row[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Row[];
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-synth-'));
  file = path.join(dir, 'tiny.duckdb');
  result = await generateNational({ file, scale: 'tiny' });
  instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  connection = await instance.connect();
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('generateNational at the tiny scale', () => {
  it('writes what it counts', async () => {
    const [counts] = await query(`SELECT
      (SELECT count(*) FROM regions) AS registry, (SELECT count(*) FROM plans) AS plans,
      (SELECT count(*) FROM plan_revisions) AS plan_revisions,
      (SELECT count(*) FROM forms) AS forms, (SELECT count(*) FROM form_versions) AS versions,
      (SELECT count(*) FROM assignments) AS assignments,
      (SELECT count(DISTINCT assignment_id) FROM submission_revisions) AS submissions,
      (SELECT count(*) FROM submission_revisions) AS revisions`);
    expect(result).toMatchObject({ regions: 4, assignments: 4 * 30 * 20 });
    expect(counts).toEqual({
      registry: '3420',
      plans: '4',
      plan_revisions: '8',
      forms: '30',
      versions: '30',
      assignments: String(result.assignments),
      submissions: String(result.submissions),
      revisions: String(result.revisions),
    });
    const approved = await query("SELECT submission_values FROM submissions WHERE status = 'approved'");
    const numbers = approved.reduce(
      (n, r) =>
        n +
        Object.values(JSON.parse(String(r['submission_values'])) as object).filter((v) => typeof v === 'number').length,
      0,
    );
    expect(numbers).toBe(result.values);
    expect(result.ms).toBeGreaterThan(0);
  });

  it('leaves most reports approved, and some missing, in draft, returned or late', async () => {
    const [shares] = await query(`SELECT
      count(*) FILTER (s.status = 'approved') / count(*) AS approved,
      count(*) FILTER (s.status IS NULL) AS missing, count(*) FILTER (s.status = 'draft') AS drafts,
      count(*) FILTER (s.status = 'returned') AS returned,
      count(*) FILTER (first_submit::DATE > a.due_date) AS late
      FROM assignments a LEFT JOIN submissions s ON s.assignment_id = a.id
      LEFT JOIN (
        SELECT assignment_id, min(created_at) AS first_submit FROM submission_revisions
        WHERE status = 'submitted' GROUP BY 1
      ) f ON f.assignment_id = a.id`);
    expect(Number(shares?.['approved'])).toBeGreaterThan(0.85);
    expect(Number(shares?.['approved'])).toBeLessThan(0.97);
    for (const kind of ['missing', 'drafts', 'returned', 'late']) expect(Number(shares?.[kind])).toBeGreaterThan(0);
  });

  it('publishes forms the schema accepts, bound to catalog indicators', async () => {
    const catalog = loadIndicatorCatalog();
    const versions = await query('SELECT definition FROM form_versions');
    for (const row of versions) {
      const form = FormDefinition.parse(JSON.parse(String(row['definition'])));
      expect(form.periodKind).toBe('quarter');
      for (const field of form.sections.flatMap((s) => s.fields)) {
        if (!('binding' in field) || !field.binding) continue;
        const indicator = catalog.indicators.find((i) => i.code === field.binding?.indicator);
        expect(indicator, field.id).toBeDefined();
        for (const [dimension, value] of Object.entries(field.binding.disaggregation)) {
          expect(indicator?.disaggregations).toContain(dimension);
          expect(catalog.disaggregations[dimension]?.values.map((v) => v.code)).toContain(value);
        }
      }
    }
  });

  it('stores plans the schema accepts, with spans into their documents', async () => {
    const rows = await query(
      'SELECT p.plan, d.text FROM plan_revisions p JOIN plans x ON x.id = p.plan_id ' +
        'JOIN plan_documents d ON d.sha256 = x.document_sha256',
    );
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      const plan = Plan.parse(JSON.parse(String(row['plan'])));
      const text = String(row['text']);
      for (const target of plan.targets) expect(text.slice(target.span.start, target.span.end)).toBe(target.text);
      for (const section of plan.sections)
        expect(text.slice(section.span.start, section.span.end)).toContain(section.title);
      expect(plan.literacyTarget?.value).toBeGreaterThan(8);
    }
  });

  it('stores every revision as the validator cleans it, with each step allowed by the workflow', async () => {
    const forms = new Map(
      (await query('SELECT form_id, definition FROM form_versions')).map((r) => [
        String(r['form_id']),
        compileForm(FormDefinition.parse(JSON.parse(String(r['definition'])))),
      ]),
    );
    const rows =
      await query(`SELECT a.id, a.form_id, s.revision, s.status, s.submission_values, epoch_ms(s.created_at) AS at
      FROM submission_revisions s JOIN assignments a ON a.id = s.assignment_id ORDER BY a.id, s.revision`);
    let previous: { id: string; status: SubmissionStatus; at: number } | null = null;
    for (const row of rows) {
      const stored = String(row['submission_values']);
      const checked = forms.get(String(row['form_id']))?.validate(JSON.parse(stored));
      expect(checked?.ok ? { json: JSON.stringify(checked.values), warnings: checked.warnings } : checked).toEqual({
        json: stored,
        warnings: [],
      });
      const status = row['status'] as SubmissionStatus;
      const before = previous?.id === row['id'] ? previous : null;
      expect(
        Object.values(submissionActions).some((a) => a.to === status && a.from.includes(before?.status ?? null)),
      ).toBe(true);
      expect(Number(row['at'])).toBeGreaterThan(before?.at ?? 0);
      expect(Number(row['at'])).toBeLessThanOrEqual(AS_OF_MS);
      previous = { id: String(row['id']), status, at: Number(row['at']) };
    }
  });

  it('gives the same rows for the same seed and different ones for another', async () => {
    const again = path.join(dir, 'again.duckdb');
    const other = path.join(dir, 'other.duckdb');
    await generateNational({ file: again, scale: 'tiny', seed: 1 });
    await generateNational({ file: other, scale: 'tiny', seed: 2 });
    const [first, second, third] = [await checksumStore(file), await checksumStore(again), await checksumStore(other)];
    expect(second).toBe(first);
    expect(third).not.toBe(first);
  });

  it('refuses to write into an existing file', async () => {
    await expect(generateNational({ file, scale: 'tiny' })).rejects.toThrow(/already exists/);
  });
});
