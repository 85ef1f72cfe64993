import { createTransport } from 'nodemailer';
import { claimMail, markMailFailed, markMailSent, type Store } from '@kesu/store';
import type { MailConfig } from './notify-config.js';

const MINUTE = 60_000;
/** Waits after each failed attempt; after the last one the message is given up on (the office may retry it). */
const RETRY_AFTER = [1, 5, 15, 60, 180, 360, 720].map((m) => m * MINUTE);
/** How long a sender holds a claimed message before another may take it (a sender that died). */
const SEND_LEASE_MS = 10 * MINUTE;
/** Messages per round: a long queue is worked through over several rounds. */
const PER_ROUND = 100;

/**
 * When to try a message again after its `attempts`-th failure, or null to give up.
 * @example retryAt(1, now) // a minute later
 */
export function retryAt(attempts: number, now: Date): Date | null {
  const wait = RETRY_AFTER[attempts - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait);
}

/**
 * Sends the mail that is due, through the configured SMTP server. Each message is claimed
 * (queued → sending, in one committed statement) before it is handed to the server and marked
 * sent after, so two senders never both send it; a failure puts it back in the queue with the
 * error and a later time. A message that the server took but whose sender died before marking it
 * sent is tried again after the lease; it carries the same Message-ID, so the receiving side can
 * tell the repeat.
 * @example await sendDueMail(store, config, new Date())
 */
export async function sendDueMail(
  store: Store,
  config: MailConfig,
  now: Date,
): Promise<{ sent: number; failed: number }> {
  const claimed = await store.writes.write((conn) => claimMail(conn, now, SEND_LEASE_MS, PER_ROUND));
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  // Short waits: an SMTP server that is down must not hold the round (the message is retried later).
  const transport = createTransport({
    url: config.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  let sent = 0;
  let failed = 0;
  try {
    for (const mail of claimed) {
      let reason: string | null = null;
      try {
        await transport.sendMail({
          from: config.from,
          to: mail.recipient,
          subject: mail.subject,
          text: mail.body,
          messageId: `<${mail.id}@kesu.notifications>`,
        });
      } catch (error) {
        reason = ((error as Error).message || String(error)).slice(0, 500);
      }
      // Only the sending is caught: a message the server took is never recorded as failed.
      if (reason === null) await store.writes.write((conn) => markMailSent(conn, mail.id, now));
      else await store.writes.write((conn) => markMailFailed(conn, mail.id, reason, retryAt(mail.attempts, now)));
      if (reason === null) sent++;
      else failed++;
    }
  } finally {
    transport.close();
  }
  return { sent, failed };
}
