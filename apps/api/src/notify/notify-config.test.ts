import { describe, expect, it } from 'vitest';
import { mailConfigOf, notifyIntervalMs } from './notify-config.js';

describe('mail settings', () => {
  it('are off without an SMTP address, and read in full with one', () => {
    expect(mailConfigOf({})).toBeNull();
    expect(mailConfigOf({ KESU_SMTP_URL: '  ' })).toBeNull();
    expect(
      mailConfigOf({
        KESU_SMTP_URL: 'smtp://kesu:secret@mail.example.org:587',
        KESU_SMTP_FROM: 'kesu@example.org',
        KESU_PUBLIC_URL: 'https://kesu.example.org/',
      }),
    ).toEqual({
      url: 'smtp://kesu:secret@mail.example.org:587',
      from: 'kesu@example.org',
      publicUrl: 'https://kesu.example.org',
    });
    expect(
      mailConfigOf({ KESU_SMTP_URL: 'smtps://mail.example.org', KESU_SMTP_FROM: 'kesu@example.org' })?.publicUrl,
    ).toBeNull();
  });

  it.each([
    [{ KESU_SMTP_URL: 'mail.example.org:25', KESU_SMTP_FROM: 'kesu@example.org' }, /KESU_SMTP_URL/],
    [{ KESU_SMTP_URL: 'http://mail.example.org', KESU_SMTP_FROM: 'kesu@example.org' }, /KESU_SMTP_URL/],
    [{ KESU_SMTP_URL: 'smtp://mail.example.org' }, /KESU_SMTP_FROM/],
    [{ KESU_SMTP_URL: 'smtp://mail.example.org', KESU_SMTP_FROM: '科素' }, /KESU_SMTP_FROM/],
    [
      {
        KESU_SMTP_URL: 'smtp://mail.example.org',
        KESU_SMTP_FROM: 'kesu@example.org',
        KESU_PUBLIC_URL: 'javascript:alert(1)',
      },
      /KESU_PUBLIC_URL/,
    ],
  ])('stop the server at start when wrong: %j', (env, message) => {
    expect(() => mailConfigOf(env)).toThrow(message);
  });
});

describe('the interval of the notification jobs', () => {
  it('is five minutes unless set in seconds', () => {
    expect(notifyIntervalMs({})).toBe(300_000);
    expect(notifyIntervalMs({ KESU_NOTIFY_INTERVAL: '60' })).toBe(60_000);
  });

  it.each(['0', '5', '1.5', 'ten', '-60', '100000'])('refuses %s', (value) => {
    expect(() => notifyIntervalMs({ KESU_NOTIFY_INTERVAL: value })).toThrow(
      /KESU_NOTIFY_INTERVAL：应为 10 到 86400 之间的秒数/,
    );
  });
});
