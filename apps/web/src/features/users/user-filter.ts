import type { Role, User, UserChange, UserProfile } from '@kesu/schema';

export const USER_STATES = ['active', 'pending', 'disabled'] as const;
export type UserState = (typeof USER_STATES)[number];

/** Where an account stands: disabled, waiting for its owner's first password, or in use. */
export function userState(user: Pick<User, 'disabled' | 'mustSetPassword'>): UserState {
  if (user.disabled) return 'disabled';
  return user.mustSetPassword ? 'pending' : 'active';
}

/** An empty or cleared choice (Element Plus clears a select to undefined) means any. */
export interface UserFilter {
  text: string;
  role?: Role | '' | undefined;
  state?: UserState | '' | undefined;
}

/**
 * The users matching a filter: the text anywhere in the user name, name, unit, e-mail or region
 * name (as `regionName` gives it), the role and the state exactly.
 * @example filterUsers(users, { text: '锦江', role: 'reporter', state: '' }, regionName)
 */
export function filterUsers(users: User[], filter: UserFilter, regionName: (code: string | null) => string): User[] {
  const q = filter.text.trim().toLowerCase();
  return users.filter((u) => {
    if (filter.role && u.role !== filter.role) return false;
    if (filter.state && userState(u) !== filter.state) return false;
    if (!q) return true;
    return [u.username, u.displayName, u.department ?? '', u.email ?? '', regionName(u.regionCode)].some((text) =>
      text.toLowerCase().includes(q),
    );
  });
}

/** Only what an edit changed, so the audit trail and the request say exactly that. */
export function profileChange(before: User, after: UserProfile): UserChange {
  const keys = ['displayName', 'role', 'regionCode', 'department', 'email'] as const;
  return Object.fromEntries(keys.filter((k) => before[k] !== after[k]).map((k) => [k, after[k]])) as UserChange;
}
