import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import type { Plan, PlanRecord, PlanSummary, SamePlan } from '@kesu/schema';
import { exec, first, json, rows, timestampText, type Row } from '../sql.js';

function toSummary(r: Row): PlanSummary {
  return {
    id: String(r['id']),
    regionCode: (r['region_code'] as string | null) ?? null,
    title: String(r['title']),
    documentSha256: String(r['document_sha256']),
    revision: Number(r['revision']),
    reviewed: Boolean(r['reviewed']),
    updatedBy: String(r['updated_by']),
    updatedAt: timestampText(r['updated_at']),
  };
}

/** Stores an imported plan as revision 1 of a new plan. */
export async function insertPlan(
  connection: Db,
  plan: Plan,
  documentSha256: string,
  actor: string,
): Promise<PlanRecord> {
  const id = randomUUID();
  const body = JSON.stringify(plan);
  await exec(
    connection,
    'INSERT INTO plans (id, region_code, title, document_sha256, revision, reviewed, plan, updated_by) ' +
      'VALUES ($1, $2, $3, $4, 1, false, $5, $6)',
    [id, plan.region.code, plan.title, documentSha256, body, actor],
  );
  await keepRevision(connection, id, 1, false, body, actor);
  return (await getPlan(connection, id)) as PlanRecord;
}

/** Every version of a plan stays in plan_revisions, whatever the current one is. */
async function keepRevision(
  connection: Db,
  id: string,
  revision: number,
  reviewed: boolean,
  body: string,
  actor: string,
): Promise<void> {
  await exec(
    connection,
    'INSERT INTO plan_revisions (plan_id, revision, reviewed, plan, created_by) VALUES ($1, $2, $3, $4, $5)',
    [id, revision, reviewed, body, actor],
  );
}

/** Saves a reviewed revision; the previous ones stay in plan_revisions. */
export function savePlanRevision(connection: Db, id: string, plan: Plan, actor: string): Promise<PlanRecord> {
  return nextRevision(connection, id, plan, actor, { reviewed: true });
}

/**
 * Stores a re-imported document as the next revision of a plan, not yet reviewed: the plan keeps
 * its id (and the forms made from it) and now points at the new document's text.
 */
export function importPlanRevision(
  connection: Db,
  id: string,
  plan: Plan,
  documentSha256: string,
  actor: string,
): Promise<PlanRecord> {
  return nextRevision(connection, id, plan, actor, { reviewed: false, documentSha256 });
}

/** The plan's next revision, kept in plan_revisions too; a new document's hash replaces the old one. */
async function nextRevision(
  connection: Db,
  id: string,
  plan: Plan,
  actor: string,
  change: { reviewed: boolean; documentSha256?: string },
): Promise<PlanRecord> {
  const current = await getPlan(connection, id);
  if (!current) throw new Error(`no plan ${id}`);
  const revision = current.revision + 1;
  const body = JSON.stringify(plan);
  const sha = change.documentSha256 ?? current.documentSha256;
  await exec(
    connection,
    'UPDATE plans SET region_code = $2, title = $3, document_sha256 = $4, revision = $5, reviewed = $6, ' +
      'plan = $7, updated_by = $8, updated_at = current_timestamp WHERE id = $1',
    [id, plan.region.code, plan.title, sha, revision, change.reviewed, body, actor],
  );
  await keepRevision(connection, id, revision, change.reviewed, body, actor);
  return (await getPlan(connection, id)) as PlanRecord;
}

// Titles printed in full- or half-width brackets and dashes, with or without spaces, are one title.
const titleKey = (title: string) =>
  title
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[—–－-]+/g, '-');

/**
 * The stored plans an imported document would duplicate: the same normalised text, or the same
 * region and title (the same plan saved to another file), the same text first.
 * @example await findSamePlans(conn, sha, '510104', '锦江区全民科学素质行动规划纲要实施方案（2021—2025年）')
 */
export async function findSamePlans(
  connection: Db,
  documentSha256: string,
  regionCode: string | null,
  title: string,
): Promise<SamePlan[]> {
  const found = await rows(
    connection,
    'SELECT id, region_code, title, document_sha256, revision, reviewed, updated_by, updated_at ' +
      'FROM plans WHERE document_sha256 = $1 OR region_code IS NOT DISTINCT FROM $2 ORDER BY updated_at',
    [documentSha256, regionCode],
  );
  const key = titleKey(title);
  return found
    .map(toSummary)
    .flatMap((p): SamePlan[] => {
      if (p.documentSha256 === documentSha256) return [{ ...p, reason: 'same_document' }];
      return titleKey(p.title) === key ? [{ ...p, reason: 'same_region_title' }] : [];
    })
    .sort((a, b) => Number(b.reason === 'same_document') - Number(a.reason === 'same_document'));
}

export async function getPlan(connection: Db, id: string): Promise<PlanRecord | undefined> {
  const r = await first(connection, 'SELECT * FROM plans WHERE id = $1', [id]);
  return r ? { ...toSummary(r), plan: json<Plan>(r['plan']) } : undefined;
}

/** Plans whose region lies under a code prefix ('' for all), newest first. */
export async function listPlans(connection: Db, regionPrefix = ''): Promise<PlanSummary[]> {
  const all = await rows(
    connection,
    'SELECT id, region_code, title, document_sha256, revision, reviewed, updated_by, updated_at ' +
      "FROM plans WHERE coalesce(region_code, '') LIKE $1 ORDER BY updated_at DESC",
    [`${regionPrefix}%`],
  );
  return all.map(toSummary);
}

/** Every stored plan in full, for form generation across plans. */
export async function allPlans(connection: Db): Promise<Plan[]> {
  return (await rows(connection, 'SELECT plan FROM plans')).map((r) => json<Plan>(r['plan']));
}

/** The plans of the regions named, in full, oldest first: the plans above or beside one being compared. */
export async function plansInRegions(connection: Db, codes: readonly string[]): Promise<PlanRecord[]> {
  if (codes.length === 0) return [];
  const found = await rows(
    connection,
    'SELECT * FROM plans WHERE region_code IN (SELECT unnest($1::VARCHAR[])) ORDER BY updated_at',
    [[...codes]],
  );
  return found.map((r) => ({ ...toSummary(r), plan: json<Plan>(r['plan']) }));
}
