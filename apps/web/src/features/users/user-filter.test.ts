import { describe, expect, it } from 'vitest';
import type { User } from '@kesu/schema';
import { filterUsers, profileChange, userState } from './user-filter';

const user = (over: Partial<User>): User => ({
  id: over.username ?? 'u',
  username: 'u',
  displayName: '用户',
  role: 'reporter',
  regionCode: '510104',
  department: '锦江区教育局',
  email: null,
  disabled: false,
  mustSetPassword: false,
  lastLoginAt: null,
  demo: false,
  ...over,
});
const regionName = (code: string | null) => ({ '510104': '锦江区', '110108': '海淀区' })[code ?? ''] ?? '';

describe('user states', () => {
  it('say disabled before anything else, then whether a password is still to be set', () => {
    expect(userState(user({ disabled: true, mustSetPassword: true }))).toBe('disabled');
    expect(userState(user({ mustSetPassword: true }))).toBe('pending');
    expect(userState(user({}))).toBe('active');
  });
});

describe('filtering users', () => {
  const users = [
    user({ username: '510104.education', displayName: '王老师' }),
    user({
      username: 'hd-kx',
      regionCode: '110108',
      department: '海淀区科协',
      email: 'kx@haidian.cn',
      mustSetPassword: true,
    }),
    user({ username: 'office', role: 'admin', regionCode: null, department: null, disabled: true }),
  ];
  const names = (filter: Parameters<typeof filterUsers>[1]) =>
    filterUsers(users, filter, regionName).map((u) => u.username);

  it('finds text in the user name, name, unit, e-mail and region name, ignoring case', () => {
    expect(names({ text: '王', role: '', state: '' })).toEqual(['510104.education']);
    expect(names({ text: '海淀', role: '', state: '' })).toEqual(['hd-kx']);
    expect(names({ text: 'HAIDIAN.CN', role: '', state: '' })).toEqual(['hd-kx']);
    expect(names({ text: '锦江区', role: '', state: '' })).toEqual(['510104.education']);
    expect(names({ text: '  ', role: '', state: '' })).toHaveLength(3);
  });

  it('keeps a role and a state exactly', () => {
    expect(names({ text: '', role: 'admin', state: '' })).toEqual(['office']);
    expect(names({ text: '', role: '', state: 'pending' })).toEqual(['hd-kx']);
    expect(names({ text: '', role: 'reporter', state: 'disabled' })).toEqual([]);
  });
});

describe('a profile change', () => {
  it('names only the fields that changed', () => {
    const before = user({ email: null });
    expect(
      profileChange(before, {
        displayName: '用户',
        role: 'reviewer',
        regionCode: '510104',
        department: null,
        email: 'a@b.cn',
      }),
    ).toEqual({ role: 'reviewer', department: null, email: 'a@b.cn' });
    expect(
      profileChange(before, {
        displayName: '用户',
        role: 'reporter',
        regionCode: '510104',
        department: '锦江区教育局',
        email: null,
      }),
    ).toEqual({});
  });
});
