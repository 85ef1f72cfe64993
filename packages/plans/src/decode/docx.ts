import mammoth from 'mammoth';

/** Decodes the few HTML entities mammoth writes. */
function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function cellsOf(row: string): string[] {
  return [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) =>
    unescape((m[1] as string).replace(/<\/p>\s*<p[^>]*>/g, '').replace(/<[^>]+>/g, '')).trim(),
  );
}

/**
 * A table of tasks becomes one line per row in the notation the text reader knows:
 * `1.任务（牵头单位：…；责任单位：…）`. Other tables become lines of tab-separated cells.
 */
function tableToLines(table: string): string[] {
  const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1] as string));
  const header = rows[0] ?? [];
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const task = col(/任务|内容|工作/);
  const lead = col(/牵头/);
  const responsible = col(/责任|配合|参与|协办/);
  if (task < 0 || lead < 0) return rows.map((r) => r.join('\t'));
  const ordinal = col(/序号|编号/);
  return rows.slice(1).map((r, i) => {
    const number = ordinal >= 0 && /^\d+$/.test(r[ordinal] ?? '') ? r[ordinal] : String(i + 1);
    const roles = [
      `牵头单位：${r[lead] ?? ''}`,
      responsible >= 0 && r[responsible] ? `责任单位：${r[responsible]}` : '',
    ].filter(Boolean);
    return `${number}.${r[task] ?? ''}（${roles.join('；')}）`;
  });
}

/**
 * Text of a .docx: paragraphs as lines, and tables of tasks as task lines with their units.
 * Throws when the bytes are not a readable Word document.
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const out: string[] = [];
  for (const block of html.matchAll(/<table[\s\S]*?<\/table>|<(p|h\d|li)[^>]*>([\s\S]*?)<\/\1>/g)) {
    if (block[0].startsWith('<table')) out.push(...tableToLines(block[0]));
    else out.push(unescape((block[2] as string).replace(/<[^>]+>/g, '')));
  }
  return out.join('\n');
}
