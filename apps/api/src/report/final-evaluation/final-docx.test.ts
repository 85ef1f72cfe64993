import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { renderSvg } from '@kesu/analytics';
import type { FinalDocument } from './final-content.js';
import { renderFinalDocx } from './final-docx.js';
import { FINAL_WORDS } from './final-words.js';

const empty = mkdtempSync(path.join(tmpdir(), 'kesu-no-fonts-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

const svg = renderSvg(
  {
    title: { text: '各单位报送情况' },
    xAxis: { type: 'category', data: ['区教育局', '区科协'] },
    yAxis: {},
    series: [{ type: 'bar', data: [8, 6] }],
  },
  { width: 800, height: 480 },
);
const DOC: FinalDocument = {
  lang: 'zh',
  title: ['锦江区全民科学素质行动实施方案', '终期评估报告'],
  term: '（2021—2025年）',
  fullTitle: '锦江区全民科学素质行动实施方案终期评估报告（2021—2025年）',
  meta: ['评估时点：2025年末（规划期最后一年）'],
  blocks: [
    { kind: 'heading', level: 1, text: '六、图表' },
    {
      kind: 'table',
      head: ['单位', '应报'],
      widths: [0.7, 0.3],
      rows: [[{ text: '锦江区科协' }, { text: '8', numeric: true }]],
    },
    {
      kind: 'chart',
      chart: { id: 'department-reporting', title: '各单位报送情况', svg, width: 800, height: 480 },
      caption: '图1\u3000各单位报送情况',
    },
  ],
  fileName: '510104-终期评估',
};

async function open(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  return {
    xml: await zip.file('word/document.xml')!.async('string'),
    media: Object.values(zip.files).filter((f) => f.name.startsWith('word/media/') && !f.dir),
  };
}

describe('charts in the Word file', () => {
  it('are PNG images drawn with the system’s CJK font', async () => {
    const { bytes, warnings } = await renderFinalDocx(DOC);
    const { xml, media } = await open(bytes);
    expect(warnings).toEqual([]);
    expect(media).toHaveLength(1);
    expect(xml).toContain('图1\u3000各单位报送情况');
  });

  it('without a CJK font are left out with a note saying so, not drawn as boxes, and every table stays', async () => {
    const { bytes, warnings } = await renderFinalDocx(DOC, [empty]);
    const { xml, media } = await open(bytes);
    expect(media).toHaveLength(0);
    expect(warnings).toEqual([{ zh: FINAL_WORDS.zh.fontMissing, en: FINAL_WORDS.en.fontMissing }]);
    expect(xml).toContain('本机缺少中文字体（如 fonts-noto-cjk），图表未能插入本文档');
    expect(xml).toContain('锦江区科协');
  });
});
