import * as z from 'zod';
import type { Localized } from './localized.js';

/** One change the audit trail keeps: who did what to which record, with the record before and after. */
export const AuditEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  previous: z.unknown(),
  next: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** The kinds of thing the audit trail records changes of. */
export const AUDIT_ENTITIES = [
  'plan',
  'form',
  'assignment',
  'submission',
  'user',
  'saved_query',
  'notification',
  'mail',
] as const;
export const AuditEntity = z.enum(AUDIT_ENTITIES).meta({ label: '对象类型', labelEn: 'Entity' });
export type AuditEntity = z.infer<typeof AuditEntity>;

/**
 * Every action the audit trail records, in words, in one place: the records page, its filter and
 * any export name an action the same way. An action not listed here is shown by its code.
 */
export const AUDIT_ACTIONS = {
  'plan.import': { zh: '导入方案', en: 'Import plan' },
  'plan.review': { zh: '保存方案审核', en: 'Save reviewed plan' },
  'plan.import-revision': { zh: '导入方案新版本', en: 'Import plan as a new revision' },
  'plan.next-term': { zh: '起草下一期方案', en: 'Draft the next term’s plan' },
  'form.create': { zh: '新建报表', en: 'Create form' },
  'form.generate': { zh: '由方案生成报表', en: 'Generate form from plan' },
  'form.edit': { zh: '编辑报表', en: 'Edit form' },
  'form.publish': { zh: '发布报表', en: 'Publish form' },
  'assignment.create': { zh: '下发任务', en: 'Assign' },
  'assignment.change': { zh: '修改任务', en: 'Change assignment' },
  'submission.save': { zh: '保存草稿', en: 'Save draft' },
  'submission.submit': { zh: '提交', en: 'Submit' },
  'submission.approve': { zh: '审核通过', en: 'Approve' },
  'submission.accept': { zh: '上级接收', en: 'Accept' },
  'submission.return': { zh: '退回修改', en: 'Return' },
  'user.create': { zh: '新建用户', en: 'Create user' },
  'user.update': { zh: '修改用户', en: 'Change user' },
  'user.disable': { zh: '停用用户', en: 'Disable user' },
  'user.enable': { zh: '启用用户', en: 'Enable user' },
  'user.reset-password': { zh: '重置密码', en: 'Reset password' },
  'user.set-password': { zh: '设置密码', en: 'Set password' },
  'backup.create': { zh: '备份数据库', en: 'Back up database' },
  'backup.download': { zh: '下载备份', en: 'Download backup' },
  'saved_query.create': { zh: '保存查询', en: 'Save query' },
  'saved_query.update': { zh: '修改查询', en: 'Change query' },
  'saved_query.delete': { zh: '删除查询', en: 'Delete query' },
  'notification.run': { zh: '运行提醒任务', en: 'Run reminder jobs' },
  'mail.retry': { zh: '重发邮件', en: 'Retry mail' },
} as const satisfies Record<string, Localized>;

/**
 * An action in words; an action without a label keeps its code, so nothing recorded goes unshown.
 * @example auditActionLabel('submission.approve') // { zh: '审核通过', en: 'Approve' }
 */
export function auditActionLabel(action: string): Localized {
  return (AUDIT_ACTIONS as Record<string, Localized>)[action] ?? { zh: action, en: action };
}

/** An audit event with the display name of who made it (null once that user is gone). */
export const AuditEntry = AuditEvent.extend({ actorName: z.string().nullable() });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** One page of the audit trail and how many events match in all. */
export const AuditPage = z.object({
  total: z.int().min(0),
  offset: z.int().min(0),
  limit: z.int().min(1),
  events: z.array(AuditEntry),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** Who appears in the audit trail, with how many events each. */
export const AuditActor = z.object({
  username: z.string(),
  displayName: z.string().nullable(),
  events: z.int().min(0),
});
export type AuditActor = z.infer<typeof AuditActor>;
