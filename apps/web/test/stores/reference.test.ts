import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { ApiFailure } from '../../src/api/client';
import { regionsUnder } from '../../src/api/reference';
import { i18n, setLocale } from '../../src/i18n';
import { useReferenceStore } from '../../src/stores/reference';
import { useSessionStore } from '../../src/stores/session';

const password = (username: string) => inject('logins')[username] as string;
const logIn = (username: string) => useSessionStore().login(username, password(username));

/** The API requests the page sends from now on (the real server answers them). */
function watchRequests() {
  const spy = vi.spyOn(globalThis, 'fetch');
  return () =>
    spy.mock.calls.map(([input]) => {
      const url = new URL(String(input), 'http://page');
      return `${url.pathname.replace('/api/v1', '')}${decodeURIComponent(url.search)}`;
    });
}

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  return error as ApiFailure;
}

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  if (i18n.global.locale.value !== 'zh-CN') {
    vi.stubGlobal('document', { documentElement: { lang: '' } });
    await setLocale('zh-CN');
    vi.unstubAllGlobals();
  }
});

/** Switches the page to English as the header's language menu does. */
async function inEnglish() {
  vi.stubGlobal('document', { documentElement: { lang: '' } });
  await setLocale('en');
}

describe('the reference store: regions', () => {
  it('lists the provinces and the regions under a parent, asking the server once per parent', async () => {
    await logIn('jj-edu');
    const requests = watchRequests();
    const reference = useReferenceStore();

    const [provinces, again] = await Promise.all([reference.childrenOf(null), reference.childrenOf(null)]);
    expect(again).toBe(provinces);
    expect(provinces).toHaveLength(31);
    expect(provinces.find((r) => r.code === '510000')).toMatchObject({ name: '四川省', level: 'province' });
    expect(provinces.every((r) => r.parent === null)).toBe(true);

    const chengdu = await reference.childrenOf('510100');
    expect(chengdu.find((r) => r.code === '510104')).toMatchObject({ name: '锦江区', parent: '510100' });
    expect(chengdu.every((r) => r.parent === '510100')).toBe(true);
    await reference.childrenOf('510100');

    expect(requests()).toEqual(['/regions', '/regions?parent=510100']);
    // What was listed is known by name from then on.
    expect(reference.regionName('510000')).toBe('四川省');
    expect(reference.regionName('510104')).toBe('锦江区');
    expect(reference.regions.get('510104')?.level).toBe('district');
  });

  it('keeps no failed read: logged out the list is refused, after logging in it is asked again', async () => {
    const reference = useReferenceStore();
    const failure = await failureOf(reference.childrenOf('510000'));
    expect(failure.status).toBe(401);
    expect(failure.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(failure.en).toMatch(/[a-z]/);

    await logIn('jj-edu');
    const requests = watchRequests();
    const prefectures = await reference.childrenOf('510000');
    expect(prefectures.map((r) => r.name)).toContain('成都市');
    expect(requests()).toEqual(['/regions?parent=510000']);
  });

  it('refuses a parent that is no region code, in both languages, and asks again next time', async () => {
    await logIn('jj-edu');
    const reference = useReferenceStore();
    const failure = await failureOf(reference.childrenOf('51'));
    expect(failure.status).toBe(400);
    expect(failure.code).toBe('validation_failed');
    expect(failure.details[0]?.path).toBe('parent');
    expect(failure.zh).toBe('提交的内容有 1 处错误');
    expect(failure.en).toBe('1 problem in the input');

    const requests = watchRequests();
    await failureOf(reference.childrenOf('51'));
    expect(requests()).toEqual(['/regions?parent=51']);
  });

  it('names regions by code: unknown ones by their code, none as empty', async () => {
    await logIn('jj-edu');
    const reference = useReferenceStore();
    expect(reference.regionName('510104')).toBe('510104');
    expect(reference.regionName(null)).toBe('');
    expect(reference.regionName(undefined)).toBe('');
    await reference.loadRegions(['510104', '999999']);
    expect(reference.regionName('510104')).toBe('锦江区');
    // A code the server does not know stays shown as the code.
    expect(reference.regionName('999999')).toBe('999999');
  });

  it('reads the names of regions by code once, a page and its route asking at once sharing a request', async () => {
    await logIn('jj-reviewer');
    const reference = useReferenceStore();
    const requests = watchRequests();
    await Promise.all([reference.loadRegions(['510104', '510100']), reference.loadRegions(['510100', '510000'])]);
    expect(requests()).toEqual(['/regions?codes=510104,510100', '/regions?codes=510000']);
    expect(['510104', '510100', '510000'].map((c) => reference.regionName(c))).toEqual(['锦江区', '成都市', '四川省']);

    // Known now: no request at all, duplicates or not.
    await reference.loadRegions(['510000', '510104', '510104']);
    expect(requests()).toHaveLength(2);
  });

  it('asks for many codes 200 at a time, and knows every one of them afterwards', async () => {
    await logIn('jj-edu');
    // Real codes: the provinces, Sichuan's prefectures and the counties under them.
    const codes = [...(await regionsUnder(null)), ...(await regionsUnder('510000'))].map((r) => r.code);
    for (const prefecture of (await regionsUnder('510000')).map((r) => r.code)) {
      if (codes.length >= 250) break;
      codes.push(...(await regionsUnder(prefecture)).map((r) => r.code));
    }
    expect(codes.length).toBeGreaterThan(200);
    expect(codes.length).toBeLessThanOrEqual(400);

    const reference = useReferenceStore();
    const requests = watchRequests();
    await reference.loadRegions(codes);
    const sent = requests().map((r) => r.replace('/regions?codes=', '').split(','));
    expect(sent.map((batch) => batch.length)).toEqual([200, codes.length - 200]);
    expect(sent.flat()).toEqual(codes);
    expect(codes.every((c) => reference.regions.has(c))).toBe(true);
    expect(reference.regionName('510104')).toBe('锦江区');
  });

  it('refuses a malformed code with the reason, and asks again on the next call', async () => {
    await logIn('jj-edu');
    const reference = useReferenceStore();
    const failure = await failureOf(reference.loadRegions(['51010']));
    expect(failure.status).toBe(400);
    expect(failure.details.map((d) => d.path)).toEqual(['codes']);
    expect(failure.zh).toMatch(/[\u4e00-\u9fff]/);

    const requests = watchRequests();
    await failureOf(reference.loadRegions(['51010']));
    expect(requests()).toEqual(['/regions?codes=51010']);
  });

  it('gives the chain from the province down to a region, reading each level once', async () => {
    await logIn('jj-edu');
    const reference = useReferenceStore();
    const requests = watchRequests();
    expect(await reference.ancestry('510104')).toEqual(['510000', '510100', '510104']);
    expect(requests()).toEqual(['/regions?codes=510104', '/regions?codes=510100', '/regions?codes=510000']);
    expect(reference.regionName('510100')).toBe('成都市');

    expect(await reference.ancestry('510100')).toEqual(['510000', '510100']);
    expect(await reference.ancestry('510000')).toEqual(['510000']);
    expect(requests()).toHaveLength(3);
  });

  it('finds regions of any level by part of a name or the start of a code, and remembers them', async () => {
    await logIn('jj-edu');
    const reference = useReferenceStore();
    const found = await reference.searchRegions('锦江');
    expect(found).toEqual([
      {
        code: '510104',
        name: '锦江区',
        short: '锦江',
        level: 'district',
        parent: '510100',
        path: ['四川省', '成都市'],
      },
    ]);
    expect(reference.regionName('510104')).toBe('锦江区');

    const byCode = await reference.searchRegions('5101');
    // The closest first: the prefecture whose code starts so, then the regions under it.
    expect(byCode[0]).toMatchObject({ code: '510100', name: '成都市', path: ['四川省'] });
    // Every region of Chengdu, and only those.
    const chengdu = ['510100', ...(await regionsUnder('510100')).map((r) => r.code)];
    expect(byCode.map((r) => r.code).sort()).toEqual(chengdu.sort());
    expect(byCode.every((r) => reference.regions.has(r.code))).toBe(true);
  });

  it('refuses an empty search with the reason in both languages', async () => {
    await logIn('jj-edu');
    const failure = await failureOf(useReferenceStore().searchRegions('   '));
    expect(failure.status).toBe(400);
    expect(failure.details[0]).toMatchObject({ path: 'q', code: 'too_small' });
    expect(failure.details[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(failure.details[0]?.messageEn).toMatch(/at least 1/);
  });
});

describe('the reference store: units of a region', () => {
  it('shows the office the units known in a region, with their function and where each is known from', async () => {
    await logIn('admin');
    const units = await useReferenceStore().unitsOf('510104');
    const byName = new Map(units.map((u) => [u.name, u]));
    expect(byName.get('锦江区财政局')).toEqual({
      name: '锦江区财政局',
      function: 'finance',
      sources: ['plan', 'assignment'],
    });
    // Known from assignments only: its function read from its name, as the importer reads it.
    expect(byName.get('锦江区地震局')).toEqual({
      name: '锦江区地震局',
      function: 'earthquake',
      sources: ['assignment'],
    });
    // The demo's reporter account is one source of the education bureau.
    expect(byName.get('锦江区教育局')?.sources).toEqual(expect.arrayContaining(['plan', 'assignment', 'user']));
  });

  it('refuses units to anyone but the office, and an unknown region with its code', async () => {
    await logIn('jj-reviewer');
    const refused = await failureOf(useReferenceStore().unitsOf('510104'));
    expect([refused.status, refused.code, refused.zh, refused.en]).toEqual([
      403,
      'forbidden',
      '无权访问',
      'not allowed for your role or scope',
    ]);

    await useSessionStore().logout();
    await logIn('admin');
    const unknown = await failureOf(useReferenceStore().unitsOf('999999'));
    expect([unknown.status, unknown.zh, unknown.en]).toEqual([
      404,
      '行政区划「999999」不存在',
      'region 999999 not found',
    ]);
  });
});

describe('the reference store: catalogs', () => {
  it('reads the indicator catalog with its breakdowns once, and names indicators in the language shown', async () => {
    await logIn('sc-stat');
    const reference = useReferenceStore();
    expect(reference.indicatorName('science_literacy_rate')).toBe('');
    const requests = watchRequests();
    // The plan page and its target editor ask at once: one request for both.
    const [list, same] = await Promise.all([reference.loadIndicators(), reference.loadIndicators()]);
    expect(same).toBe(list);
    expect(list).toHaveLength(81);
    expect(list.find((i) => i.code === 'science_literacy_rate')).toMatchObject({ unit: '%', kind: 'rate' });
    expect(reference.breakdowns['targetGroup']?.values.map((v) => v.code)).toContain('farmers');
    expect(await reference.loadIndicators()).toBe(list);
    expect(requests().sort()).toEqual(['/disaggregations', '/indicators']);

    expect(reference.indicatorName('science_literacy_rate')).toBe('公民具备科学素质的比例');
    // A plan's own indicator has no name for people.
    expect(reference.indicatorName('local_anything')).toBe('');
    expect(reference.indicatorName(null)).toBe('');
    await inEnglish();
    expect(reference.indicatorName('science_literacy_rate')).toBe('Share of citizens with basic science literacy');
  });

  it('keeps no failed catalog read: refused while logged out, asked again after logging in', async () => {
    const reference = useReferenceStore();
    expect((await failureOf(reference.loadFunctions())).status).toBe(401);

    await logIn('jj-kx');
    const requests = watchRequests();
    expect(await reference.loadFunctions()).toContainEqual(expect.objectContaining({ code: 'education' }));
    expect(requests()).toEqual(['/department-functions']);
  });

  it('reads the department functions once and names them in the language shown', async () => {
    await logIn('jj-kx');
    const reference = useReferenceStore();
    const requests = watchRequests();
    const [functions] = await Promise.all([reference.loadFunctions(), reference.loadFunctions()]);
    expect(functions).toContainEqual({ code: 'education', nameZh: '教育部门', nameEn: 'Education bureau' });
    await reference.loadFunctions();
    expect(requests()).toEqual(['/department-functions']);

    expect(reference.functionName('science_association')).toBe('科协');
    expect(reference.functionName('no_such_function')).toBe('');
    expect(reference.functionName(undefined)).toBe('');
    await inEnglish();
    expect(reference.functionName('education')).toBe('Education bureau');
  });

  it('reads how this deployment approves once: the levels, and that data counts from submission', async () => {
    await logIn('leader');
    const reference = useReferenceStore();
    expect(reference.approval).toBeNull();
    const requests = watchRequests();
    await Promise.all([reference.loadApproval(), reference.loadApproval()]);
    expect(reference.approval).toEqual({ levels: ['county', 'prefecture', 'province'], countApprovedFrom: null });
    await reference.loadApproval();
    expect(requests()).toEqual(['/approval-levels']);
  });

  it('forgets everything on a reload: a new page asks the server again', async () => {
    await logIn('jj-edu');
    await useReferenceStore().loadFunctions();
    await useReferenceStore().childrenOf(null);

    setActivePinia(createPinia());
    const reference = useReferenceStore();
    expect(reference.functions).toEqual([]);
    expect(reference.regions.size).toBe(0);
    const requests = watchRequests();
    await reference.childrenOf(null);
    expect(requests()).toEqual(['/regions']);
  });
});
