import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Plan } from '@kesu/schema';
import { loadSeedDocuments } from '@kesu/seeds';
import { kesu } from '../../../test/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-import-'));
  process.env['INIT_CWD'] = dir;
  process.env['KESU_DATA_DIR'] = path.join(dir, 'data');
  writeFileSync(path.join(dir, 'novel.txt'), '第一章\n他走进房间，看见桌上放着三本书和两杯茶。窗外下着雨。\n');
  writeFileSync(path.join(dir, 'big.txt'), '');
  truncateSync(path.join(dir, 'big.txt'), 100 * 1024 * 1024);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seed = loadSeedDocuments()[1]!.file;
const another = loadSeedDocuments()[2]!.file;

describe('kesu plan import', () => {
  it('prints a zh-CN summary of the plan', async () => {
    const r = await kesu('plan', 'import', seed);
    expect(r.code).toBe(0);
    expect(r.out).toContain('方案：友谊县全民科学素质行动规划纲要实施方案（2021—2025年）');
    expect(r.out).toContain('地区：友谊县（230522');
    expect(r.out).toContain('量化目标 3 个');
  });

  it('stores the plan unless --dry-run', async () => {
    const r = await kesu('plan', 'import', another);
    expect(r.out).toMatch(/已存入数据库 \/ stored as plan [0-9a-f-]{36}/);
    const dry = await kesu('plan', 'import', seed, '--dry-run');
    expect(dry.out).not.toContain('已存入数据库');
  });

  it('refuses a plan already stored, naming it; --revision-of stores the document as its next revision', async () => {
    const first = await kesu('plan', 'import', another);
    expect(first.code).toBe(1);
    expect(first.err).toMatch(
      /已导入过该方案（同一文件）：「楚雄州全民科学素质行动实施方案\(2022—2025年\)」，第 1 版（编号 [0-9a-f-]{36}）.* \/ this plan is already imported/,
    );
    const id = /编号 ([0-9a-f-]{36})/.exec(first.err)![1]!;
    const revision = await kesu('plan', 'import', another, '--revision-of', id);
    expect(revision.code).toBe(0);
    expect(revision.out).toContain(`stored as plan ${id}`);
    const missing = await kesu('plan', 'import', another, '--revision-of', '00000000-0000-4000-8000-000000000000');
    expect([missing.code, missing.err]).toEqual([
      1,
      'kesu plan import: 方案 00000000-0000-4000-8000-000000000000 不存在 / ' +
        'plan 00000000-0000-4000-8000-000000000000 not found\n',
    ]);
  });

  it('--json prints the Plan JSON and nothing else', async () => {
    const r = await kesu('plan', 'import', seed, '--json', '--dry-run');
    expect(r.code).toBe(0);
    const plan = Plan.parse(JSON.parse(r.out));
    expect(plan.region.code).toBe('230522');
    expect(r.err).toBe('');
  });

  it('--out writes the JSON file, relative to the folder the command ran in', async () => {
    const r = await kesu('plan', 'import', seed, '--out', 'plan.json', '--dry-run');
    expect(r.code).toBe(0);
    expect(Plan.parse(JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8'))).title).toContain('友谊县');
  });
});

describe('kesu plan import with bad arguments', () => {
  it.each([
    [['plan', 'import'], 2, /exactly one FILE/],
    [['plan', 'import', 'a.txt', 'b.txt'], 2, /exactly one FILE/],
    [['plan', 'import', seed, '--format', 'xml'], 2, /Unknown option '--format'/],
    [['plan', 'import', 'missing.txt'], 1, /cannot read missing.txt/],
    [['plan', 'import', '.'], 1, /not a regular file/],
    [['plan', 'import', 'big.txt'], 1, /file too large/],
    [['plan', 'import', 'novel.txt'], 1, /这不是一份科学素质行动实施方案.*not a science-literacy action plan/],
    [['plan', 'import', 'novel.txt', '--out', 'never.json'], 1, /not a science-literacy action plan/],
  ])('%j exits %i with a one-line reason', async (argv, code, reason) => {
    const r = await kesu(...argv);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(reason);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(existsSync(path.join(dir, 'never.json'))).toBe(false);
  });
});
