import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import type { FormDefinition, FormRecord } from '@kesu/schema';
import { exec, first, json, rows, timestampText, type Row } from '../sql.js';

function toForm(r: Row): FormRecord {
  return {
    id: String(r['id']),
    planId: (r['plan_id'] as string | null) ?? null,
    department: String(r['department']),
    departmentFunction: (r['department_function'] as string | null) ?? null,
    definition: json<FormDefinition>(r['definition']),
    latestVersion: Number(r['latest_version']),
    updatedAt: timestampText(r['updated_at']),
  };
}

export interface FormInput {
  planId: string | null;
  department: string;
  departmentFunction: string | null;
  definition: FormDefinition;
}

export async function insertForm(connection: Db, input: FormInput, actor: string): Promise<FormRecord> {
  const id = randomUUID();
  await exec(
    connection,
    'INSERT INTO forms (id, plan_id, department, department_function, definition, updated_by) ' +
      'VALUES ($1, $2, $3, $4, $5, $6)',
    [id, input.planId, input.department, input.departmentFunction, JSON.stringify(input.definition), actor],
  );
  return (await getForm(connection, id)) as FormRecord;
}

/** Replaces the editable draft of a form; published versions are untouched. */
export async function updateFormDraft(
  connection: Db,
  id: string,
  definition: FormDefinition,
  actor: string,
): Promise<FormRecord> {
  await exec(
    connection,
    'UPDATE forms SET definition = $2, updated_by = $3, updated_at = current_timestamp WHERE id = $1',
    [id, JSON.stringify(definition), actor],
  );
  return (await getForm(connection, id)) as FormRecord;
}

/** Publishes the current draft as the next immutable version. */
export async function publishForm(connection: Db, id: string, actor: string): Promise<number> {
  const form = await getForm(connection, id);
  if (!form) throw new Error(`no form ${id}`);
  const version = form.latestVersion + 1;
  await exec(
    connection,
    'INSERT INTO form_versions (form_id, version, definition, published_by) VALUES ($1, $2, $3, $4)',
    [id, version, JSON.stringify(form.definition), actor],
  );
  await exec(connection, 'UPDATE forms SET latest_version = $2 WHERE id = $1', [id, version]);
  return version;
}

export async function getForm(connection: Db, id: string): Promise<FormRecord | undefined> {
  const r = await first(connection, 'SELECT * FROM forms WHERE id = $1', [id]);
  return r ? toForm(r) : undefined;
}

export async function getFormVersion(connection: Db, id: string, version: number): Promise<FormDefinition | undefined> {
  const r = await first(connection, 'SELECT definition FROM form_versions WHERE form_id = $1 AND version = $2', [
    id,
    version,
  ]);
  return r ? json<FormDefinition>(r['definition']) : undefined;
}

export async function listForms(connection: Db): Promise<FormRecord[]> {
  return (await rows(connection, 'SELECT * FROM forms ORDER BY updated_at DESC')).map(toForm);
}

/**
 * The forms a reader of one region tree may read (`prefix`: the tree's code prefix; null for an
 * account of no region), newest first, or just the one with `formId`: a form made without a plan;
 * one made from a plan of the tree, since it quotes that plan's targets; one assigned in the tree
 * (a county fills the province's form).
 */
export async function listFormsReadableIn(
  connection: Db,
  prefix: string | null,
  formId: string | null = null,
): Promise<FormRecord[]> {
  const found = await rows(
    connection,
    `SELECT * FROM forms
     WHERE id = coalesce($2, id)
       AND (plan_id IS NULL
         OR plan_id IN (SELECT id FROM plans WHERE region_code LIKE $1)
         OR id IN (SELECT form_id FROM assignments WHERE region_code LIKE $1))
     ORDER BY updated_at DESC`,
    [prefix === null ? null : `${prefix}%`, formId],
  );
  return found.map(toForm);
}
