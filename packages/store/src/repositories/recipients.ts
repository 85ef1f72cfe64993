import type { Db } from '../db.js';
import { rows, type Row } from '../sql.js';

/** Someone a notification goes to: an enabled account, with its address when it has one. */
export interface Recipient {
  id: string;
  username: string;
  email: string | null;
  regionCode: string | null;
  department: string | null;
}

const toRecipient = (r: Row): Recipient => ({
  id: String(r['id']),
  username: String(r['username']),
  email: (r['email'] as string | null) ?? null,
  regionCode: (r['region_code'] as string | null) ?? null,
  department: (r['department'] as string | null) ?? null,
});

/** The enabled reporters of units, each unit a region and a department. */
export async function reportersOf(
  connection: Db,
  units: Array<{ regionCode: string; department: string }>,
): Promise<Recipient[]> {
  if (units.length === 0) return [];
  const keys = [...new Set(units.map((u) => `${u.regionCode}|${u.department}`))];
  const found = await rows(
    connection,
    `SELECT id, username, email, region_code, department FROM users
     WHERE role = 'reporter' AND disabled_at IS NULL
       AND region_code || '|' || department IN (SELECT unnest($1::VARCHAR[]))
     ORDER BY username`,
    [keys],
  );
  return found.map(toRecipient);
}

/** The enabled reviewers whose region is one of these. */
export async function reviewersOf(connection: Db, regionCodes: string[]): Promise<Recipient[]> {
  if (regionCodes.length === 0) return [];
  const found = await rows(
    connection,
    `SELECT id, username, email, region_code, department FROM users
     WHERE role = 'reviewer' AND disabled_at IS NULL AND region_code IN (SELECT unnest($1::VARCHAR[]))
     ORDER BY username`,
    [[...new Set(regionCodes)]],
  );
  return found.map(toRecipient);
}

/** An open assignment with a due date whose report has not been handed in. */
export interface DueAssignment {
  id: string;
  formId: string;
  version: number;
  regionCode: string;
  department: string;
  period: string;
  dueDate: string;
}

/**
 * Open assignments due between two Beijing dates (inclusive) whose report is not submitted or
 * approved: not started, a draft, or returned to the unit.
 */
export async function dueAssignments(connection: Db, from: string, to: string): Promise<DueAssignment[]> {
  const found = await rows(
    connection,
    `WITH due AS (SELECT * FROM assignments WHERE open AND due_date BETWEEN $1::DATE AND $2::DATE),
     latest AS (
       SELECT d.id AS assignment_id,
         (SELECT r.status FROM submission_revisions r WHERE r.assignment_id = d.id ORDER BY r.revision DESC LIMIT 1)
           AS status
       FROM due d
     )
     SELECT d.id, d.form_id, d.version, d.region_code, d.department, d.period, CAST(d.due_date AS VARCHAR) AS due_date
     FROM due d LEFT JOIN latest l ON l.assignment_id = d.id
     WHERE l.status IS NULL OR l.status NOT IN ('submitted', 'approved')
     ORDER BY d.due_date, d.region_code, d.department, d.period`,
    [from, to],
  );
  return found.map((r) => ({
    id: String(r['id']),
    formId: String(r['form_id']),
    version: Number(r['version']),
    regionCode: String(r['region_code']),
    department: String(r['department']),
    period: String(r['period']),
    dueDate: String(r['due_date']),
  }));
}
