import { inflateRawSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import type { User } from '@kesu/schema';
import { listPlans } from '../../src/api/plans';
import { useSessionStore } from '../../src/stores/session';
import { useUsersStore } from '../../src/stores/users';
import { refusal, reload, unique } from './page';

const logins = () => inject('logins');
/** Logs this browser in; the cookie and the CSRF token become that person's. */
const as = (username: string, password = logins()[username] as string) => useSessionStore().login(username, password);
/** A user name no other test uses (2–32 of a-z 0-9 . _ -). */
const PASSWORD = 'Tea-Garden-7342';
/** Far from the regions the demo users work in: accounts made here disturb nobody's scope. */
const REMOTE_REGION = '653100';
const REMOTE_PLAN_REGION = '659007';

/** The server's order of user names (byte order), which a reload shows. */
const serverOrder = (names: string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const namesOf = (list: User[]) => list.map((u) => u.username);

/** The text of every file in a ZIP (an .xlsx), enough to find what a sheet says. */
function zipText(zip: Buffer): string {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  let at = zip.readUInt32LE(end + 16);
  const parts: string[] = [];
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    parts.push((method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts.join('\n');
}

describe('the users store: the office’s list of accounts', () => {
  it('lists every account for the office in user-name order, without any password hash', async () => {
    await as('admin');
    const users = useUsersStore();
    const list = await users.load();
    expect(namesOf(list)).toEqual(namesOf(users.list));
    const names = namesOf(users.list);
    for (const demo of ['admin', 'jj-reviewer', 'cd-reviewer', 'sc-reviewer', 'jj-edu', 'jj-kx', 'sc-stat', 'leader'])
      expect(names).toContain(demo);
    expect(names).toEqual(serverOrder(names));
    const edu = users.list.find((u) => u.username === 'jj-edu');
    expect(edu).toMatchObject({
      role: 'reporter',
      regionCode: '510104',
      department: '锦江区教育局',
      disabled: false,
      mustSetPassword: false,
      demo: true,
    });
    expect(users.list.find((u) => u.username === 'sc-stat')).toMatchObject({
      role: 'statistician',
      regionCode: '510000',
      department: null,
    });
    for (const user of users.list) expect(Object.keys(user)).not.toContain('passwordHash');
  });

  it('refuses the list to anyone but the office, and keeps it empty', async () => {
    await as('jj-reviewer');
    const users = useUsersStore();
    const failure = await refusal(users.load());
    expect(failure.status).toBe(403);
    expect(failure.code).toBe('forbidden');
    expect(failure.zh).toBe('无权访问');
    expect(failure.en).toBe('not allowed for your role or scope');
    expect(users.list).toEqual([]);
  });
});

describe('the users store: creating accounts', () => {
  it('creates an account with a password: placed in the list, kept on reload, its owner logs in', async () => {
    await as('admin');
    const users = useUsersStore();
    await users.load();
    const before = users.list.length;
    const username = unique('rv');
    const code = await users.create({
      username,
      displayName: '测试审核人',
      role: 'reviewer',
      regionCode: '510104',
      department: null,
      email: `${username}@example.org`,
      password: PASSWORD,
    });
    expect(code).toBeNull();
    expect(users.list).toHaveLength(before + 1);
    expect(namesOf(users.list)).toEqual(serverOrder(namesOf(users.list)));
    const made = users.list.find((u) => u.username === username);
    expect(made).toMatchObject({
      displayName: '测试审核人',
      role: 'reviewer',
      regionCode: '510104',
      department: null,
      email: `${username}@example.org`,
      disabled: false,
      mustSetPassword: false,
      lastLoginAt: null,
      demo: false,
    });

    await reload();
    const again = useUsersStore();
    await again.load();
    expect(again.list.find((u) => u.username === username)).toEqual(made);

    await as(username, PASSWORD);
    expect(useSessionStore().user).toMatchObject({ username, role: 'reviewer', regionCode: '510104' });
  });

  it('creates an account without a password: a one-time code, shown once, sets the password and logs in', async () => {
    await as('admin');
    const users = useUsersStore();
    await users.load();
    const unit = (await users.unitsOf(REMOTE_REGION)).find(
      (u) => u.usernames.length === 0 && u.disabledUsernames.length === 0,
    );
    if (!unit) throw new Error(`no unit of ${REMOTE_REGION} without an account`);
    const username = unique('rp');
    const code = await users.create({
      username,
      displayName: '测试填报人',
      role: 'reporter',
      regionCode: REMOTE_REGION,
      department: unit.department,
      email: null,
    });
    expect(code).not.toBeNull();
    if (!code) return;
    expect(code.username).toBe(username);
    expect(code.code).toMatch(/\S{6,}/);
    expect(code.link).toContain(`user=${username}`);
    expect(code.link).toContain(`code=${code.code}`);
    expect(Date.parse(`${code.expiresAt.replace(' ', 'T')}Z`)).toBeGreaterThan(Date.now());
    expect(users.list.find((u) => u.username === username)).toMatchObject({
      role: 'reporter',
      department: unit.department,
      mustSetPassword: true,
    });
    // The unit now has its reporter.
    const units = await users.unitsOf(REMOTE_REGION);
    expect(units.find((u) => u.department === unit.department)?.usernames).toEqual([username]);

    // No password works before the code is used.
    const early = await refusal(as(username, PASSWORD));
    expect(early.status).toBe(401);
    expect(early.zh).toBe('用户名或密码错误');

    await useSessionStore().redeem(username, code.code, PASSWORD);
    expect(useSessionStore().user).toMatchObject({ username, mustSetPassword: false });
    const twice = await refusal(useSessionStore().redeem(username, code.code, 'Another-Tea-9153'));
    expect(twice.status).toBe(400);
    expect(twice.code).toBe('code_used');
    expect(twice.zh).toContain('已使用');
    expect(twice.en).toContain('used already');

    await as('admin');
    await reload();
    const again = useUsersStore();
    await again.load();
    const kept = again.list.find((u) => u.username === username);
    expect(kept?.mustSetPassword).toBe(false);
    expect(kept?.lastLoginAt).not.toBeNull();
  });

  it('refuses a bad account with the reason in both languages, and the list stays as it was', async () => {
    await as('admin');
    const users = useUsersStore();
    await users.load();
    const before = namesOf(users.list);
    const username = unique('bad');
    const base = { username, displayName: '不该创建', email: null, password: PASSWORD } as const;

    const noUnit = await refusal(users.create({ ...base, role: 'reporter', regionCode: '510104', department: null }));
    expect(noUnit.status).toBe(400);
    expect(noUnit.code).toBe('validation_failed');
    expect(noUnit.details).toEqual([expect.objectContaining({ path: 'department', code: 'department_required' })]);
    expect(noUnit.details[0]?.message).toContain('「所属单位」');
    expect(noUnit.details[0]?.messageEn).toContain('"Department"');

    const unknownUnit = await refusal(
      users.create({ ...base, role: 'reporter', regionCode: '510104', department: '没有这个单位' }),
    );
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.code).toBe('unknown_department');
    expect(unknownUnit.zh).toContain('「没有这个单位」');
    expect(unknownUnit.en).toContain('no unit named 没有这个单位');

    const unknownRegion = await refusal(
      users.create({ ...base, role: 'reviewer', regionCode: '999999', department: null }),
    );
    expect(unknownRegion.status).toBe(400);
    expect(unknownRegion.code).toBe('unknown_region');
    expect(unknownRegion.zh).toBe('行政区划代码「999999」不存在');
    expect(unknownRegion.en).toBe('no region with code 999999');

    const taken = await refusal(
      users.create({ ...base, username: 'jj-edu', role: 'reviewer', regionCode: '510104', department: null }),
    );
    expect(taken.status).toBe(409);
    expect(taken.code).toBe('username_taken');
    expect(taken.zh).toBe('用户名「jj-edu」已被使用');
    expect(taken.en).toBe('user name jj-edu is taken');

    const weak = await refusal(
      users.create({ ...base, role: 'reviewer', regionCode: '510104', department: null, password: 'password1' }),
    );
    expect(weak.status).toBe(400);
    expect(weak.details[0]?.path).toBe('password');
    expect(weak.details[0]?.message).toContain('「密码」');

    expect(namesOf(users.list)).toEqual(before);
    await reload();
    const again = useUsersStore();
    await again.load();
    expect(namesOf(again.list)).not.toContain(username);
  });
});

describe('the users store: changing accounts', () => {
  async function newReviewer() {
    const users = useUsersStore();
    const username = unique('ch');
    await users.create({
      username,
      displayName: '待修改的审核人',
      role: 'reviewer',
      regionCode: '510104',
      department: null,
      email: null,
      password: PASSWORD,
    });
    const made = users.list.find((u) => u.username === username);
    if (!made) throw new Error('the new account is not in the list');
    return made;
  }

  it('edits an account in its place in the list, and a reload shows the change', async () => {
    await as('admin');
    const users = useUsersStore();
    await users.load();
    const made = await newReviewer();
    const at = users.list.findIndex((u) => u.id === made.id);
    const length = users.list.length;

    const changed = await users.update(made.id, {
      displayName: '成都市审核人（改）',
      regionCode: '510100',
      email: `${made.username}@example.org`,
    });
    expect(changed).toMatchObject({ id: made.id, displayName: '成都市审核人（改）', regionCode: '510100' });
    expect(users.list).toHaveLength(length);
    expect(users.list[at]).toEqual(changed);

    await reload();
    const again = useUsersStore();
    await again.load();
    expect(again.list.find((u) => u.id === made.id)).toMatchObject({
      displayName: '成都市审核人（改）',
      role: 'reviewer',
      regionCode: '510100',
      email: `${made.username}@example.org`,
    });
  });

  it('refuses a change that breaks the rules, and the list keeps the account as it was', async () => {
    await as('admin');
    const users = useUsersStore();
    await users.load();
    const made = await newReviewer();

    const noUnit = await refusal(users.update(made.id, { role: 'reporter' }));
    expect(noUnit.status).toBe(400);
    expect(noUnit.details[0]).toMatchObject({ path: 'department', code: 'department_required' });
    expect(noUnit.details[0]?.message).toContain('「所属单位」');

    const noRegion = await refusal(users.update(made.id, { regionCode: null }));
    expect(noRegion.status).toBe(400);
    expect(noRegion.details[0]).toMatchObject({ path: 'regionCode', code: 'region_required' });
    expect(noRegion.details[0]?.message).toContain('「所属地区」');
    expect(noRegion.details[0]?.messageEn).toContain('"Region"');

    const unknownUnit = await refusal(users.update(made.id, { role: 'reporter', department: '没有这个单位' }));
    expect(unknownUnit.code).toBe('unknown_department');

    expect(users.list.find((u) => u.id === made.id)).toEqual(made);
    await reload();
    const again = useUsersStore();
    await again.load();
    expect(again.list.find((u) => u.id === made.id)).toMatchObject({ role: 'reviewer', regionCode: '510104' });
  });

  it('disables an account: its owner is refused at log-in with the reason, until it is enabled again', async () => {
    await as('admin');
    const users = useUsersStore();
    await users.load();
    const made = await newReviewer();

    const disabled = await users.setDisabled(made.id, true);
    expect(disabled.disabled).toBe(true);
    expect(users.list.find((u) => u.id === made.id)?.disabled).toBe(true);

    const refused = await refusal(as(made.username, PASSWORD));
    expect(refused.status).toBe(403);
    expect(refused.code).toBe('account_disabled');
    expect(refused.zh).toBe('账号已停用，请联系科协办公室');
    expect(refused.en).toBe('this account is disabled; contact the office');

    // The refused log-in left the office's session as it was.
    await reload();
    const again = useUsersStore();
    await again.load();
    expect(again.list.find((u) => u.id === made.id)?.disabled).toBe(true);
    const enabled = await again.setDisabled(made.id, false);
    expect(enabled.disabled).toBe(false);
    expect(again.list.find((u) => u.id === made.id)?.disabled).toBe(false);

    await as(made.username, PASSWORD);
    expect(useSessionStore().user?.username).toBe(made.username);
  });

  it('refuses to disable the office’s own account or reset its own password', async () => {
    await as('admin');
    const users = useUsersStore();
    await users.load();
    const own = useSessionStore().user?.id ?? '';

    const disable = await refusal(users.setDisabled(own, true));
    expect(disable.status).toBe(409);
    expect(disable.code).toBe('own_account');
    expect(disable.zh).toBe('不能停用自己的账号');
    expect(disable.en).toBe('you cannot disable your own account');

    const reset = await refusal(users.resetPassword(own));
    expect(reset.status).toBe(409);
    expect(reset.code).toBe('own_account');
    expect(reset.zh).toContain('不能重置自己的密码');
    expect(reset.en).toContain('you cannot reset your own password');

    expect(users.list.find((u) => u.id === own)).toMatchObject({ disabled: false, mustSetPassword: false });
  });

  it('resets a password: the old one stops working, the list shows the account waits, the code logs in', async () => {
    await as('admin');
    const users = useUsersStore();
    await users.load();
    const made = await newReviewer();

    const code = await users.resetPassword(made.id);
    expect(code.username).toBe(made.username);
    expect(code.link).toContain(`code=${code.code}`);
    expect(users.list.find((u) => u.id === made.id)?.mustSetPassword).toBe(true);

    await reload();
    const again = useUsersStore();
    await again.load();
    expect(again.list.find((u) => u.id === made.id)?.mustSetPassword).toBe(true);

    const old = await refusal(as(made.username, PASSWORD));
    expect(old.status).toBe(401);
    expect(old.code).toBe('bad_credentials');
    await useSessionStore().redeem(made.username, code.code, 'Fresh-Tea-8621');
    expect(useSessionStore().user).toMatchObject({ username: made.username, mustSetPassword: false });
  });

  it('refuses to reset a disabled account, and a reset from a page without the list loaded adds nothing', async () => {
    await as('admin');
    const users = useUsersStore();
    await users.load();
    const made = await newReviewer();
    await users.setDisabled(made.id, true);

    const refused = await refusal(users.resetPassword(made.id));
    expect(refused.status).toBe(409);
    expect(refused.code).toBe('account_disabled');
    expect(refused.zh).toBe('账号已停用，请先启用再重置密码');
    expect(refused.en).toContain('enable it before resetting its password');
    expect(users.list.find((u) => u.id === made.id)?.mustSetPassword).toBe(false);

    await users.setDisabled(made.id, false);
    await reload();
    const unloaded = useUsersStore();
    const code = await unloaded.resetPassword(made.id);
    expect(code.username).toBe(made.username);
    expect(unloaded.list).toEqual([]);
  });
});

describe('the users store: units and their accounts', () => {
  it('makes a reporter account for every unit of a plan that has none, and a second run makes none', async () => {
    await as('admin');
    const plan = (await listPlans()).find((p) => p.regionCode === REMOTE_PLAN_REGION);
    if (!plan) throw new Error(`no plan of ${REMOTE_PLAN_REGION}`);
    const users = useUsersStore();
    await users.load();
    const before = users.list.length;
    const pair = (u: { regionCode: string; department: string }) => `${u.regionCode}|${u.department}`;
    const missing = (await users.missingAccounts(REMOTE_PLAN_REGION)).filter((u) =>
      u.plans.some((p) => p.id === plan.id),
    );
    expect(missing.length).toBeGreaterThan(0);

    const result = await users.createForPlan(plan.id);
    expect(result.skipped).toEqual([]);
    expect(result.created.map(pair).sort()).toEqual(missing.map(pair).sort());
    // The loaded list picks the new accounts up, in the server's order.
    expect(users.list).toHaveLength(before + result.created.length);
    expect(namesOf(users.list)).toEqual(serverOrder(namesOf(users.list)));
    for (const made of result.created) {
      expect(users.list.find((u) => u.id === made.userId)).toMatchObject({
        username: made.username,
        role: 'reporter',
        regionCode: made.regionCode,
        department: made.department,
        mustSetPassword: true,
      });
    }
    const still = (await users.missingAccounts(REMOTE_PLAN_REGION)).filter((u) =>
      u.plans.some((p) => p.id === plan.id),
    );
    expect(still).toEqual([]);

    // A page that never loaded the list: the second run skips every unit and loads nothing.
    await reload();
    const fresh = useUsersStore();
    const second = await fresh.createForPlan(plan.id);
    expect(second.created).toEqual([]);
    expect(second.skipped.map(pair).sort()).toEqual(missing.map(pair).sort());
    for (const skipped of second.skipped) {
      expect(skipped.reason).toBe('has_account');
      expect(skipped.username).toBe(result.created.find((c) => pair(c) === pair(skipped))?.username);
    }
    expect(fresh.list).toEqual([]);

    // A handed-out code works.
    const first = result.created[0];
    if (!first) throw new Error('nothing created');
    await useSessionStore().redeem(first.username, first.code, 'River-Lamp-5831');
    expect(useSessionStore().user).toMatchObject({ username: first.username, department: first.department });
  });

  it('prints the handed-out log-ins as a workbook named after its title', async () => {
    await as('admin');
    const users = useUsersStore();
    const username = unique('sheet');
    const code = await users.create({
      username,
      displayName: '打印测试',
      role: 'reviewer',
      regionCode: '510104',
      department: null,
      email: null,
    });
    if (!code) throw new Error('no code for an account made without a password');
    const title = `登录信息-${username}`;
    const { blob, name } = await users.loginSheet(title, [
      {
        regionName: '锦江区',
        department: '审核',
        username,
        code: code.code,
        link: code.link,
        expiresAt: code.expiresAt,
      },
    ]);
    expect(name).toBe(`${title}.xlsx`);
    const bytes = Buffer.from(await blob.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = zipText(bytes);
    expect(text).toContain(username);
    expect(text).toContain(code.code);
    expect(text).toContain('锦江区');
  });

  it('shows the office a region’s units with their reporter accounts, and no one else', async () => {
    await as('admin');
    const users = useUsersStore();
    const units = await users.unitsOf('510104');
    expect(units.length).toBeGreaterThan(2);
    expect(units.every((u) => u.regionCode === '510104')).toBe(true);
    expect(units.find((u) => u.department === '锦江区教育局')?.usernames).toContain('jj-edu');
    expect(units.find((u) => u.department === '锦江区科协')?.usernames).toContain('jj-kx');

    await as('jj-reviewer');
    const refused = await refusal(useUsersStore().unitsOf('510104'));
    expect(refused.status).toBe(403);
    expect(refused.zh).toBe('无权访问');
  });

  it('lists the units still without an account within the caller’s own region tree only', async () => {
    await as('jj-reviewer');
    const users = useUsersStore();
    const mine = await users.missingAccounts();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((u) => u.regionCode.startsWith('510104') && u.usernames.length === 0)).toBe(true);
    expect(mine.map((u) => u.department)).not.toContain('锦江区教育局');
    const above = await refusal(users.missingAccounts('510100'));
    expect(above.status).toBe(403);
    expect(above.en).toBe('not allowed for your role or scope');

    await as('leader');
    const below = await users.missingAccounts('510104');
    expect(below.map((u) => u.department).sort()).toEqual(mine.map((u) => u.department).sort());
    const province = await users.missingAccounts();
    expect(province.length).toBeGreaterThan(below.length);
    expect(province.every((u) => u.regionCode.startsWith('51'))).toBe(true);

    await as('admin');
    const unknown = await refusal(users.missingAccounts('999999'));
    expect(unknown.status).toBe(400);
    expect(unknown.code).toBe('unknown_region');

    await as('jj-edu');
    const reporter = await refusal(users.missingAccounts());
    expect(reporter.status).toBe(403);
  });

  // The store and the server order accounts by one rule (`byUsername`): with localeCompare in the
  // browser and a collation on the database, names with '-', '.' or '_' moved on a reload.
  it('places a new account where a reload shows it, whatever punctuation its name has', async () => {
    await as('admin');
    const users = useUsersStore();
    await users.load();
    const stem = unique('ord');
    for (const username of [`${stem}-b`, `${stem}_a`]) {
      await users.create({
        username,
        displayName: '排序测试',
        role: 'reviewer',
        regionCode: '510104',
        department: null,
        email: null,
        password: PASSWORD,
      });
    }
    const shown = namesOf(users.list).filter((n) => n.startsWith(stem));
    await reload();
    const again = useUsersStore();
    await again.load();
    expect(shown).toEqual(namesOf(again.list).filter((n) => n.startsWith(stem)));
  });
});
