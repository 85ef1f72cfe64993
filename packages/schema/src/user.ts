import * as z from 'zod';
import type { Labels } from './errors.js';
import { labelsOf } from './meta.js';
import { passwordProblem } from './password-policy.js';
import { RegionCode } from './region.js';

export const ROLES = ['admin', 'reviewer', 'reporter', 'statistician', 'leader'] as const;
export const Role = z.enum(ROLES).meta({ label: '角色', labelEn: 'Role' });
export type Role = z.infer<typeof Role>;

/** What each role is for, in both languages. */
export const roles: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '科协办公室（管理员）', en: 'Office (administrator)' },
  reviewer: { zh: '审核人', en: 'Reviewer' },
  reporter: { zh: '填报人', en: 'Reporter' },
  statistician: { zh: '统计人员', en: 'Statistician' },
  leader: { zh: '领导', en: 'Leader' },
};

/**
 * The groups of roles that may use a part of the product, named once: the API's guards, the web's
 * routes and its menu all read these, so a page is never offered to a role its API refuses.
 */
export const ROLE_GROUPS = {
  /** Runs the office: plans, forms, assignments, accounts, records. */
  office: ['admin'],
  /** Approves and returns submissions. */
  review: ['admin', 'reviewer'],
  /** Reads progress, dashboards, reports, alignment and benchmarks. */
  watch: ['admin', 'reviewer', 'leader', 'statistician'],
  /** Runs and saves ad-hoc SQL. */
  analyse: ['admin', 'statistician'],
  /** Reads forms: reviewers check submissions against them, statisticians map their fields. */
  readForms: ['admin', 'reviewer', 'statistician'],
  /** Sees which units still have no account, to chase them. */
  chaseAccounts: ['admin', 'reviewer', 'leader'],
  /** Fills in assigned forms. */
  report: ['reporter'],
} as const satisfies Record<string, readonly Role[]>;
export type RoleGroup = keyof typeof ROLE_GROUPS;

/**
 * The order accounts are listed in: by user name, character by character (`zz-b` before `zz_a`),
 * the same on either database and in the browser, whatever their collation.
 */
export function byUsername(a: { username: string }, b: { username: string }): number {
  return a.username < b.username ? -1 : a.username > b.username ? 1 : 0;
}

export const Username = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, { error: 'username: 2–32 lower-case letters, digits, . _ -' })
  .meta({ label: '用户名', labelEn: 'Username' });

/** A password as given at log-in: what was set before the policy below still logs in. */
export const Password = z.string().min(8).max(128).meta({ label: '密码', labelEn: 'Password' });

/** A password being set: long enough and not easy to guess (see passwordProblem). */
export const NewPassword = Password.superRefine((password, ctx) => {
  const found = passwordProblem(password);
  if (found) ctx.addIssue({ code: 'custom', message: found.en, params: found });
}).meta({ label: '密码', labelEn: 'Password' });

/** A password set for a named account must not contain its user name either. */
function withoutUsername<T extends z.ZodType<{ username: string; password?: string | undefined }>>(schema: T) {
  return schema.superRefine((value, ctx) => {
    const found = value.password === undefined ? null : passwordProblem(value.password, value.username);
    if (found?.code === 'password_has_username')
      ctx.addIssue({ code: 'custom', path: ['password'], message: found.en, params: found });
  });
}

export const Email = z.email().max(254).meta({ label: '电子邮箱', labelEn: 'E-mail' });

/** What an office sets about a person: who they are, what they may do, and where. */
const profileShape = {
  displayName: z.string().trim().min(1).max(60).meta({ label: '姓名', labelEn: 'Name' }),
  role: Role,
  regionCode: RegionCode.nullable().meta({ label: '所属地区', labelEn: 'Region' }),
  department: z.string().trim().min(1).max(120).nullable().meta({ label: '所属单位', labelEn: 'Department' }),
  email: Email.nullable().meta({ label: '电子邮箱', labelEn: 'E-mail' }),
};

/** A user as the API shows it (never the password hash). */
export const User = z.object({
  id: z.string(),
  username: Username,
  ...profileShape,
  /** Refused at log-in and with every session; kept for the audit trail instead of deleted. */
  disabled: z.boolean(),
  /** No password of their own yet: created with, or reset to, a one-time log-in code. */
  mustSetPassword: z.boolean(),
  /** UTC, as stored; null before the first log-in. */
  lastLoginAt: z.string().nullable(),
  demo: z.boolean(),
});
export type User = z.infer<typeof User>;

/** The rules every profile keeps: a reporter reports for one unit of one region; only the office sees every region. */
function scoped<T extends z.ZodType<{ role: Role; regionCode: string | null; department: string | null }>>(schema: T) {
  return schema
    .refine((u) => u.role !== 'reporter' || (u.regionCode !== null && u.department !== null), {
      error: 'a reporter belongs to one department in one region',
      path: ['department'],
      params: {
        code: 'department_required',
        zh: '必填：填报人属于某个地区的一个单位',
        en: 'is required: a reporter belongs to one unit of one region',
      },
    })
    .refine((u) => u.role === 'admin' || u.regionCode !== null, {
      error: 'every role but admin is scoped to a region',
      path: ['regionCode'],
      params: {
        code: 'region_required',
        zh: '必填：除管理员外，每个角色都属于一个地区',
        en: 'is required: every role but the administrator belongs to a region',
      },
    });
}

/** A complete profile, as it must be after any change. */
export const UserProfile = scoped(z.strictObject(profileShape));
export type UserProfile = z.infer<typeof UserProfile>;

/**
 * A new user. Without a password the account waits for its owner, who sets one with the
 * one-time log-in code the office hands out.
 */
export const NewUser = scoped(
  withoutUsername(
    z.strictObject({
      username: Username,
      displayName: profileShape.displayName,
      password: NewPassword.optional(),
      role: Role,
      regionCode: profileShape.regionCode.default(null),
      department: profileShape.department.default(null),
      email: profileShape.email.default(null),
    }),
  ),
);
export type NewUser = z.infer<typeof NewUser>;

/** A change to a profile: only the fields given change; the result must still be a valid UserProfile. */
export const UserChange = z
  .strictObject(profileShape)
  .partial()
  .refine((c) => Object.keys(c).length > 0, { error: 'nothing to change' });
export type UserChange = z.infer<typeof UserChange>;

/** A one-time log-in code as handed out, once: the code itself is never stored. */
export const LoginCode = z.object({
  username: Username,
  code: z.string(),
  /** The log-in page with the user name and code filled in (a path: the page knows its own address). */
  link: z.string(),
  /** UTC. */
  expiresAt: z.string(),
});
export type LoginCode = z.infer<typeof LoginCode>;

/** Redeeming a code: the user name and code handed out, and the password the person chooses. */
export const RedeemCode = withoutUsername(
  z.strictObject({
    username: Username,
    code: z.string().trim().min(1).max(64),
    password: NewPassword,
  }),
);
export type RedeemCode = z.infer<typeof RedeemCode>;

const FIELDS: Record<string, z.ZodType> = { username: Username, password: Password, ...profileShape };

/**
 * The label of a user field in both languages, for error messages that name 「所属地区」 rather than `regionCode`.
 * @example toApiError(error, userFieldLabel)
 */
export function userFieldLabel(path: readonly PropertyKey[]): Labels | undefined {
  const schema = FIELDS[String(path[0])];
  if (!schema) return undefined;
  const { zh, en } = labelsOf(schema);
  return zh && en ? { zh, en } : undefined;
}

/** A unit expected to report (a plan names it, or something was assigned to it) with its reporter accounts. */
export const UnitAccounts = z.object({
  regionCode: RegionCode,
  department: z.string(),
  function: z.string().nullable(),
  plans: z.array(z.object({ id: z.string(), title: z.string() })),
  assigned: z.boolean(),
  /** Enabled reporter accounts of the unit. */
  usernames: z.array(z.string()),
  disabledUsernames: z.array(z.string()),
});
export type UnitAccounts = z.infer<typeof UnitAccounts>;
