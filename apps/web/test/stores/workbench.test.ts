import { resolveObjectURL } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { beijingYear, resultFileName } from '@kesu/schema';
import { ApiFailure } from '../../src/api/client';
import { listSavedQueries } from '../../src/api/sql';
import { createUser } from '../../src/api/users';
import { useSessionStore } from '../../src/stores/session';
import { useWorkbenchStore } from '../../src/stores/workbench';

const logins: Record<string, string> = { ...inject('logins') };

async function logIn(username: string) {
  const session = useSessionStore();
  if (session.user) await session.logout();
  await session.login(username, logins[username] as string);
}

/** A statistician of Sichuan made for this test alone, logged in. */
async function newStatistician(): Promise<string> {
  await logIn('admin');
  const username = `wb-${randomUUID().slice(0, 12)}`;
  logins[username] = `Pw-${randomUUID()}`;
  await createUser({
    username,
    displayName: `统计人员 ${username}`,
    password: logins[username],
    role: 'statistician',
    regionCode: '510000',
    department: null,
    email: null,
  });
  await logIn(username);
  return username;
}

/** A reload: new stores in the same browser (its cookie and localStorage), the session picked up again. */
async function reload() {
  setActivePinia(createPinia());
  await useSessionStore().restore();
  const workbench = useWorkbenchStore();
  await workbench.open();
  return workbench;
}

/** The API requests the page sends from now on (the real server answers them). */
function watchRequests() {
  const spy = vi.spyOn(globalThis, 'fetch');
  return () => spy.mock.calls.map(([input]) => String(input).replace('/api/v1', ''));
}

/** The files the page hands to the browser's download, with their bytes. */
function downloads() {
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  const pending: Array<Promise<void>> = [];
  vi.stubGlobal('document', {
    body: { append: () => undefined },
    createElement: () => {
      const link = {
        href: '',
        download: '',
        remove: () => undefined,
        click: () => {
          const blob = resolveObjectURL(link.href);
          if (!blob) throw new Error(`nothing behind ${link.href}`);
          pending.push(
            blob.arrayBuffer().then((b) => void files.push({ name: link.download, bytes: new Uint8Array(b) })),
          );
        },
      };
      return link;
    },
  });
  return async () => {
    await Promise.all(pending);
    return files;
  };
}

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const magic = (bytes: Uint8Array, length: number) => String.fromCharCode(...bytes.slice(0, length));

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  return error as ApiFailure;
}

/** Runs past the 10 s limit unless stopped: every pair of the warehouse's values. */
const SLOW_SQL = 'SELECT count(*) AS n FROM fact_value a, fact_value b WHERE a.value + b.value < -1';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the workbench store: opening and running', () => {
  it('opens with the starting query for last year, the documented tables and no history', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    await workbench.open();
    expect(workbench.sql).toMatch(/^-- 各地区已审核的指标值（本辖区内）\nSELECT /);
    expect(workbench.names).toEqual(['year']);
    expect(workbench.params['year']).toEqual({ value: String(beijingYear() - 1), type: 'auto' });
    expect(workbench.history).toEqual([]);
    const fact = workbench.tables.find((t) => t.name === 'fact_value');
    expect(fact?.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['region_code', 'period', 'value']));
    expect(fact?.doc.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(workbench.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['dim_region', 'dim_indicator']));
    expect(workbench.saved.filter((q) => q.mine)).toEqual([]);
    expect([workbench.result, workbench.current, workbench.title, workbench.running]).toEqual([
      null,
      null,
      null,
      false,
    ]);
  });

  it('runs the starting query within the statistician’s province and keeps it in this browser’s history', async () => {
    const user = await newStatistician();
    const workbench = useWorkbenchStore();
    await workbench.open();
    workbench.params['year'] = { value: '2024', type: 'auto' };
    const running = workbench.run();
    expect(workbench.running).toBe(true);
    await running;
    expect(workbench.running).toBe(false);
    expect(workbench.runError).toBeNull();
    const result = workbench.result;
    expect(result?.columns.map((c) => c.name)).toEqual(['region', 'indicator', 'indicator_code', 'period', 'value']);
    expect(result?.scope).toEqual({ code: '510000', name: '四川省' });
    // Sichuan reported far more than the query's LIMIT 1000 values in 2024.
    expect(result?.rows).toHaveLength(1000);
    expect(result?.rows.every((row) => String(row[3]).startsWith('2024'))).toBe(true);

    expect(workbench.history).toEqual([
      { sql: workbench.sql, at: expect.any(String), rows: result?.rows.length, ms: result?.ms },
    ]);
    expect(JSON.parse(localStorage.getItem(`kesu.sql.history.${user}`) ?? '[]')).toEqual(workbench.history);
    expect((await reload()).history).toEqual(workbench.history);
  });

  it('reads only the caller’s region tree; the office reads the whole country', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    workbench.load('SELECT DISTINCT region_code FROM fact_value ORDER BY 1');
    await workbench.run();
    const sichuan = workbench.result?.rows.map((row) => String(row[0])) ?? [];
    expect(sichuan).toContain('510104');
    expect(sichuan.every((code) => code.startsWith('51'))).toBe(true);

    await logIn('admin');
    await workbench.run();
    expect(workbench.result?.scope).toBeNull();
    const country = workbench.result?.rows.map((row) => String(row[0])) ?? [];
    expect(country).toEqual(expect.arrayContaining(['510104', '150602', '653000']));
  });

  it('keeps the query being written as this user’s draft for the next visit', async () => {
    const user = await newStatistician();
    const workbench = useWorkbenchStore();
    await workbench.open();
    workbench.sql = 'SELECT 1 AS draft';
    await nextTick();
    expect(localStorage.getItem(`kesu.sql.draft.${user}`)).toBe('SELECT 1 AS draft');
    expect((await reload()).sql).toBe('SELECT 1 AS draft');

    // Someone else on this browser starts from the starting query, with a history of their own.
    await workbench.run();
    await newStatistician();
    const other = useWorkbenchStore();
    await other.open();
    expect(other.sql).toMatch(/^-- 各地区已审核的指标值/);
    expect(other.history).toEqual([]);
  });

  it('moves a query run again to the top of the history rather than repeating it', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    await workbench.open();
    for (const sql of ['SELECT 1 AS a', 'SELECT 2 AS b', '  SELECT 1 AS a\n']) {
      workbench.load(sql);
      await workbench.run();
    }
    expect(workbench.history.map((h) => h.sql)).toEqual(['  SELECT 1 AS a\n', 'SELECT 2 AS b']);
    expect(workbench.history.map((h) => h.rows)).toEqual([1, 1]);
  });

  it('refuses the workbench to roles that may not query, with the reason in both languages', async () => {
    await logIn('leader');
    const failure = await failureOf(useWorkbenchStore().open());
    expect([failure.status, failure.zh, failure.en]).toEqual([403, '无权访问', 'not allowed for your role or scope']);

    const workbench = useWorkbenchStore();
    workbench.load('SELECT 1 AS one');
    await workbench.run();
    expect((workbench.runError as ApiFailure).status).toBe(403);
    expect([workbench.result, workbench.problems]).toEqual([null, []]);
    expect(workbench.history.map((h) => h.rows)).toEqual([null]);
  });
});

describe('the workbench store: parameters', () => {
  it('gives each placeholder an input, sends numbers as numbers and text as text, and keeps typed values', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    workbench.load("SELECT :n AS n, :t AS t, :n + 1 AS m, ':no' AS quoted -- :nor");
    await nextTick();
    expect(workbench.names).toEqual(['n', 't']);
    expect(workbench.params['n']).toEqual({ value: '', type: 'auto' });

    workbench.params['n'] = { value: '41', type: 'auto' };
    workbench.params['t'] = { value: "it's", type: 'auto' };
    await workbench.run();
    expect(workbench.result?.rows).toEqual([[41, "it's", 42, ':no']]);

    workbench.params['t'] = { value: '42', type: 'text' };
    await workbench.run();
    expect(workbench.result?.rows).toEqual([[41, '42', 42, ':no']]);
    expect(workbench.result?.columns.map((c) => c.type)).toEqual(['INTEGER', 'VARCHAR', 'INTEGER', 'VARCHAR']);

    // A placeholder taken out and put back keeps what was typed for it.
    workbench.sql = 'SELECT :t AS t';
    await nextTick();
    expect(workbench.names).toEqual(['t']);
    workbench.sql = 'SELECT :t AS t, :n AS n';
    await nextTick();
    expect(workbench.params['n']).toEqual({ value: '41', type: 'auto' });
  });

  it('stops a run with a missing or non-numeric value unsent, saying why in both languages', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    workbench.load('SELECT :a AS a, :b AS b');
    await nextTick();
    const requests = watchRequests();
    await workbench.run();
    expect(workbench.problems).toEqual([
      { code: 'missing', position: null, message: '请填写参数 :a 的值', messageEn: 'fill in a value for :a' },
      { code: 'missing', position: null, message: '请填写参数 :b 的值', messageEn: 'fill in a value for :b' },
    ]);

    workbench.params['a'] = { value: '1', type: 'auto' };
    workbench.params['b'] = { value: 'x', type: 'number' };
    await workbench.run();
    await workbench.check();
    expect(workbench.problems).toEqual([
      { code: 'not_a_number', position: null, message: '参数 :b 须为数字', messageEn: ':b must be a number' },
    ]);
    expect(requests()).toEqual([]);
    expect([workbench.result, workbench.running, workbench.history]).toEqual([null, false, []]);
  });
});

describe('the workbench store: problems', () => {
  it('marks the parser’s problems where they are in the query as written, parameters and all', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    workbench.load('SELEC 1');
    await workbench.check();
    expect(workbench.problems).toMatchObject([
      { code: 'syntax', position: 0, messageEn: expect.stringMatching(/SELEC/) },
    ]);

    workbench.load('SELECT :long AS a FROM secrets');
    workbench.params['long'] = { value: '1234567890', type: 'auto' };
    await workbench.check();
    expect(workbench.problems).toMatchObject([{ code: 'unknown_table', position: workbench.sql.indexOf('secrets') }]);
    expect(workbench.problems[0]?.message).toContain('「secrets」');

    workbench.load('SELECT :long AS a');
    await workbench.check();
    expect(workbench.problems).toEqual([]);
  });

  it('keeps only the answer to the latest check', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    workbench.load('SELEC 1');
    const stale = workbench.check();
    workbench.load('SELECT 1');
    await Promise.all([stale, workbench.check()]);
    expect(workbench.problems).toEqual([]);

    const staleGood = workbench.check();
    workbench.load('SELECT 1 FROM nowhere');
    await Promise.all([staleGood, workbench.check()]);
    expect(workbench.problems.map((p) => p.code)).toEqual(['unknown_table']);
  });

  it('shows why a run failed at its place, and no earlier rows; the parser’s check does not wipe it out', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    workbench.load('SELECT 1 AS one');
    await workbench.run();
    expect(workbench.result?.rows).toEqual([[1]]);

    workbench.load('SELECT :n AS n, nope FROM fact_value');
    workbench.params['n'] = { value: '12345', type: 'auto' };
    await workbench.run();
    expect(workbench.result).toBeNull();
    const failure = workbench.runError as ApiFailure;
    expect([failure.status, failure.code]).toEqual([400, 'column_not_found']);
    expect(failure.zh).toContain('「nope」');
    expect(failure.en).toContain('"nope"');
    expect(workbench.problems).toEqual([
      {
        code: 'column_not_found',
        message: failure.zh,
        messageEn: failure.en,
        position: workbench.sql.indexOf('nope'),
        original: expect.stringMatching(/^Binder Error: Referenced column "nope" not found/),
      },
    ]);
    expect(workbench.history.map((h) => [h.sql, h.rows, h.ms])).toEqual([
      [workbench.sql, null, null],
      ['SELECT 1 AS one', 1, expect.any(Number)],
    ]);

    // The parser alone finds nothing wrong here: the run's problem stays.
    await workbench.check();
    expect(workbench.problems.map((p) => p.code)).toEqual(['column_not_found']);
    workbench.load('SELECT :n AS n, period FROM fact_value LIMIT 1');
    await workbench.check();
    expect(workbench.problems).toEqual([]);
  });
});

describe('the workbench store: cancelling', () => {
  it('stops a running query on request, and the server stops it too: the next run soon goes through', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    workbench.load('SELECT 0 AS warm');
    await workbench.run();
    workbench.load(SLOW_SQL);
    const started = Date.now();
    const running = workbench.run();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(workbench.running).toBe(true);
    workbench.cancel();
    await running;
    expect([workbench.running, workbench.cancelled, workbench.runError]).toEqual([false, true, null]);
    // No rows pass for the cancelled query (those of the query before belong to another text), and it
    // is not in the history.
    expect(workbench.result).toBeNull();
    expect(workbench.history.map((h) => h.sql)).toEqual(['SELECT 0 AS warm']);

    // One query at a time per person: the next is let through once the server has stopped this
    // one, long before its 10 s limit.
    workbench.load('SELECT 1 AS one');
    await vi.waitFor(
      async () => {
        await workbench.run();
        expect(workbench.runError).toBeNull();
      },
      { timeout: 8_000, interval: 100 },
    );
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(workbench.result?.rows).toEqual([[1]]);
    expect(workbench.cancelled).toBe(false);
  });

  it('drops the first of two runs started at once: only the second’s rows and history', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    const requests = watchRequests();
    workbench.load('SELECT 1 AS first');
    const first = workbench.run();
    workbench.load('SELECT 2 AS second');
    await Promise.all([first, workbench.run()]);
    expect(requests()).toEqual(['/sql', '/sql']);
    expect([workbench.running, workbench.runError]).toEqual([false, null]);
    expect(workbench.result?.rows).toEqual([[2]]);
    expect(workbench.history.map((h) => h.sql)).toEqual(['SELECT 2 AS second']);
    // The first run was replaced, not cancelled by the person: the status shows the rows, not 已取消.
    expect(workbench.cancelled).toBe(false);
  });

  it('shows no rows of the query before once another is opened, so none are exported under its name', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    workbench.load('SELECT 2 AS from_b');
    const other = await workbench.save({ title: '另一条查询', shared: false, asNew: true });
    workbench.load('SELECT 1 AS from_a');
    await workbench.run();
    expect(workbench.result?.columns.map((c) => c.name)).toEqual(['from_a']);
    workbench.openSaved(other);
    expect([workbench.sql, workbench.title, workbench.result]).toEqual(['SELECT 2 AS from_b', '另一条查询', null]);
  });
});

describe('the workbench store: saved queries', () => {
  it('saves a new query, then changes it in place; the server keeps both changes', async () => {
    const user = await newStatistician();
    const workbench = useWorkbenchStore();
    await workbench.open();
    workbench.load('SELECT 1 AS first');
    const created = await workbench.save({ title: '  第一版  ', shared: false, asNew: false });
    expect(created).toMatchObject({
      title: '第一版',
      sql: 'SELECT 1 AS first',
      shared: false,
      mine: true,
      owner: user,
    });
    expect([workbench.current, workbench.title, workbench.saved[0]]).toEqual([created, '第一版', created]);

    workbench.sql = 'SELECT 2 AS second';
    const changed = await workbench.save({ title: '第二版', shared: true, asNew: false });
    expect(changed.id).toBe(created.id);
    expect(workbench.saved.filter((q) => q.id === created.id)).toEqual([changed]);
    expect(workbench.saved[0]).toEqual(changed);

    const again = await reload();
    expect(again.saved.find((q) => q.id === created.id)).toMatchObject({
      title: '第二版',
      sql: 'SELECT 2 AS second',
      shared: true,
      mine: true,
    });
    expect(again.saved.filter((q) => q.mine)).toHaveLength(1);
  });

  it('saves a copy as new, leaving the original as it was', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    await workbench.open();
    workbench.load('SELECT 1 AS original');
    const original = await workbench.save({ title: '原件', shared: false, asNew: false });
    workbench.sql = 'SELECT 1 AS copy';
    const copy = await workbench.save({ title: '副本', shared: false, asNew: true });
    expect(copy.id).not.toBe(original.id);
    expect(workbench.current?.id).toBe(copy.id);
    const mine = (await listSavedQueries()).filter((q) => q.mine);
    expect(mine.map((q) => [q.title, q.sql]).sort()).toEqual([
      ['副本', 'SELECT 1 AS copy'],
      ['原件', 'SELECT 1 AS original'],
    ]);
  });

  it('shares a query with other statisticians, who may open and copy it but not change or delete it', async () => {
    const author = await newStatistician();
    const workbench = useWorkbenchStore();
    await workbench.open();
    workbench.load('SELECT 42 AS shared_answer');
    const shared = await workbench.save({ title: '共享查询', shared: true, asNew: false });
    workbench.load('SELECT 0 AS private_answer');
    const hidden = await workbench.save({ title: '私人查询', shared: false, asNew: false });

    await newStatistician();
    const other = await reload();
    const seen = other.saved.find((q) => q.id === shared.id);
    expect(seen).toMatchObject({ mine: false, owner: author, ownerName: `统计人员 ${author}`, sql: shared.sql });
    expect(other.saved.some((q) => q.id === hidden.id)).toBe(false);

    other.openSaved(seen!);
    expect([other.sql, other.title, other.current]).toEqual(['SELECT 42 AS shared_answer', '共享查询', null]);
    const refused = await failureOf(other.removeSaved(seen!));
    expect([refused.status, refused.code, refused.zh, refused.en]).toEqual([
      403,
      'not_owner',
      '只有创建者可以修改或删除这条查询',
      'only its author may change or delete this query',
    ]);
    expect(other.saved.some((q) => q.id === shared.id)).toBe(true);

    // Saving what was opened makes the other statistician's own copy.
    const copy = await other.save({ title: '共享查询', shared: false, asNew: false });
    expect(copy.id).not.toBe(shared.id);
    expect(copy.mine).toBe(true);
    expect((await listSavedQueries()).find((q) => q.id === shared.id)?.sql).toBe('SELECT 42 AS shared_answer');
  });

  it('deletes the user’s own query, forgetting it as the one being edited', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    await workbench.open();
    workbench.load('SELECT 1 AS keep');
    const kept = await workbench.save({ title: '保留', shared: false, asNew: false });
    workbench.load('SELECT 1 AS drop');
    const dropped = await workbench.save({ title: '删除', shared: false, asNew: false });

    // Deleting another query leaves the one being edited.
    workbench.openSaved(dropped);
    await workbench.removeSaved(kept);
    expect([workbench.current?.id, workbench.title]).toEqual([dropped.id, '删除']);
    await workbench.removeSaved(dropped);
    expect([workbench.current, workbench.title]).toEqual([null, null]);
    expect(workbench.saved.some((q) => q.id === kept.id || q.id === dropped.id)).toBe(false);
    expect((await reload()).saved.filter((q) => q.mine)).toEqual([]);
  });

  it('refuses a query without a title, in both languages, changing nothing', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    await workbench.open();
    workbench.load('SELECT 1 AS untitled');
    const failure = await failureOf(workbench.save({ title: '   ', shared: false, asNew: false }));
    expect([failure.status, failure.code]).toEqual([400, 'validation_failed']);
    expect(failure.details[0]).toMatchObject({ path: 'title', code: 'too_small' });
    expect(failure.details[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(failure.details[0]?.messageEn).toMatch(/title/i);
    expect([workbench.current, workbench.title]).toEqual([null, null]);
    expect((await listSavedQueries()).filter((q) => q.mine)).toEqual([]);
  });

  it('forgets which saved query was open when a query is taken from the history', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    await workbench.open();
    workbench.load('SELECT 1 AS saved');
    await workbench.save({ title: '已保存', shared: false, asNew: false });
    workbench.load('SELECT 1 AS from_history');
    expect([workbench.sql, workbench.current, workbench.title]).toEqual(['SELECT 1 AS from_history', null, null]);
    // Saving now makes a new query rather than overwriting the one opened before.
    await workbench.save({ title: '另存', shared: false, asNew: false });
    expect(workbench.saved.filter((q) => q.mine).map((q) => q.title)).toEqual(['另存', '已保存']);
  });
});

describe('the workbench store: exports', () => {
  it('writes the rows on screen as CSV for Excel, named after the query and the day', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    const files = downloads();
    await workbench.exportAs('csv');
    expect(await files()).toEqual([]);

    workbench.load(`SELECT 1 AS one, '=1+1' AS formula, NULL AS nothing, 'a,"b"' AS quoted`);
    await workbench.run();
    await workbench.exportAs('csv');
    await workbench.save({ title: '各市/培训', shared: false, asNew: false });
    await workbench.exportAs('csv');
    const [unsaved, saved] = await files();
    expect(unsaved?.name).toBe(resultFileName(null, 'csv'));
    expect(unsaved?.name).toMatch(/^查询结果-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(saved?.name).toBe(resultFileName('各市/培训', 'csv'));
    expect(saved?.name).toMatch(/^各市_培训-/);
    expect([...(unsaved?.bytes.slice(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(unsaved!.bytes)).toBe('\uFEFFone,formula,nothing,quoted\r\n1,\'=1+1,,"a,""b"""\r\n');
  });

  it('has the server write XLSX and Parquet of the same query, named after the saved query', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    const files = downloads();
    workbench.load('SELECT region_code, count(*) AS n FROM fact_value WHERE year = :year GROUP BY ALL');
    workbench.params['year'] = { value: '2024', type: 'auto' };
    const exporting = workbench.exportAs('xlsx');
    expect(workbench.exporting).toBe('xlsx');
    await exporting;
    expect(workbench.exporting).toBeNull();
    await workbench.save({ title: '各地区数值', shared: false, asNew: false });
    await workbench.exportAs('parquet');
    const [xlsx, parquet] = await files();
    expect(xlsx?.name).toBe(resultFileName(null, 'xlsx'));
    expect(magic(xlsx!.bytes, 2)).toBe('PK');
    expect(parquet?.name).toBe(resultFileName('各地区数值', 'parquet'));
    expect(magic(parquet!.bytes, 4)).toBe('PAR1');
    // Nothing is run on screen by an export.
    expect([workbench.result, workbench.history]).toEqual([null, []]);
  });

  it('exports nothing for a query with a missing value, or one the server refuses', async () => {
    await newStatistician();
    const workbench = useWorkbenchStore();
    const files = downloads();
    workbench.load('SELECT :gone AS gone');
    await nextTick();
    await workbench.exportAs('xlsx');
    expect(workbench.problems.map((p) => p.code)).toEqual(['missing']);
    expect(workbench.exporting).toBeNull();

    workbench.load('SELECT nope FROM fact_value');
    const failure = await failureOf(workbench.exportAs('parquet'));
    expect([failure.status, failure.code]).toEqual([400, 'column_not_found']);
    expect(failure.zh).toContain('「nope」');
    expect(workbench.exporting).toBeNull();
    expect(await files()).toEqual([]);
  });
});
