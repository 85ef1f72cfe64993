import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
  type IFontAttributesProperties,
} from 'docx';
import type { ProgressStatus } from '@kesu/analytics';
import { chartPngs, CjkFontMissing, findCjkFont } from './chart-images.js';
import type { Block, FinalDocument, TableCell as Cell } from './final-content.js';
import { FINAL_WORDS } from './final-words.js';

// A4 with the margins of a government document (GB/T 9704: 37 mm top, 35 bottom, 28 left, 26 right).
// A4 in twips as Word writes it (converting millimetres rounds it down a twip).
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: convertMillimetersToTwip(37),
  bottom: convertMillimetersToTwip(35),
  left: convertMillimetersToTwip(28),
  right: convertMillimetersToTwip(26),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The text block in pixels at 96 dpi, as images are sized. */
const TEXT_PX = {
  width: Math.floor((TEXT_WIDTH / 1440) * 96),
  height: Math.floor(((PAGE.height - MARGIN.top - MARGIN.bottom) / 1440) * 96),
};

// Chinese faces by role (title and first-level headings 黑体, second level 楷体, body 仿宋), Latin in Times New Roman.
const face = (eastAsia: string): IFontAttributesProperties => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  eastAsia,
});
const HEI = face('黑体');
const KAI = face('楷体');
const FANG = face('仿宋');
const SONG = face('宋体');

// Sizes in half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 五号 10.5 pt.
const SIZE = { title: 44, body: 32, caption: 24, table: 21 };
/** Body lines at a fixed 28 pt, as official documents set them. */
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT };

const STATUS_COLOR: Record<ProgressStatus, string> = {
  achieved: '2F9E44',
  on_track: '1F6FEB',
  at_risk: 'C76A00',
  behind: 'C92A5B',
  no_data: '6B7280',
};

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function heading(block: Extract<Block, { kind: 'heading' }>): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: block.level === 1 ? 240 : 120, after: 120, ...BODY_LINE },
    indent: { firstLine: 640 },
    outlineLevel: block.level - 1,
    children: [new TextRun({ text: block.text, font: block.level === 1 ? HEI : KAI, size: SIZE.body })],
  });
}

function paragraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
    spacing: BODY_LINE,
    children: [new TextRun({ text, font: FANG, size: SIZE.body })],
  });
}

function cell(content: Cell, width: number, header: boolean, bold: boolean): TableCell {
  const color = content.status === undefined ? undefined : STATUS_COLOR[content.status];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E7EBF0', color: 'auto' } } : {}),
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : content.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [
          new TextRun({
            text: content.text,
            font: header ? HEI : FANG,
            size: SIZE.table,
            bold: bold || content.status !== undefined,
            ...(color ? { color } : {}),
          }),
        ],
      }),
    ],
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const widths = block.widths.map((share) => Math.floor(share * TEXT_WIDTH));
  const row = (cells: Cell[], header: boolean, bold = false) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c, i) => cell(c, widths[i] ?? 0, header, bold)),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      row(
        block.head.map((text) => ({ text })),
        true,
      ),
      ...block.rows.map((cells, i) => row(cells, false, block.total === true && i === block.rows.length - 1)),
    ],
  });
}

/** A chart across the text width, shrunk to fit a page with its caption when it is tall. */
function chart(png: Uint8Array, size: { width: number; height: number }, caption: string): Paragraph[] {
  const scale = Math.min(TEXT_PX.width / size.width, (TEXT_PX.height - 80) / size.height);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
          altText: { name: caption, description: caption, title: caption },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: caption, font: HEI, size: SIZE.caption })],
    }),
  ];
}

/** A space after a table, so the next heading or table does not touch it. */
const gap = () => new Paragraph({ spacing: { after: 120 }, children: [] });

export interface DocxResult {
  bytes: Buffer;
  /** What could not go into the document, said to whoever asked for it (e.g. no CJK font for charts). */
  warnings: Array<{ zh: string; en: string }>;
}

/**
 * The final evaluation as a Word document: A4, margins of an official document, a 黑体 title, 仿宋
 * body, one real table per section, charts as PNG images, page numbers in the footer.
 */
export async function renderFinalDocx(doc: FinalDocument, fontRoots?: readonly string[]): Promise<DocxResult> {
  const charts = doc.blocks.filter((b): b is Extract<Block, { kind: 'chart' }> => b.kind === 'chart');
  const warnings: DocxResult['warnings'] = [];
  let pngs: Uint8Array[] | null = null;
  try {
    pngs = chartPngs(
      charts.map((c) => c.chart),
      findCjkFont(fontRoots),
    );
  } catch (error) {
    if (!(error instanceof CjkFontMissing)) throw error;
    // The tables carry every number; a document without its charts is still the evaluation.
    warnings.push({ zh: FINAL_WORDS.zh.fontMissing, en: FINAL_WORDS.en.fontMissing });
  }
  const body: Array<Paragraph | Table> = [
    ...doc.title.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 720, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text: line, font: HEI, size: SIZE.title })],
        }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: doc.term, font: KAI, size: SIZE.body })],
    }),
    ...doc.meta.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: BODY_LINE,
          children: [new TextRun({ text: line, font: KAI, size: SIZE.caption })],
        }),
    ),
    gap(),
  ];
  let chartIndex = 0;
  let fontNoted = false;
  for (const block of doc.blocks) {
    if (block.kind === 'heading') body.push(heading(block));
    else if (block.kind === 'paragraph') body.push(paragraph(block.text));
    else if (block.kind === 'table') body.push(table(block), gap());
    else if (pngs !== null) body.push(...chart(pngs[chartIndex++] as Uint8Array, block.chart, block.caption));
    else if (!fontNoted) {
      body.push(paragraph(FINAL_WORDS[doc.lang].fontMissing));
      fontNoted = true;
    }
  }
  const [before, after] = FINAL_WORDS[doc.lang].footer.split('{page}');
  const document = new Document({
    title: doc.fullTitle,
    creator: 'Kesu 科素',
    description: doc.meta.join('\n'),
    styles: { default: { document: { run: { font: FANG, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, footer: convertMillimetersToTwip(20) } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [before ?? '', PageNumber.CURRENT, after ?? ''], font: SONG, size: 28 }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return { bytes: await Packer.toBuffer(document), warnings };
}
