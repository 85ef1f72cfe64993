import type { NotificationKind } from '@kesu/schema';
import type { NotificationInput, Recipient } from '@kesu/store';
import type { MailConfig } from './notify-config.js';
import { notificationText, type NotificationParams, type NotificationText } from './notification-texts.js';

/** The mail of a notification: a Chinese subject, the Chinese text, the link, then the English text. */
export function mailOf(
  config: MailConfig,
  text: NotificationText,
  link: string | null,
): { subject: string; body: string } {
  const url = link === null ? null : `${config.publicUrl ?? ''}${link}`;
  const zh = [text.zh.body, url ? `查看：${url}` : null].filter((l) => l !== null).join('\n');
  const en = [text.en.title, text.en.body, url ? `Open: ${url}` : null].filter((l) => l !== null).join('\n');
  return {
    subject: `【科素】${text.zh.title}`,
    body: `${zh}\n\n——\n${en}\n\n此邮件由科素系统自动发送，请勿回复。/ Sent by Kesu; please do not reply.\n`,
  };
}

export interface NoticeSpec<K extends NotificationKind> {
  kind: K;
  params: NotificationParams[K];
  to: Recipient;
  dedupeKey: string;
  link: string | null;
  assignmentIds: string[];
}

/**
 * A notification for one person, with its mail when mail is set up and they have an address.
 * @example
 * notice(mail, {
 *   kind: 'deadline.overdue', params: facts, to: reporter, dedupeKey, link: `/report/${id}`, assignmentIds: [id],
 * })
 */
export function notice<K extends NotificationKind>(mail: MailConfig | null, spec: NoticeSpec<K>): NotificationInput {
  const withMail = mail !== null && spec.to.email !== null;
  return {
    recipientId: spec.to.id,
    kind: spec.kind,
    params: spec.params as unknown as Record<string, unknown>,
    link: spec.link,
    dedupeKey: spec.dedupeKey,
    assignmentIds: spec.assignmentIds,
    mail: withMail
      ? { recipient: spec.to.email as string, ...mailOf(mail, notificationText(spec.kind, spec.params), spec.link) }
      : null,
  };
}
