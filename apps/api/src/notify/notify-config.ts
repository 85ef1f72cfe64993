import * as z from 'zod';
import { Email } from '@kesu/schema';

/** How notifications go out by mail: the SMTP server, the sender address, and where links point. */
export interface MailConfig {
  /** `smtp://user:pass@host:port` (or `smtps://` for TLS from the start). */
  url: string;
  from: string;
  /** The address people open the web app at, for links in mail; without it mail names the page's path. */
  publicUrl: string | null;
}

const SmtpUrl = z.url({ protocol: /^smtps?$/, error: 'smtp://user:pass@host:port or smtps://…' });
const PublicUrl = z.url({ protocol: /^https?$/ });

/**
 * Mail settings from `KESU_SMTP_URL`, `KESU_SMTP_FROM` and `KESU_PUBLIC_URL`; null when no SMTP
 * server is set (notifications stay in the app). A setting that is there but wrong stops the
 * server at start rather than losing mail later.
 * @example
 * mailConfigOf({ KESU_SMTP_URL: 'smtp://kesu:secret@mail.example.org:587', KESU_SMTP_FROM: 'kesu@example.org' })
 */
export function mailConfigOf(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const url = env['KESU_SMTP_URL']?.trim();
  if (!url) return null;
  if (!SmtpUrl.safeParse(url).success)
    throw new Error(
      'KESU_SMTP_URL：应为 smtp://用户:密码@主机:端口 / KESU_SMTP_URL must be smtp://user:pass@host:port (or smtps://)',
    );
  const from = env['KESU_SMTP_FROM']?.trim() ?? '';
  if (!Email.safeParse(from).success)
    throw new Error('KESU_SMTP_FROM：需要发件人邮箱地址 / KESU_SMTP_FROM must be the sender’s e-mail address');
  const publicUrl = env['KESU_PUBLIC_URL']?.trim() || null;
  if (publicUrl !== null && !PublicUrl.safeParse(publicUrl).success)
    throw new Error('KESU_PUBLIC_URL：应为 http(s):// 地址 / KESU_PUBLIC_URL must be an http(s):// address');
  return { url, from, publicUrl: publicUrl?.replace(/\/+$/, '') ?? null };
}

/** Every five minutes: a reminder a few minutes late is on time for a due date, and a round is cheap. */
const DEFAULT_INTERVAL_S = 300;

/**
 * How often the server runs a round of the notification jobs: `KESU_NOTIFY_INTERVAL` seconds.
 * @example notifyIntervalMs({ KESU_NOTIFY_INTERVAL: '60' }) // 60000
 */
export function notifyIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env['KESU_NOTIFY_INTERVAL']?.trim();
  if (!text) return DEFAULT_INTERVAL_S * 1000;
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 10 || seconds > 86_400) {
    throw new Error(
      `KESU_NOTIFY_INTERVAL：应为 10 到 86400 之间的秒数，而不是「${text}」/ ` +
        `KESU_NOTIFY_INTERVAL must be whole seconds from 10 to 86400, not "${text}"`,
    );
  }
  return seconds * 1000;
}
