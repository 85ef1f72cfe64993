import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlan, MAX_BYTES, type RejectionCode } from '../src/index.js';
import { loadWebTexts } from '@kesu/seeds';
import { registry, variantFile } from './corpus.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const rejected: Array<[string, () => Buffer, RejectionCode]> = [
  ['an empty file', () => Buffer.alloc(0), 'empty'],
  ['an empty file on disk', () => variantFile('not-plan-empty.txt'), 'empty'],
  ['only whitespace', () => utf8(' \n\t\u3000\r\n  '), 'empty'],
  ['only a BOM', () => Buffer.from([0xef, 0xbb, 0xbf]), 'empty'],
  ['binary bytes', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)), 'binary'],
  ['PDF bytes', () => Buffer.concat([utf8('%PDF-1.7\n'), Buffer.alloc(64, 0x41)]), 'pdf'],
  ['mixed bytes with NULs', () => variantFile('not-plan-invalid-utf8.bin'), 'binary'],
  [
    'bytes invalid in UTF-8 and in GB18030',
    () => Buffer.concat([utf8('科学素质行动实施方案'), Buffer.from([0xff, 0x80, 0xfe, 0x30])]),
    'bad_encoding',
  ],
  ['a 100 MB file', () => Buffer.alloc(100 * 1024 * 1024, 0x41), 'too_large'],
  ['one byte over the limit', () => Buffer.alloc(MAX_BYTES + 1, 0x41), 'too_large'],
  ['a chapter of a novel', () => variantFile('not-plan-novel.txt'), 'not_a_plan'],
  ['a shopping list with numbers', () => utf8('购物清单\n苹果3斤\n牛奶2盒\n鸡蛋10个\n'), 'not_a_plan'],
  [
    'an HTML page about something else',
    () => utf8('<html><body><h1>天气预报</h1><p>明天晴，气温25度。</p></body></html>'),
    'not_a_plan',
  ],
  ['a zip that is not a Word file', () => Buffer.concat([zipHeader, Buffer.alloc(200, 7)]), 'bad_docx'],
  [
    'text with NUL bytes',
    () => Buffer.concat([utf8('科学素质实施方案'), Buffer.from([0, 0, 0]), utf8('科普')]),
    'binary',
  ],
  [
    'control characters',
    () => utf8('科学素质\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 方案 科普 科普'.repeat(3)),
    'binary',
  ],
];

describe('importPlan refuses what is not a plan, with a reason in both languages', () => {
  it.each(rejected)('%s', async (_name, bytes, code) => {
    const result = await importPlan(bytes(), registry);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.rejection.code).toBe(code);
      expect(result.rejection.message).toMatch(/[\u4e00-\u9fff]/);
      expect(result.rejection.messageEn).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe('importPlan reads odd but real plans, reporting what it doubts', () => {
  it('a plan with no units is a Plan with a no_units issue and tasks without leads', async () => {
    const result = await importPlan(variantFile('no-units.txt'), registry);
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.plan.issues.map((i) => i.code)).toContain('no_units');
      expect(result.plan.issues.filter((i) => i.code === 'task_without_lead').length).toBeGreaterThan(5);
      expect(result.plan.sections.every((s) => s.tasks.every((t) => t.leadUnits.length === 0))).toBe(true);
    }
  });

  it('a short plan text without headings is still read, with no_sections', async () => {
    const text =
      '某县全民科学素质行动实施方案（2021—2025年）\n到2025年，全县公民具备科学素质的比例达到12%。每年开展科普活动不少于100场。科普工作……';
    const result = await importPlan(utf8(text), registry);
    expect(result.success && result.plan.issues.map((i) => i.code)).toContain('no_sections');
    expect(result.success && result.plan.literacyTarget).toEqual({ value: 12, stretch: null, deadline: 2025 });
  });

  it('says first that a news report is not the whole plan, and a plan is never told so', async () => {
    const news = await importPlan(variantFile('news-article.txt'), registry);
    expect(news.success && news.plan.issues[0]).toMatchObject({
      code: 'looks_like_news',
      message: expect.stringContaining('新闻报道'),
    });
    const plan = await importPlan(variantFile('county-paren-items.txt'), registry);
    expect(plan.success && plan.plan.issues.map((i) => i.code)).not.toContain('looks_like_news');
  });

  it("reads the first region of a page that runs on into another region's report, and names the other", async () => {
    const page = loadWebTexts().find((t) => t.stem === 'd-henan-dazu-scroll');
    const result = await importPlan(readFileSync(page!.file), registry);
    expect(result.success && result.plan.region.name).toBe('河南省');
    expect(result.success && result.plan.issues.find((i) => i.code === 'several_regions')?.message).toContain('大足区');
    expect(result.success && result.plan.targets.every((t) => !t.text.includes('大足'))).toBe(true);
  });

  it('the same plan in GB18030 and in UTF-8 with a BOM reads the same', async () => {
    const gbk = await importPlan(variantFile('county-gbk.txt'), registry);
    const text = new TextDecoder('gb18030').decode(variantFile('county-gbk.txt'));
    const bom = await importPlan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]), registry);
    expect(gbk.success && bom.success).toBe(true);
    if (gbk.success && bom.success) expect(bom.plan).toEqual(gbk.plan);
  });
});

describe('importPlan reads a saved web page as a browser shows it', () => {
  const page = (body: string) =>
    utf8(
      `<!DOCTYPE html><html><head><script>var views = "1268次";</script><style>.w{width:100%}</style></head><body>
<div class="nav"><a href="https://www.example.gov.cn/list?c=%E7%A7%91%E6%99%AE">首页</a> | ` +
        `<a href="/a">政务公开</a> | <a href="/b">政务服务</a></div>
<div class="info">来源：某县科协\u3000发布时间：2022-05-06 09:12\u3000浏览次数：3321</div>${body}
<div class="foot">网站标识码：5101000001\u3000蜀ICP备05003402号</div></body></html>`,
    );

  it('takes the targets from the prose and none from the scripts, links and footer', async () => {
    const result = await importPlan(
      page(
        '<h1>郫都区全民科学素质行动实施方案（2021—2025年）</h1>' +
          '<p>\u3000\u3000到2025年，全区公民具备科学素质的比例达到16%。</p>' +
          '<p>\u3000\u3000每年开展科普活动不少于200场。</p><p>科普工作全面推进。</p>',
      ),
      registry,
    );
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.plan.title).toBe('郫都区全民科学素质行动实施方案（2021—2025年）');
    expect(result.plan.region.name).toBe('郫都区');
    expect(result.plan.targets.map((t) => [t.text, t.value])).toEqual([
      ['全区公民具备科学素质的比例达到16%', 16],
      ['每年开展科普活动不少于200场', 200],
    ]);
  });
});
