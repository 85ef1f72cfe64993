import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesu } from '../../test/cli.js';
import { pdfPageCount } from '../report/pdf.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-cli-'));
  process.env['KESU_DATA_DIR'] = dir;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kesu demo seed', () => {
  // Two runs of the whole demo, each a process of its own: seconds, not the default five.
  it('creates the database, loads the seeds and says what is there; a second run changes nothing', async () => {
    const first = await kesu('demo', 'seed');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/行政区划 regions 3420/);
    // The five seed plans and a demo plan (…（演示）) for every other region the demo gives five years of reports.
    expect(first.out).toMatch(
      /方案 plans 96 · 表单 forms \d+ · 任务 assignments \d+ · 填报 submissions \d+ · 用户 users 8/,
    );
    expect(first.out).toContain('演示数据 demo data');
    const second = await kesu('demo', 'seed');
    expect(second.out).toContain('演示数据已存在，未作改动');
    expect(second.out.split('\n').slice(0, 3)).toEqual(first.out.split('\n').slice(0, 3));
  }, 120_000);
});

describe('kesu warehouse build, sql, report and export', () => {
  it('build the warehouse and the lake, answer SQL over it, write a report and CSV files', async () => {
    const build = await kesu('warehouse', 'build');
    expect(build.code, build.err).toBe(0);
    expect(build.out).toMatch(/数据湖 \/ lake: \d+ 行 rows in \d+ files/);
    expect(build.err).toMatch(/\[#{20}\] (\d)\/\1 done/);
    const sql = await kesu('sql', "SELECT count(*) AS n FROM dim_region WHERE level = 'province'", '--format', 'json');
    expect(sql.code, sql.err).toBe(0);
    expect(JSON.parse(sql.out)).toEqual([{ n: '31' }]);
    const refused = await kesu('sql', "SELECT * FROM read_text('/etc/passwd')");
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/不允许使用表函数 read_text/);
    const report = await kesu('report', '--region', '510104', '--period', '2025', '--out', path.join(dir, 'r.html'));
    expect(report.code, report.err).toBe(0);
    const pdf = await kesu(
      'report',
      '--region',
      '510104',
      '--period',
      '2025',
      '--out',
      path.join(dir, 'r.pdf'),
      '--format',
      'pdf',
    );
    expect(pdf.code, pdf.err).toBe(0);
    const bytes = readFileSync(path.join(dir, 'r.pdf'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBeGreaterThan(1);
    expect(pdf.out).toContain(`${pdfPageCount(bytes)} 页 / pages`);
    const csv = await kesu('export', '--format', 'csv', '--out', path.join(dir, 'csv'));
    expect(csv.code, csv.err).toBe(0);
    expect(csv.out).toContain('fact_value.csv');
  }, 60_000);

  it('says plainly when there is no Chromium to print a PDF with', async () => {
    process.env['KESU_CHROMIUM'] = path.join(dir, 'no-such-chromium');
    try {
      const pdf = await kesu(
        'report',
        '--region',
        '510104',
        '--period',
        '2025',
        '--out',
        path.join(dir, 'x.pdf'),
        '--format',
        'pdf',
      );
      expect(pdf.code).toBe(1);
      expect(pdf.err).toContain('找不到 Chromium');
      expect(pdf.err).toContain('--format html');
    } finally {
      delete process.env['KESU_CHROMIUM'];
    }
  });
});

describe('kesu with bad arguments', () => {
  it.each([
    [[], 2, /用法 \/ usage/],
    [['bogus'], 2, /未知命令 \/ unknown command: bogus/],
    [['demo'], 2, /unknown command: demo/],
    [['demo', 'seed', '--force'], 2, /takes no arguments: --force/],
    [['demo', 'seed', '../../etc/passwd'], 2, /takes no arguments/],
    [['warehouse', 'build', '--fast'], 2, /Unknown option '--fast'/],
    [['export'], 2, /--format must be one of parquet, csv, xlsx/],
    [['export', '--format', 'pdf'], 2, /--format must be one of/],
    [['export', '--format', 'csv'], 2, /csv and xlsx need --out DIR/],
    [['sql'], 2, /give one query, in quotes/],
    [['sql', 'SELECT 1', 'SELECT 2'], 2, /give one query/],
    [['sql', 'SELECT 1', '--format', 'yaml'], 2, /--format must be table, csv or json/],
    [['sql', 'SELECT 1', '--scope', '51'], 2, /--scope must be a six-digit region code/],
    [['report'], 2, /--region must be a six-digit region code/],
    [['report', '--region', '510104', '--period', '25', '--out', 'r.html'], 2, /--period must be a year/],
    [['report', '--region', '510104', '--period', '2025'], 2, /--out FILE is required/],
    [
      ['report', '--region', '510104', '--period', '2025', '--out', 'r.html', '--lang', 'fr'],
      2,
      /--lang must be zh or en/,
    ],
    [
      ['report', '--region', '510104', '--period', '2025', '--out', 'r.doc', '--format', 'docx'],
      2,
      /--format must be html or pdf/,
    ],
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
