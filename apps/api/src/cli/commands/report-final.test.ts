import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesu } from '../../../test/cli.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-final-cli-'));
  process.env['KESU_DATA_DIR'] = dir;
  const seeded = await kesu('demo', 'seed');
  expect(seeded.code, seeded.err).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kesu report --kind final', () => {
  it('writes 锦江区’s final evaluation as a Word file with a row per target', async () => {
    const out = path.join(dir, 'jinjiang.docx');
    const result = await kesu('report', '--region', '510104', '--kind', 'final', '--format', 'docx', '--out', out);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/已生成终期评估 \/ final evaluation written: .*jinjiang\.docx \(docx, \d+ ms\)/);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('锦江区全民科学素质行动实施方案');
    expect(xml).toContain('建立现代课程教学示范校5所');
    // 25 targets (24 and the 力争 literacy value) in tables headed
    // 序号 | 目标 | 目标值 | 实际值 | 终期结论 | 判定依据, plus one head row per table.
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)]
      .map((m) => m[1] ?? '')
      .filter((t) => t.includes('判定依据'));
    const rows = tables.reduce((n, t) => n + (t.match(/<w:tr>/g)?.length ?? 0), 0);
    expect(rows - tables.length).toBe(25);
  }, 60_000);

  it('writes it as HTML with --period naming a year of the plan', async () => {
    const out = path.join(dir, 'jinjiang.html');
    const result = await kesu(
      'report',
      '--region',
      '510104',
      '--kind',
      'final',
      '--period',
      '2023',
      '--format',
      'html',
      '--out',
      out,
      '--lang',
      'en',
    );
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Final Evaluation of the Science Literacy Action Plan');
  });

  it.each([
    [
      ['--region', '510104', '--kind', 'yearly', '--out', 'x.docx'],
      2,
      /--kind 只能是 progress（进展报告）或 final（终期评估）\/ --kind must be progress or final/,
    ],
    [
      ['--region', '510104', '--kind', 'final', '--format', 'doc', '--out', 'x.doc'],
      2,
      /终期评估的 --format 只能是 docx、html 或 pdf[\s\S]*--format must be docx, html or pdf/,
    ],
    [
      ['--region', '510104', '--kind', 'final', '--format', 'docx'],
      2,
      /缺少 --out 输出文件[\s\S]*--out FILE is required/,
    ],
    [
      ['--region', '510104', '--kind', 'final', '--period', '25', '--out', 'x.docx'],
      2,
      /--period 须为年份[\s\S]*--period must be a year/,
    ],
    [['--region', '510104', '--kind', 'final', '--lang', 'fr', '--out', 'x.docx'], 2, /--lang must be zh or en/],
    [
      ['--region', '510104', '--kind', 'final', '--period', '2019', '--format', 'docx', '--out', 'x.docx'],
      1,
      /2019 年不在锦江区实施方案的规划期（2021—2025年）内[\s\S]*2019 is outside the term/,
    ],
    [
      ['--region', '110101', '--kind', 'final', '--format', 'docx', '--out', 'x.docx'],
      1,
      /东城区尚无已导入的实施方案，无法生成终期评估[\s\S]*has no imported plan/,
    ],
    [
      ['--region', '510199', '--kind', 'final', '--format', 'docx', '--out', 'x.docx'],
      1,
      /行政区划代码不存在：510199[\s\S]*no region with code 510199/,
    ],
    [
      ['--region', '510104', '--period', '2025', '--format', 'docx', '--out', 'x.docx'],
      2,
      /--format must be html or pdf \(docx is for --kind final\)/,
    ],
  ])('%j exits %i saying why, Chinese first', async (argv, code, message) => {
    const result = await kesu('report', ...argv);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });
});
