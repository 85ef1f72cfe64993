import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusLabels, type ProgressStatus } from '@kesu/analytics';
import { getPlan, insertPlan, listPlans } from '@kesu/store';
import { seedDemo } from '../src/demo/seed-demo.js';
import { loadSeeds } from '../src/seed.js';
import { addUser, Client, PASSWORD, startHarness, type Harness } from './harness.js';

let h: Harness;
let admin: Client;
/** The office's session cookie, for downloads read as bytes (the Client reads bodies as text). */
let cookie: string;

/** 锦江区's targets with their verdict at the end of 2025, read from the warehouse on their own. */
let expected: Array<{ number: string; text: string; status: ProgressStatus }>;

beforeAll(async () => {
  h = await startHarness();
  await loadSeeds(h.ctx.store);
  await seedDemo(h.ctx, h.dir);
  // A plan still running (2026—2030) for 青羊区, next to 锦江区.
  const jinjiang = (await h.ctx.store.reads.read((conn) => listPlans(conn, '510104')))[0];
  const record = await h.ctx.store.reads.read((conn) => getPlan(conn, String(jinjiang?.id)));
  if (!record) throw new Error('the demo has no plan for 510104');
  const running = {
    ...record.plan,
    region: { ...record.plan.region, name: '成都市青羊区', short: '青羊区', code: '510105' },
    title: '青羊区全民科学素质行动实施方案（2026—2030年）',
    period: { start: 2026, end: 2030 },
  };
  await h.ctx.store.writes.write((conn) => insertPlan(conn, running, 'f'.repeat(64), 'test'));
  await h.ctx.analytics.build({ full: true });
  await addUser(h, 'office', 'admin', null);
  await addUser(h, 'dongsheng', 'leader', '150602');
  admin = new Client(h);
  await admin.login('office');
  const login = await h.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'office', password: PASSWORD }),
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expected = (
    await h.ctx.analytics.query(
      `SELECT split_part(t.target_id, '#', 2) AS number, t.text, p.status
       FROM dim_target t JOIN dim_plan d USING (plan_id)
       JOIN fact_progress p ON p.target_id = t.target_id AND p.year = d.end_year
       WHERE t.region_code = '510104' ORDER BY t.target_id`,
    )
  ).map((r) => ({ number: String(r['number']), text: String(r['text']), status: r['status'] as ProgressStatus }));
}, 180_000);
afterAll(() => h.close());

/** The visible text of a run of WordprocessingML: every <w:t>, in order. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Every table of the document as rows of cell texts. */
function tables(documentXml: string): string[][][] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => unescapeXml(textOf(c[1] ?? ''))),
    ),
  );
}

async function finalDocx(query: string) {
  const res = await h.app.request(`/api/v1/print?${query}`, { headers: { cookie } });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('the final evaluation of 锦江区 as Word', () => {
  let zip: JSZip;
  let documentXml: string;
  let disposition: string | null;

  beforeAll(async () => {
    const { res, bytes } = await finalDocx('region=510104&kind=final&format=docx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    disposition = res.headers.get('content-disposition');
    zip = await JSZip.loadAsync(bytes);
    documentXml = await zip.file('word/document.xml')!.async('string');
  }, 60_000);

  it('downloads as 510104-终期评估.docx, the Chinese name RFC 5987 encoded beside an ASCII one', () => {
    expect(disposition).toBe(
      `attachment; filename="510104-final-evaluation.docx"; filename*=UTF-8''${encodeURIComponent('510104-终期评估.docx')}`,
    );
  });

  it('names the region, the plan term and Beijing time', () => {
    const text = unescapeXml(textOf(documentXml));
    expect(text).toContain('锦江区全民科学素质行动实施方案');
    expect(text).toContain('终期评估报告');
    expect(text).toContain('（2021—2025年）');
    expect(text).toMatch(/生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
  });

  it('has a row per target in the target tables, each with its text and its final verdict', () => {
    // 锦江区's 24 targets and its 力争 literacy value.
    expect(expected.length).toBe(25);
    const targetRows = tables(documentXml)
      .filter((t) => t[0]?.join('|') === '序号|目标|目标值|实际值|终期结论|判定依据')
      .flatMap((t) => t.slice(1));
    expect(targetRows).toHaveLength(expected.length);
    // The plan's own numbering: two targets may share a sentence (建成2个区级、1个以上市级…).
    expect(targetRows.map((r) => r[0]).sort()).toEqual(expected.map((t) => t.number).sort());
    for (const target of expected) {
      const row = targetRows.find((r) => r[0] === target.number);
      expect(row?.[1]).toBe(target.text);
      expect(row?.[4], target.text).toBe(statusLabels[target.status].zh);
    }
  });

  it('lists every target not achieved with its lead units, and the units’ reporting over the term', () => {
    const all = tables(documentXml);
    const missed = all.find((t) => t[0]?.join('|') === '序号|目标|终期结论|实际值 / 目标值|牵头单位');
    expect(
      missed
        ?.slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(
      expected
        .filter((t) => t.status !== 'achieved')
        .map((t) => t.number)
        .sort(),
    );
    expect(missed?.slice(1).find((r) => r[1] === '每年培训干部不少于500人次')?.[4]).toBe('区委组织部');
    const units = all.find((t) => t[0]?.[0] === '单位' && t[0]?.includes('按时率'));
    // The demo's three units and the 27 more of its synthetic reports (演示), by name.
    const synthetic = [
      '乡村振兴局',
      '人力资源和社会保障局',
      '农业农村局',
      '卫生健康委员会',
      '发展和改革委员会',
      '团委',
      '地震局',
      '妇女联合会',
      '委党校',
      '委宣传部',
      '委组织部',
      '委网信办',
      '委老干部局',
      '市场监督管理局',
      '应急管理局',
    ];
    const later = ['文化和旅游局', '文明办', '林业和草原局', '民政局', '气象局', '生态环境局', '社会科学界联合会'];
    const last = ['科学技术局', '经济和信息化局', '自然资源局', '融媒体中心', '财政局'];
    const named = (stems: string[]) => stems.map((s) => `锦江区${s}`);
    expect(units?.map((r) => r[0])).toEqual([
      '单位',
      ...named(synthetic),
      '锦江区总工会',
      '锦江区教育局',
      ...named(later),
      '锦江区科协',
      ...named(last),
      '合计',
    ]);
    // 2021—2025: the trade union's 4 yearly reports (2022—2025) and 4 quarterly ones of 2021;
    // 20 quarters for each of the other 29 units (education and the association: the demo's
    // 2024—2025, the synthetic 2021—2023).
    expect(units?.find((r) => r[0] === '锦江区总工会')?.[1]).toBe('8');
    expect(units?.find((r) => r[0] === '锦江区教育局')?.[1]).toBe('20');
    expect(units?.at(-1)?.[1]).toBe(String(8 + 29 * 20));
  });

  it('shows the literacy rate against its target 18 % and stretch 20 %', () => {
    const literacy = tables(documentXml).find((t) => t[0]?.[0] === '指标');
    expect(literacy?.[1]?.slice(0, 1)).toEqual(['公民具备科学素质的比例']);
    expect(literacy?.[1]?.slice(3, 5)).toEqual(['18%', '20%']);
  });

  it('carries the region’s own charts as PNG images, on A4 with a 黑体 title and a 仿宋 body', async () => {
    const media = Object.values(zip.files)
      .filter((f) => f.name.startsWith('word/media/') && !f.dir)
      .map((f) => f.name);
    expect(media).toHaveLength(4);
    for (const name of media) {
      const png = await zip.file(name)!.async('uint8array');
      expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(20_000);
    }
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toContain('w:eastAsia="黑体"');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="仿宋"');
  });

  it('is written in English on request', async () => {
    const { res, bytes } = await finalDocx('region=510104&kind=final&format=docx&lang=en');
    expect(res.status).toBe(200);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const rows = tables(xml)
      .filter((t) => t[0]?.join('|') === 'No.|Target|Target value|Actual|Final verdict|Rule')
      .flatMap((t) => t.slice(1));
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(expected.map((t) => statusLabels[t.status].en)));
  }, 60_000);
});

describe('the final evaluation as HTML and PDF', () => {
  it('is one A4 page with the same tables and inline SVG charts', async () => {
    const res = await admin.request('GET', '/api/v1/print?region=510104&kind=final&format=html');
    expect(res.status).toBe(200);
    const html = String(res.body);
    expect(html).toContain('@page { size: A4');
    expect(html.match(/<figure><svg/g)).toHaveLength(4);
    for (const target of expected) expect(html).toContain(target.text.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
  });

  it('prints to a PDF of several pages', async () => {
    const res = await h.app.request('/api/v1/print?region=510104&kind=final&format=pdf', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length).toBeGreaterThan(3);
  }, 60_000);
});

describe('the progress report beside it', () => {
  it('prints to PDF too, for the same route', async () => {
    const res = await h.app.request('/api/v1/print?region=510104&year=2025&format=pdf', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 60_000);
});

describe('what has no final evaluation is said, never an empty document', () => {
  it.each([
    [
      'a region without a plan',
      'region=110101&kind=final&format=docx',
      404,
      'no_plan',
      /东城区尚无已导入的实施方案/,
      /has no imported plan/,
    ],
    [
      'a plan whose term has not ended',
      'region=510105&kind=final&format=docx',
      409,
      'plan_not_ended',
      /规划期尚未结束.*进展报告/,
      /has not ended yet.*progress report/,
    ],
    [
      'a year outside the plan',
      'region=510104&kind=final&format=docx&year=2019',
      400,
      'year_outside_plan',
      /2019 年不在锦江区实施方案的规划期（2021—2025年）内/,
      /2019 is outside the term/,
    ],
    [
      'a year after the plan',
      'region=510104&kind=final&format=html&year=2026',
      400,
      'year_outside_plan',
      /2026 年不在/,
      /outside the term/,
    ],
    [
      'an unknown region',
      'region=510199&kind=final&format=docx',
      404,
      'not_found',
      /行政区划不存在/,
      /region not found/,
    ],
    ['an unknown format', 'region=510104&kind=final&format=doc', 400, 'validation_failed', /错误/, /problem/],
    ['an unknown kind', 'region=510104&kind=annual&format=docx', 400, 'validation_failed', /错误/, /problem/],
    [
      'Word for the progress report',
      'region=510104&kind=progress&year=2025&format=docx',
      400,
      'validation_failed',
      /仅用于终期评估/,
      /final evaluation only/,
    ],
    [
      'the progress report without a year',
      'region=510104&format=html',
      400,
      'validation_failed',
      /须指定年度/,
      /needs a year/,
    ],
  ])('%s: %s → %i %s', async (_name, query, status, code, zh, en) => {
    const res = await admin.request('GET', `/api/v1/print?${query}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body.error?.code).toBe(code);
    expect(res.body.error?.message).toMatch(zh);
    expect(res.body.error?.messageEn).toMatch(en);
  });

  it('the plan still running points to its progress report', async () => {
    const res = await admin.request('GET', '/api/v1/print?region=510105&kind=final&format=docx');
    expect(res.body.error?.details).toEqual([expect.objectContaining({ path: 'kind', code: 'plan_not_ended' })]);
    const progress = await admin.request('GET', '/api/v1/print?region=510105&kind=progress&year=2026');
    expect(progress.status).toBe(200);
  });

  it('a region beyond the user’s own is refused by name', async () => {
    const leader = new Client(h);
    await leader.login('dongsheng');
    const res = await leader.request('GET', '/api/v1/print?region=510104&kind=final&format=docx');
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toBe('锦江区不在您的辖区范围内，无权查看其报告');
    expect(res.body.error?.messageEn).toMatch(/outside your region/);
    const own = await leader.request('GET', '/api/v1/print?region=150602&kind=final&format=html');
    expect(own.status).toBe(200);
    expect(String(own.body)).toContain('东胜区全民科学素质行动实施方案');
  });
});

/** Where page pictures go for people to look at (git-ignored), beside the browser tests' screenshots. */
const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/screenshots', import.meta.url));
const SOFFICE = '/usr/bin/soffice';
const PDFTOPPM = '/usr/bin/pdftoppm';
const PDFTOTEXT = '/usr/bin/pdftotext';
const PDFINFO = '/usr/bin/pdfinfo';

describe('the Word file as LibreOffice lays it out', () => {
  it('opens, and every page of it is drawn to a picture with text on it', async () => {
    // Installed by tooling/scripts/ensure-browser.mjs; without them this test cannot look, so it fails.
    for (const tool of [SOFFICE, PDFTOPPM, PDFTOTEXT, PDFINFO])
      expect(existsSync(tool), `${tool} is missing: apt-get install -y libreoffice-writer poppler-utils`).toBe(true);
    const { res, bytes } = await finalDocx('region=510104&kind=final&format=docx');
    expect(res.status).toBe(200);
    const dir = mkdtempSync(path.join(tmpdir(), 'kesu-final-lo-'));
    try {
      const docx = path.join(dir, '510104-final-evaluation.docx');
      writeFileSync(docx, bytes);
      // A profile of its own, so a LibreOffice already running elsewhere does not take the job.
      const converted = spawnSync(
        SOFFICE,
        [
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          docx,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(converted.status, converted.stderr).toBe(0);
      const pdf = path.join(dir, '510104-final-evaluation.pdf');
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(spawnSync(PDFINFO, [pdf], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
      expect(pages).toBeGreaterThan(3);
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith('50-final-evaluation-page')))
        rmSync(path.join(SCREENSHOTS, old));
      const drawn = spawnSync(PDFTOPPM, ['-r', '80', '-png', pdf, path.join(SCREENSHOTS, '50-final-evaluation-page')], {
        encoding: 'utf8',
      });
      expect(drawn.status, drawn.stderr).toBe(0);
      const pictures = readdirSync(SCREENSHOTS)
        .filter((f) => f.startsWith('50-final-evaluation-page'))
        .sort();
      expect(pictures).toHaveLength(pages);
      for (let page = 1; page <= pages; page++) {
        expect(statSync(path.join(SCREENSHOTS, pictures[page - 1] ?? '')).size).toBeGreaterThan(10_000);
        const text = spawnSync(PDFTOTEXT, ['-f', String(page), '-l', String(page), pdf, '-'], {
          encoding: 'utf8',
        }).stdout.replace(/\s+/g, '');
        // Every page carries its number in the footer and something above it (a page of a chart: its caption).
        expect(text, `page ${page}`).toContain(`第${page}页`);
        expect(text.length, `page ${page}`).toBeGreaterThan(`第${page}页`.length + 6);
      }
      const first = spawnSync(PDFTOTEXT, ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).stdout.replace(
        /\s+/g,
        '',
      );
      expect(first).toContain('锦江区全民科学素质行动实施方案');
      expect(first).toContain('终期评估报告');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
