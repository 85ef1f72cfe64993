import type { Block, FinalDocument, TableCell } from './final-content.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

// The Word version's conventions in print CSS: A4 with official margins, 黑体 title and headings,
// 仿宋 body (Noto CJK where the Windows faces are missing), tables that repeat their head.
const CSS = `
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; @bottom-center { content: counter(page); } }
  body {
    font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", serif;
    color: #111; font-size: 14pt; line-height: 1.6; margin: 0;
  }
  h1, h2, .title, th, figcaption { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
  .title { font-size: 22pt; text-align: center; margin: 0 0 2mm; }
  .term {
    text-align: center; font-size: 16pt; margin: 0 0 5mm; font-family: "KaiTi", "楷体", "Noto Serif CJK SC", serif;
  }
  .meta { text-align: center; font-size: 12pt; margin: 0; color: #333; }
  h1 { font-size: 16pt; margin: 7mm 0 2mm; break-after: avoid; }
  h2 { font-size: 14pt; margin: 4mm 0 2mm; break-after: avoid; font-family: "KaiTi", "楷体", "Noto Serif CJK SC", serif; }
  p { text-indent: 2em; margin: 0 0 2mm; text-align: justify; }
  table {
    width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 10.5pt; line-height: 1.4; table-layout: fixed;
  }
  thead { display: table-header-group; }
  th, td { border: 0.75pt solid #000; padding: 1mm 1.5mm; vertical-align: middle; overflow-wrap: anywhere; }
  th { background: #e7ebf0; text-align: center; }
  tr { break-inside: avoid; }
  td.n { text-align: right; }
  tr.total td { font-weight: bold; }
  .status { font-weight: bold; }
  .achieved { color: #2f9e44; } .on_track { color: #1f6feb; } .at_risk { color: #c76a00; }
  .behind { color: #c92a5b; } .no_data { color: #6b7280; }
  figure { margin: 4mm 0; break-inside: avoid; text-align: center; }
  figure svg { width: 100%; height: auto; max-height: 200mm; }
  figcaption { font-size: 12pt; }
  @media screen { body { max-width: 156mm; margin: 12mm auto; } }
`;

function cell(c: TableCell): string {
  const cls = [c.numeric ? 'n' : '', c.status ? `status ${c.status}` : ''].filter(Boolean).join(' ');
  return `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(c.text)}</td>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.level === 1 ? `<h1>${escapeHtml(b.text)}</h1>` : `<h2>${escapeHtml(b.text)}</h2>`;
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'table': {
      const cols = b.widths.map((w) => `<col style="width:${(w * 100).toFixed(1)}%">`).join('');
      const rows = b.rows
        .map((r, i) => `<tr${b.total && i === b.rows.length - 1 ? ' class="total"' : ''}>${r.map(cell).join('')}</tr>`)
        .join('');
      const head = b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
      return `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case 'chart':
      // The SVG comes from ECharts' server renderer, which escapes the text it draws.
      return `<figure>${b.chart.svg}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
  }
}

/** The final evaluation as one A4 HTML page with its charts inline as SVG (printed to PDF as is). */
export function renderFinalHtml(doc: FinalDocument): string {
  const htmlLang = doc.lang === 'zh' ? 'zh-CN' : 'en';
  const title = escapeHtml(doc.fullTitle);
  return `<!doctype html>
<html lang="${htmlLang}"><head><meta charset="utf-8"><title>${title}</title><style>${CSS}</style></head>
<body>
${doc.title.map((line) => `<div class="title">${escapeHtml(line)}</div>`).join('')}
<div class="term">${escapeHtml(doc.term)}</div>
${doc.meta.map((line) => `<div class="meta">${escapeHtml(line)}</div>`).join('\n')}
${doc.blocks.map(block).join('\n')}
</body></html>
`;
}
