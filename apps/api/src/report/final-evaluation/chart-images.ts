import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { renderSvg, type ChartRows } from '@kesu/analytics';
import { dashboardHeight, reports, type Lang, type ReportId } from '@kesu/analytics/charts';

/** A chart drawn as SVG at the size its rows need. */
export interface DrawnChart {
  id: ReportId;
  title: string;
  svg: string;
  width: number;
  height: number;
}

/** Draws each chart as the dashboard and the printable report do (same options, same heights). */
export function drawCharts(charts: readonly ChartRows[], lang: Lang, subtitle: string): DrawnChart[] {
  return charts.map(({ id, rows }) => {
    const report = reports[id];
    const size = { width: report.size.width, height: dashboardHeight(id, rows) };
    return { id, title: report.title[lang], svg: renderSvg(report.options(rows, { lang, subtitle }), size), ...size };
  });
}

/** A CJK font family a chart can be drawn with, and the files that hold it. */
interface CjkFont {
  family: string;
  files: string[];
}

// Sans faces in the order charts prefer them; Debian's fonts-noto-cjk is the one the project installs.
const KNOWN_FONTS: Array<{ family: string; file: RegExp }> = [
  { family: 'Noto Sans CJK SC', file: /^NotoSansCJK-(Regular|Bold)\.ttc$/i },
  { family: 'Source Han Sans SC', file: /^SourceHanSans(SC)?-(Regular|Bold)\.(otf|ttc)$/i },
  { family: 'WenQuanYi Zen Hei', file: /^wqy-zenhei\.ttc$/i },
  { family: 'WenQuanYi Micro Hei', file: /^wqy-microhei\.ttc$/i },
  { family: 'Droid Sans Fallback', file: /^DroidSansFallbackFull\.ttf$/i },
];

export const FONT_ROOTS = ['/usr/share/fonts', '/usr/local/share/fonts'];

function fontFiles(root: string, depth = 4): string[] {
  if (depth === 0) return [];
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? fontFiles(path.join(root, e.name), depth - 1) : e.isFile() ? [path.join(root, e.name)] : [],
  );
}

/** The first known CJK sans font installed under the roots, or null (charts would draw boxes for every character). */
export function findCjkFont(roots: readonly string[] = FONT_ROOTS): CjkFont | null {
  const files = roots.flatMap((root) => fontFiles(root));
  for (const known of KNOWN_FONTS) {
    const found = files.filter((f) => known.file.test(path.basename(f))).sort();
    if (found.length > 0) return { family: known.family, files: found };
  }
  return null;
}

/** No CJK font to draw chart text with. */
export class CjkFontMissing extends Error {
  constructor(readonly roots: readonly string[]) {
    super(`no CJK font under ${roots.join(', ')}`);
  }
}

/**
 * Rasterises chart SVGs to PNG for Word, which shows SVG unreliably. Twice the layout width, so
 * a chart printed across an A4 text column stays sharp; white behind it as on paper.
 */
export function chartPngs(charts: readonly DrawnChart[], font: CjkFont | null): Uint8Array[] {
  if (font === null) throw new CjkFontMissing(FONT_ROOTS);
  return charts.map((chart) => {
    const resvg = new Resvg(chart.svg, {
      fitTo: { mode: 'width', value: chart.width * 2 },
      background: '#ffffff',
      font: {
        fontFiles: font.files,
        loadSystemFonts: false,
        defaultFontFamily: font.family,
        sansSerifFamily: font.family,
      },
    });
    return resvg.render().asPng();
  });
}
