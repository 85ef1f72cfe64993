import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesu } from '../../../test/cli.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-align-cli-'));
  process.env['KESU_DATA_DIR'] = dir;
  const seeded = await kesu('demo', 'seed');
  expect(seeded.code, seeded.err).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kesu plan align', () => {
  it('lists 锦江区’s targets against the demo’s 成都市 plan as JSON, the literacy pair among them', async () => {
    const result = await kesu('plan', 'align', '--region', '510104', '--json');
    expect(result.code, result.err).toBe(0);
    const answer = JSON.parse(result.out) as {
      plan: { regionCode: string };
      parent: { regionCode: string; title: string };
      pairs: Array<{
        relation: string;
        target: { text: string } | null;
        parentTarget: { text: string } | null;
        note: { zh: string };
      }>;
    };
    expect(answer.plan.regionCode).toBe('510104');
    // No public copy of 成都市's plan exists: the demo's synthetic one stands in, marked as demo data.
    expect(answer.parent).toMatchObject({ regionCode: '510100', title: expect.stringContaining('（演示）') });
    const literacy = answer.pairs.find((p) => p.target?.text.includes('公民具备科学素质的比例'));
    expect(literacy?.parentTarget?.text).toContain('公民具备科学素质的比例');
    expect(['same', 'stricter', 'looser']).toContain(literacy?.relation);
    expect(literacy?.note.zh).toMatch(/^本级「> 18%」(高于|低于|与)上级「.+」/);
    // Every one of the 25 targets of 锦江区 (its 力争 literacy value among them) is listed once, paired or not.
    expect(answer.pairs.filter((p) => p.target !== null)).toHaveLength(25);
  });

  it('prints the pairs in words by default, and 成都市 against the real 四川省 plan', async () => {
    const jinjiang = await kesu('plan', 'align', '--region', '510104');
    expect(jinjiang.out).toMatch(
      /^方案：成都市锦江区全民科学素质行动规划纲要实施方案（2021—2025年）（锦江区，2021—2025）\n上级方案：.+（演示）（成都市，2021—2025，最近的有同期方案的上级地区）\n可对照 \d+ 对/,
    );
    expect(jinjiang.out).toContain('[本级新增]\n  本级 #3：建立现代课程教学示范校5所\n  上级方案没有这一指标的目标\n');
    const chengdu = await kesu('plan', 'align', '--region', '510100');
    expect(chengdu.out).toContain(
      '上级方案：四川省全民科学素质行动实施方案（四川省，2021—2025，最近的有同期方案的上级地区）',
    );
    expect(chengdu.out).toContain('  上级 #1：全省公民具备科学素质的比例超过13%\n');
  });

  it.each([
    [[], 2, /需要 --region 或 --plan 之一 \/ give either --region or --plan/],
    [['--region', '510104', '--plan', '00000000-0000-0000-0000-000000000000'], 2, /give either --region or --plan/],
    [['--plan', 'abc'], 2, /--plan 须为方案编号（UUID）/],
    [['--region', '510104', '--colour'], 2, /Unknown option '--colour'/],
    [['--region', '999999'], 1, /行政区划代码不存在：999999\n.*no region with code 999999/],
    [['--region', '510105'], 1, /青羊区尚无已导入的实施方案/],
    [['--region', '510000'], 1, /四川省的上级地区尚无与其规划期（2021—2025年）同期的已导入实施方案，无法对照/],
    [['--plan', '00000000-0000-0000-0000-000000000000'], 1, /方案 00000000-0000-0000-0000-000000000000 不存在/],
  ])('refuses %j with exit code %i and a reason', async (argv, code, message) => {
    const result = await kesu('plan', 'align', ...argv);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });
});
