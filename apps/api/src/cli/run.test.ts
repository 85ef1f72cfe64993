import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesu } from '../../test/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-cli-'));
  process.env['KESU_DATA_DIR'] = dir;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('kesu demo seed', () => {
  it('creates the database, loads the seeds and says what is there; a second run changes nothing', async () => {
    const first = await kesu('demo', 'seed');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/行政区划 regions 3420/);
    expect(first.out).toMatch(/方案 plans 5 · 表单 forms \d+ · 任务 assignments \d+ · 填报 submissions \d+ · 用户 users 6/);
    expect(first.out).toContain('演示数据 demo data');
    const second = await kesu('demo', 'seed');
    expect(second.out).toContain('演示数据已存在，未作改动');
    expect(second.out.split('\n').slice(0, 3)).toEqual(first.out.split('\n').slice(0, 3));
  });
});

describe('kesu with bad arguments', () => {
  it.each([
    [[], 2, /用法 \/ usage/],
    [['bogus'], 2, /未知命令 \/ unknown command: bogus/],
    [['demo'], 2, /unknown command: demo/],
    [['demo', 'seed', '--force'], 2, /takes no arguments: --force/],
    [['demo', 'seed', '../../etc/passwd'], 2, /takes no arguments/],
  ])('%j exits %i with a one-line reason', async (argv, code, message) => {
    const result = await kesu(...argv);
    expect(result.code).toBe(code);
    expect(result.out + result.err).toMatch(message);
  });

  it('answers --help for the whole tool and for one command', async () => {
    expect((await kesu('--help')).code).toBe(0);
    const one = await kesu('demo', 'seed', '--help');
    expect(one.code).toBe(0);
    expect(one.out).toContain('kesu demo seed');
  });
});
