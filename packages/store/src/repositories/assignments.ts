import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import type { ApprovalLevel, Assignment, SubmissionStatus } from '@kesu/schema';
import { exec, first, placeholders, rows, type Row } from '../sql.js';

function toAssignment(r: Row): Assignment {
  return {
    id: String(r['id']),
    formId: String(r['form_id']),
    version: Number(r['version']),
    regionCode: String(r['region_code']),
    department: String(r['department']),
    period: String(r['period']),
    dueDate: (r['due_date'] as string | null) ?? null,
    open: Boolean(r['open']),
    status: (r['status'] as SubmissionStatus | null) ?? null,
    approvedLevel: (r['approved_level'] as ApprovalLevel | null) ?? null,
  };
}

// The status is the latest revision's. DuckDB's arg_max finds it per assignment without ranking
// every row; PostgreSQL reads the latest revision from the primary key's index.
const SELECT: Record<Db['dialect'], string> = {
  duckdb: `SELECT a.*, s.status, s.approved_level FROM assignments a LEFT JOIN (
  SELECT assignment_id, arg_max(status, revision) AS status, arg_max(approved_level, revision) AS approved_level
  FROM submission_revisions GROUP BY assignment_id
) s ON s.assignment_id = a.id`,
  postgres: `SELECT a.*, s.status, s.approved_level FROM assignments a LEFT JOIN LATERAL (
  SELECT status, approved_level FROM submission_revisions r WHERE r.assignment_id = a.id
  ORDER BY r.revision DESC LIMIT 1
) s ON true`,
};

export interface AssignmentInput {
  formId: string;
  version: number;
  regionCode: string;
  department: string;
  period: string;
  dueDate: string | null;
}

/** Creates assignments; one already existing for the same form, region, department and period is kept. */
export async function insertAssignments(connection: Db, inputs: AssignmentInput[]): Promise<Assignment[]> {
  if (inputs.length === 0) return [];
  const ids = inputs.map(() => randomUUID());
  const values = inputs.flatMap((a, i) => [
    ids[i] as string,
    a.formId,
    a.version,
    a.regionCode,
    a.department,
    a.period,
    a.dueDate,
  ]);
  await exec(
    connection,
    `INSERT INTO assignments (id, form_id, version, region_code, department, period, due_date)
     VALUES ${placeholders(inputs.length, 7)} ON CONFLICT DO NOTHING`,
    values,
  );
  const keys = inputs.map((a) => `${a.formId}|${a.regionCode}|${a.department}|${a.period}`);
  const found = await rows(
    connection,
    `${SELECT[connection.dialect]}
     WHERE a.form_id || '|' || a.region_code || '|' || a.department || '|' || a.period
       IN (SELECT unnest($1::VARCHAR[]))`,
    [keys],
  );
  return found.map(toAssignment);
}

/** One assignment with its current status; two point lookups beat aggregating every revision. */
export async function getAssignment(connection: Db, id: string): Promise<Assignment | undefined> {
  const r = await first(connection, 'SELECT * FROM assignments WHERE id = $1', [id]);
  if (!r) return undefined;
  const latest = await first(
    connection,
    'SELECT status, approved_level FROM submission_revisions WHERE assignment_id = $1 ORDER BY revision DESC LIMIT 1',
    [id],
  );
  return toAssignment({ ...r, status: latest?.['status'] ?? null, approved_level: latest?.['approved_level'] ?? null });
}

export interface AssignmentFilter {
  regionPrefix?: string;
  regionCode?: string;
  department?: string;
  period?: string;
  status?: SubmissionStatus | 'none';
  /** Only submissions somebody still has to review: submitted, or approved below the top level. */
  inReview?: boolean;
}

/** Assignments matching a filter, ordered by due date, region and department. */
export async function listAssignments(connection: Db, filter: AssignmentFilter = {}): Promise<Assignment[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.regionPrefix !== undefined) where.push(`a.region_code LIKE $${params.push(`${filter.regionPrefix}%`)}`);
  if (filter.regionCode) where.push(`a.region_code = $${params.push(filter.regionCode)}`);
  if (filter.department) where.push(`a.department = $${params.push(filter.department)}`);
  if (filter.period) where.push(`a.period = $${params.push(filter.period)}`);
  if (filter.status === 'none') where.push('s.status IS NULL');
  else if (filter.status) where.push(`s.status = $${params.push(filter.status)}`);
  if (filter.inReview) where.push(`s.status IN ('submitted', 'approved')`);
  const filtered = `${SELECT[connection.dialect]} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const sql = `${filtered} ORDER BY a.due_date NULLS LAST, a.region_code, a.department, a.period`;
  return (await rows(connection, sql, params)).map(toAssignment);
}

export async function updateAssignment(
  connection: Db,
  id: string,
  change: { open?: boolean; dueDate?: string | null },
): Promise<void> {
  if (change.open !== undefined)
    await exec(connection, 'UPDATE assignments SET open = $2 WHERE id = $1', [id, change.open]);
  if (change.dueDate !== undefined)
    await exec(connection, 'UPDATE assignments SET due_date = $2::DATE WHERE id = $1', [id, change.dueDate]);
}
