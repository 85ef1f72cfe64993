import { describe, expect, it } from 'vitest';
import { codeExpiry, loginCodeHash, loginLink, newLoginCode, normaliseLoginCode } from './login-codes.js';

describe('one-time log-in codes', () => {
  it('are three groups of four characters a person cannot misread', () => {
    const codes = Array.from({ length: 200 }, newLoginCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('read the same however they are typed', () => {
    expect(normaliseLoginCode(' k7qm 3xwp-d9ta ')).toBe('K7QM-3XWP-D9TA');
    expect(normaliseLoginCode('K7QM3XWPD9TA')).toBe('K7QM-3XWP-D9TA');
    expect(loginCodeHash('u1', 'k7qm3xwpd9ta')).toBe(loginCodeHash('u1', 'K7QM-3XWP-D9TA'));
    expect(normaliseLoginCode('—')).toBe('');
  });

  it('hash differently for two users with the same code', () => {
    expect(loginCodeHash('u1', 'K7QM-3XWP-D9TA')).not.toBe(loginCodeHash('u2', 'K7QM-3XWP-D9TA'));
    expect(loginCodeHash('u1', 'K7QM-3XWP-D9TA')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('link to the log-in page with the user name and code, and last 72 hours', () => {
    expect(loginLink('510104.education', 'K7QM-3XWP-D9TA')).toBe('/login?user=510104.education&code=K7QM-3XWP-D9TA');
    expect(codeExpiry(new Date('2025-01-01T00:00:00Z')).toISOString()).toBe('2025-01-04T00:00:00.000Z');
  });
});
