import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNotifications } from '@kesu/store';
import { kesu } from '../../../test/cli.js';
import { buildFixture } from '../../../test/fixture.js';
import { addUser } from '../../../test/harness.js';
import { createApp } from '../../app.js';
import { createContext } from '../../create-context.js';

let dir: string;
let reporterId = '';
const saved = process.env['KESU_DATA_DIR'];

// The 锦江区 fixture (two assignments due 2024-04-15) with a reporter for one of the units.
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-notify-'));
  process.env['KESU_DATA_DIR'] = dir;
  const ctx = await createContext({ database: path.join(dir, 'kesu.duckdb'), dataDir: dir });
  const h = { ctx, app: createApp(ctx), dir, database: path.join(dir, 'kesu.duckdb'), close: () => ctx.close() };
  await buildFixture(h);
  // Its tasks were given before the unit had a reporter.
  await ctx.notifications.settled();
  reporterId = (await addUser(h, 'edu', 'reporter', '510104', '锦江区教育局')).id;
  await ctx.close();
});
afterAll(() => {
  if (saved === undefined) delete process.env['KESU_DATA_DIR'];
  else process.env['KESU_DATA_DIR'] = saved;
  rmSync(dir, { recursive: true, force: true });
});

async function inbox() {
  const ctx = await createContext({ database: path.join(dir, 'kesu.duckdb'), dataDir: dir });
  try {
    return (
      await ctx.store.reads.read((conn) => listNotifications(conn, reporterId, { limit: 10, offset: 0 }))
    ).items.map((n) => n.kind);
  } finally {
    await ctx.close();
  }
}

describe('kesu notify run', () => {
  it('runs one round as of the time given, and a second round adds nothing', async () => {
    const first = await kesu('notify', 'run', '--at', '2024-04-14T09:00+08:00');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain(
      '2024-04-14 09:00（北京时间 / Beijing time）: 2 个待提交任务 assignments due, ' +
        '1 条新提醒 new reminders; 未配置邮件 / mail not configured',
    );
    expect((await kesu('notify', 'run', '--at', '2024-04-14T10:00+08:00')).out).toContain('0 条新提醒');
    expect(await inbox()).toEqual(['deadline.due1']);
  });

  it('refuses a time it cannot read, and unknown options', async () => {
    for (const args of [
      ['--at', 'tomorrow'],
      ['--at', '2024-02-30'],
      ['--at', "2024-04-14'; DROP TABLE notifications; --"],
      ['--later'],
    ]) {
      const result = await kesu('notify', 'run', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(/^kesu notify run: /);
    }
    expect(await inbox()).toEqual(['deadline.due1']);
  });
});
