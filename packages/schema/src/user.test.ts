import { describe, expect, it } from 'vitest';
import { toApiError } from './errors.js';
import { NewUser, Password, RedeemCode, ROLE_GROUPS, ROLES, UserChange, UserProfile, userFieldLabel } from './user.js';

const codes = (result: { success: boolean; error?: unknown }) =>
  result.success ? [] : toApiError(result.error as never).error.details.map((d) => `${d.path}:${d.code}`);

describe('a new user', () => {
  it('may come without a password, to set one with a one-time code', () => {
    expect(
      NewUser.parse({
        username: 'edu',
        displayName: '教育局',
        role: 'reporter',
        regionCode: '510104',
        department: '锦江区教育局',
      }),
    ).toEqual({
      username: 'edu',
      displayName: '教育局',
      role: 'reporter',
      regionCode: '510104',
      department: '锦江区教育局',
      email: null,
    });
  });

  it('keeps the rules of roles and scopes, each in both languages', () => {
    expect(
      codes(NewUser.safeParse({ username: 'r', displayName: 'x', role: 'reporter', regionCode: '510104' })),
    ).toEqual(['username:invalid_format', 'department:department_required']);
    const noRegion = NewUser.safeParse({ username: 'leader', displayName: 'x', role: 'leader' });
    expect(codes(noRegion)).toEqual(['regionCode:region_required']);
    const detail = toApiError(noRegion.error!, userFieldLabel).error.details[0]!;
    expect(detail.message).toBe('「所属地区」必填：除管理员外，每个角色都属于一个地区');
    expect(detail.messageEn).toBe('"Region" is required: every role but the administrator belongs to a region');
    expect(userFieldLabel(['email'])).toEqual({ zh: '电子邮箱', en: 'E-mail' });
    expect(userFieldLabel(['nothing'])).toBeUndefined();
    expect(NewUser.safeParse({ username: 'office', displayName: 'x', role: 'admin' }).success).toBe(true);
    expect(
      codes(
        NewUser.safeParse({
          username: 'leader',
          displayName: 'x',
          role: 'leader',
          regionCode: '510104',
          password: 'short',
        }),
      ),
    ).toEqual(['password:too_small']);
  });
});

describe('a profile and a change to it', () => {
  it('refuses a change with nothing in it or a field no office sets', () => {
    expect(UserChange.safeParse({}).success).toBe(false);
    expect(UserChange.safeParse({ username: 'other' }).success).toBe(false);
    expect(UserChange.safeParse({ passwordHash: 'x' }).success).toBe(false);
    expect(UserChange.parse({ email: null })).toEqual({ email: null });
  });

  it('checks the whole profile after a change', () => {
    expect(
      codes(
        UserProfile.safeParse({
          displayName: 'x',
          role: 'reporter',
          regionCode: '510104',
          department: null,
          email: null,
        }),
      ),
    ).toEqual(['department:department_required']);
    expect(
      codes(
        UserProfile.safeParse({
          displayName: 'x',
          role: 'leader',
          regionCode: '510104',
          department: null,
          email: 'not-mail',
        }),
      ),
    ).toEqual(['email:invalid_format']);
  });
});

describe('redeeming a code', () => {
  it('needs a user name, a code and a password of the usual length', () => {
    expect(RedeemCode.safeParse({ username: 'edu', code: 'K7QM-3XWP-D9TA', password: 'long-enough-1' }).success).toBe(
      true,
    );
    expect(codes(RedeemCode.safeParse({ username: 'edu', code: ' ', password: 'short' }))).toEqual([
      'code:too_small',
      'password:too_small',
    ]);
  });
});

describe('a password being set', () => {
  const set = (password: string, username = 'jj-edu') =>
    codes(RedeemCode.safeParse({ username, code: 'ABCD-EFGH', password }));

  it('is refused when easy to guess, saying why in both languages', () => {
    expect(set('12345678')).toEqual(['password:password_common']);
    expect(set('password')).toEqual(['password:password_common']);
    expect(set('Woaini1314')).toEqual(['password:password_common']);
    expect(set('qwertyuiop')).toEqual(['password:password_common']);
    expect(set('87654321')).toEqual(['password:password_common']);
    expect(set('        ')).toEqual(['password:password_blank']);
    expect(set('aaaaaaaaaa')).toEqual(['password:password_repeated']);
    expect(set('jj-edu-2025')).toEqual(['password:password_has_username']);
    expect(set('shortname', 'shortname')).toContain('password:password_has_username');
    const detail = toApiError(
      RedeemCode.safeParse({ username: 'jj-edu', code: 'X', password: '12345678' }).error!,
      userFieldLabel,
    ).error.details[0]!;
    expect(detail.message).toBe('「密码」过于常见，容易被猜中，请换一个');
    expect(detail.messageEn).toBe('"Password" is too common and easy to guess; choose another');
  });

  it('is taken when long and not on any of those lists, for a new user too', () => {
    expect(set('锦江区教育局-2025')).toEqual([]);
    expect(set('long-enough-1')).toEqual([]);
    // A two-letter user name forbids only itself, not every password holding those letters.
    expect(set('ab-is-fine-here', 'ab')).toEqual([]);
    expect(
      codes(NewUser.safeParse({ username: 'office', displayName: 'x', role: 'admin', password: 'office-2025' })),
    ).toEqual(['password:password_has_username']);
    expect(
      codes(NewUser.safeParse({ username: 'office', displayName: 'x', role: 'admin', password: 'a-fine-passphrase' })),
    ).toEqual([]);
  });

  it('is not judged at log-in, where what was set before still works', () => {
    expect(Password.safeParse('12345678').success).toBe(true);
  });
});

describe('role groups', () => {
  it('name only real roles, and the office is in every group but the reporters', () => {
    for (const [group, roles] of Object.entries(ROLE_GROUPS)) {
      expect(
        roles.every((r) => (ROLES as readonly string[]).includes(r)),
        group,
      ).toBe(true);
      expect((roles as readonly string[]).includes('admin'), group).toBe(group !== 'report');
    }
  });
});
