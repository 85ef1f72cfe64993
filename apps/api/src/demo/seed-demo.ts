import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileForm, periodsWithin, type FormRecord, type Plan, type Target } from '@kesu/schema';
import { generateForm, importPlan, usualIndicators } from '@kesu/plans';
import { loadParentDocuments, loadSeedDocuments } from '@kesu/seeds';
import {
  allPlans,
  findUserByUsername,
  insertAssignments,
  insertForm,
  insertPlan,
  insertUser,
  listPlans,
  publishForm,
  recordAudit,
  savePlanDocument,
  submissionBatch,
  type SubmissionWrite,
} from '@kesu/store';
import { generateInto } from '@kesu/synth';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';

import { demoValues } from './demo-values.js';

const ACTOR = 'demo-seed';

interface DemoUser {
  username: string;
  displayName: string;
  role: 'admin' | 'reviewer' | 'reporter' | 'statistician' | 'leader';
  regionCode: string | null;
  department: string | null;
}

/** Who the demo has: the office, a reviewer at each level above 锦江区, reporters, a statistician and a leader. */
const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '科协办公室（演示）', role: 'admin', regionCode: null, department: null },
  {
    username: 'jj-reviewer',
    displayName: '锦江区审核人（演示）',
    role: 'reviewer',
    regionCode: '510104',
    department: null,
  },
  {
    username: 'cd-reviewer',
    displayName: '成都市审核人（演示）',
    role: 'reviewer',
    regionCode: '510100',
    department: null,
  },
  {
    username: 'sc-reviewer',
    displayName: '四川省审核人（演示）',
    role: 'reviewer',
    regionCode: '510000',
    department: null,
  },
  {
    username: 'jj-edu',
    displayName: '锦江区教育局填报人（演示）',
    role: 'reporter',
    regionCode: '510104',
    department: '锦江区教育局',
  },
  {
    username: 'jj-kx',
    displayName: '锦江区科协填报人（演示）',
    role: 'reporter',
    regionCode: '510104',
    department: '锦江区科协',
  },
  {
    username: 'sc-stat',
    displayName: '四川省统计人员（演示）',
    role: 'statistician',
    regionCode: '510000',
    department: null,
  },
  { username: 'leader', displayName: '四川省领导（演示）', role: 'leader', regionCode: '510000', department: null },
];

/** Demo forms: per seed plan, which unit reports on which period type over which periods. */
const DEMO_FORMS: Array<{ region: string; department: string; periodKind: 'quarter' | 'year'; periods: string[] }> = [
  {
    region: '510104',
    department: '区教育局',
    periodKind: 'quarter',
    periods: [...periodsWithin('2024', 'quarter'), ...periodsWithin('2025', 'quarter')],
  },
  {
    region: '510104',
    department: '区科协',
    periodKind: 'quarter',
    periods: [...periodsWithin('2024', 'quarter'), ...periodsWithin('2025', 'quarter')],
  },
  { region: '510104', department: '区总工会', periodKind: 'year', periods: ['2022', '2023', '2024', '2025'] },
  { region: '150602', department: '区科学技术协会', periodKind: 'year', periods: ['2022', '2023', '2024', '2025'] },
  { region: '230522', department: '县科协', periodKind: 'year', periods: ['2022', '2023', '2024', '2025'] },
  { region: '532300', department: '州科协', periodKind: 'year', periods: ['2022', '2023', '2024', '2025'] },
  { region: '653000', department: '自治州科技局', periodKind: 'year', periods: ['2022', '2023', '2024', '2025'] },
];

export interface DemoSummary {
  plans: number;
  forms: number;
  assignments: number;
  submissions: number;
  /** Regions given synthetic reports for 2021–2025 now (0 when an earlier run did). */
  synthRegions: number;
  /** Log-ins created now (their passwords), or read back from the data folder. */
  logins: Array<{ username: string; password: string; role: string }>;
}

async function importSeedPlans(ctx: AppContext): Promise<number> {
  const existing = await ctx.store.reads.read((conn) => listPlans(conn));
  if (existing.length > 0) return 0;
  let count = 0;
  for (const doc of [...loadSeedDocuments(), ...loadParentDocuments()]) {
    const result = await importPlan(readFileSync(doc.file), ctx.registry);
    if (!result.success) throw new Error(`seed ${doc.stem}: ${result.rejection.messageEn}`);
    await ctx.store.writes.write(async (conn) => {
      const stored = await savePlanDocument(conn, path.basename(doc.file), result.text);
      const plan = await insertPlan(conn, result.plan, stored.sha256, ACTOR);
      await recordAudit(conn, [
        {
          actor: ACTOR,
          action: 'plan.import',
          entity: 'plan',
          entityId: plan.id,
          previous: null,
          next: { title: plan.title },
        },
      ]);
    });
    count++;
  }
  return count;
}

async function createUsers(ctx: AppContext, loginsFile: string): Promise<DemoSummary['logins']> {
  const logins: DemoSummary['logins'] = [];
  for (const user of DEMO_USERS) {
    if (await ctx.store.reads.read((conn) => findUserByUsername(conn, user.username))) continue;
    const password = `demo-${randomBytes(6).toString('base64url')}`;
    const passwordHash = await hashPassword(password);
    await ctx.store.writes.write((conn) => insertUser(conn, { ...user, passwordHash, demo: true }));
    logins.push({ username: user.username, password, role: user.role });
  }
  if (logins.length > 0)
    writeFileSync(loginsFile, `${logins.map((l) => `${l.username}\t${l.password}\t${l.role}`).join('\n')}\n`, {
      mode: 0o600,
    });
  return logins;
}

/** Reads back the demo log-ins written when they were created. */
export function readDemoLogins(loginsFile: string): DemoSummary['logins'] {
  if (!existsSync(loginsFile)) return [];
  return readFileSync(loginsFile, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [username = '', password = '', role = ''] = line.split('\t');
      return { username, password, role };
    });
}

/** Approved history, one period submitted and waiting for review, and the latest one not yet reported. */
function demoWrites(
  form: FormRecord,
  targets: readonly Target[],
  assignments: Array<{ id: string; period: string }>,
  reporter: string,
  reviewer: string,
): SubmissionWrite[] {
  const compiled = compileForm(form.definition);
  return assignments.flatMap((a, i): SubmissionWrite[] => {
    const last = assignments.length - 1;
    if (i === last) return [];
    const values = demoValues(form.definition, `${form.department}:${form.definition.title}:${a.period}`, i, {
      formSeed: `${form.department}:${form.definition.title}`,
      targets,
    });
    const checked = compiled.validate(values);
    if (!checked.ok)
      throw new Error(`demo values invalid for ${form.definition.title}: ${checked.errors[0]?.messageEn}`);
    const base = {
      assignmentId: a.id,
      actor: reporter,
      formVersion: 1,
      values: checked.values,
      warnings: checked.warnings,
    };
    const submit: SubmissionWrite = { ...base, action: 'submit' };
    return i === last - 1
      ? [submit]
      : [submit, { assignmentId: a.id, actor: reviewer, formVersion: 1, action: 'approve' }];
  });
}

async function createForms(ctx: AppContext): Promise<Pick<DemoSummary, 'forms' | 'assignments' | 'submissions'>> {
  const plans = await ctx.store.reads.read((conn) => listPlans(conn));
  const full = await ctx.store.reads.read((conn) => allPlans(conn));
  const known = await ctx.store.reads.read(async (conn) =>
    Number((await conn.rows('SELECT count(*) AS n FROM forms'))[0]?.['n']),
  );
  if (known > 0) return { forms: 0, assignments: 0, submissions: 0 };
  let forms = 0;
  let assignments = 0;
  let submissions = 0;
  for (const spec of DEMO_FORMS) {
    const summary = plans.find((p) => p.regionCode === spec.region);
    const plan = full.find((p) => p.region.code === spec.region) as Plan | undefined;
    const department = plan?.departments.find((d) => d.raw === spec.department);
    if (!summary || !plan || !department) continue;
    const definition = generateForm(
      plan,
      department.raw,
      spec.periodKind,
      ctx.registry.indicators,
      usualIndicators(full, department.function, ctx.registry.indicators.indicators),
    );
    const created = await ctx.store.writes.write(async (conn) => {
      const form = await insertForm(
        conn,
        { planId: summary.id, department: department.name, departmentFunction: department.function, definition },
        ACTOR,
      );
      await publishForm(conn, form.id, ACTOR);
      const rows = await insertAssignments(
        conn,
        spec.periods.map((period) => ({
          formId: form.id,
          version: 1,
          regionCode: spec.region,
          department: department.name,
          period,
          dueDate: dueDate(period),
        })),
      );
      return { form, rows };
    });
    forms++;
    assignments += created.rows.length;
    const ordered = [...created.rows].sort((a, b) => a.period.localeCompare(b.period));
    const jinjiang = spec.region === '510104';
    const writes = demoWrites(
      created.form,
      plan.targets,
      ordered,
      jinjiang && department.name === '锦江区教育局' ? 'jj-edu' : 'demo-reporter',
      jinjiang ? 'jj-reviewer' : 'demo-reviewer',
    );
    await Promise.all(writes.map((w) => ctx.store.writes.batch(submissionBatch, w)));
    submissions += new Set(writes.map((w) => w.assignmentId)).size;
  }
  return { forms, assignments, submissions };
}

/** Due a month after the period ends. */
function dueDate(period: string): string {
  const year = Number(period.slice(0, 4));
  if (/Q(\d)/.test(period)) {
    const q = Number(period.slice(5));
    const month = q * 3 + 1;
    return month > 12 ? `${year + 1}-01-31` : `${year}-${String(month).padStart(2, '0')}-30`;
  }
  return `${year + 1}-01-31`;
}

/**
 * Five years of approved reports (2021–2025) from the synthetic generator, marked 演示, for the
 * seed regions, their provinces and every region directly under those provinces: so a
 * province's dashboard compares all its prefectures and drills down to the seed region. The
 * seed regions report against their imported plans; their departments with demo forms above
 * keep those alone. Written straight into the tables by the generator, on the writing
 * connection while no other write runs.
 */
async function addSyntheticReports(
  ctx: AppContext,
): Promise<Pick<DemoSummary, 'plans' | 'forms' | 'assignments' | 'submissions' | 'synthRegions'>> {
  const result = await ctx.store.writes.exclusive((connection) => generateInto({ connection, scale: 'demo' }));
  return {
    plans: result.plans,
    forms: result.forms,
    assignments: result.assignments,
    submissions: result.submissions,
    synthRegions: result.regions,
  };
}

/**
 * Fills an empty store with the clearly marked demo: the five seed plans and the real parent
 * plans found, demo users, forms for a few departments with several periods of plausible
 * reports, and synthetic reports for 2021–2025 across the seed regions' provinces. Running it
 * again changes nothing.
 */
export async function seedDemo(ctx: AppContext, dataDir: string): Promise<DemoSummary> {
  const plans = await importSeedPlans(ctx);
  const loginsFile = path.join(dataDir, 'demo-logins.txt');
  const created = await createUsers(ctx, loginsFile);
  const rest = await createForms(ctx);
  const synth = await addSyntheticReports(ctx);
  return {
    plans: plans + synth.plans,
    forms: rest.forms + synth.forms,
    assignments: rest.assignments + synth.assignments,
    submissions: rest.submissions + synth.submissions,
    synthRegions: synth.synthRegions,
    logins: created.length > 0 ? created : readDemoLogins(loginsFile),
  };
}
