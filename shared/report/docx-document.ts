/**
 * The report as an editable Word document, with the `docx` library: the same sections, sentences and tables as
 * the HTML report (one content model, types.ts), charts as PNG images, Word's own heading styles (so the
 * navigation pane and a Word table of contents work), table header rows repeated on every page, rows that
 * never split across pages, and page numbers in the footer.
 *
 * No DOM and no Node: the images arrive as bytes, and the caller packs the document (Packer.toBuffer on the
 * command line, Packer.toBase64String in the app).
 */
import {
  AlignmentType,
  BorderStyle,
  Bookmark,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import type { PaperSize, ReportBlock, ReportChartId, ReportModel } from './types';

/** A chart drawn by the report page, as a PNG. */
export interface ChartImage {
  /** The chart block it belongs to. */
  chart: ReportChartId;
  title: string;
  description: string;
  png: Uint8Array;
  /** Size in CSS pixels (the PNG itself may be drawn at twice that). */
  width: number;
  height: number;
}

const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};
/** Word's own page sizes, in twentieths of a point (A4 11906 x 16838, Letter 12240 x 15840). */
const PAPER_TWIPS: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
};
const MARGIN_MM = 20;
const FONT = 'Calibri';
/** Half-points. */
const SIZE = { body: 21, table: 17, compact: 15, small: 16, figure: 30 };
const INK = '1D2330';
const MUTED = '4F5A6B';
const HEADER_FILL = 'E8EEF5';
const LINE = 'C8CFDA';

/** Word bookmark names: a letter first, then letters, digits and underscores, at most 40. */
export function bookmarkName(anchor: string): string {
  const name = anchor.replace(/[^A-Za-z0-9_]/g, '_');
  return (/^[A-Za-z]/.test(name) ? name : `b_${name}`).slice(0, 40);
}

function run(text: string, options: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) {
  return new TextRun({ text, font: FONT, size: options.size ?? SIZE.body, ...options });
}

function paragraph(text: string, tone?: 'lead' | 'note'): Paragraph {
  return new Paragraph({
    spacing: { after: 120 },
    children: [
      run(text, tone === 'lead' ? { bold: true, size: 24 } : tone === 'note' ? { size: SIZE.small, color: MUTED } : {}),
    ],
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 60 },
    children: [run(text, { bold: true, size: SIZE.small + 2 })],
  });
}

const cellBorders = {
  top: { style: BorderStyle.SINGLE, size: 4, color: LINE },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: LINE },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function cell(
  text: string,
  width: number,
  options: { numeric?: boolean; header?: boolean; bold?: boolean; size: number; span?: number },
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    columnSpan: options.span,
    borders: cellBorders,
    margins: { top: 40, bottom: 40, left: 70, right: 70 },
    shading: options.header ? { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' } : undefined,
    children: [
      new Paragraph({
        alignment: options.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [run(text, { bold: options.header || options.bold, size: options.size })],
      }),
    ],
  });
}

function table(block: Extract<ReportBlock, { type: 'table' }>): FileChild[] {
  const size = block.compact ? SIZE.compact : SIZE.table;
  const weights = block.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * 100);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(c.label, widths[i], { header: true, numeric: c.numeric, size })),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.cells.map((text, i) =>
          cell(text, widths[i], {
            numeric: block.columns[i]?.numeric,
            bold: row.emphasis === 'total' || (row.emphasis === 'group' && i === 0),
            size,
          }),
        ),
      }),
  );
  const out: FileChild[] = [
    caption(block.caption),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      layout: TableLayoutType.FIXED,
      rows: [header, ...rows],
    }),
  ];
  if (block.note) out.push(paragraph(block.note, 'note'));
  else out.push(new Paragraph({ spacing: { after: 80 }, children: [] }));
  return out;
}

function keyFigures(block: Extract<ReportBlock, { type: 'keyFigures' | 'facts' }>): FileChild[] {
  const bold = block.type === 'keyFigures';
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      layout: TableLayoutType.FIXED,
      rows: block.items.map(
        (item) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(item.label, bold ? 55 : 35, { size: SIZE.table + 2 }),
              cell(item.value, bold ? 45 : 65, { numeric: bold, bold, size: SIZE.table + 2 }),
            ],
          }),
      ),
    }),
    new Paragraph({ spacing: { after: 80 }, children: [] }),
  ];
}

function images(chart: ReportChartId, all: readonly ChartImage[], maxWidth: number): FileChild[] {
  return all
    .filter((image) => image.chart === chart)
    .flatMap((image) => {
      const scale = Math.min(1, maxWidth / image.width);
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 120, after: 120 },
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: image.png,
              transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
              altText: { name: image.title, title: image.title, description: image.description },
            }),
          ],
        }),
      ];
    });
}

function story(block: Extract<ReportBlock, { type: 'story' }>): FileChild[] {
  const out: FileChild[] = [
    new Paragraph({
      indent: { left: convertMillimetersToTwip(8) },
      spacing: { before: 160, after: 60 },
      keepNext: true,
      border: { left: { style: BorderStyle.SINGLE, size: 18, color: '1F5F8B', space: 8 } },
      children: [run(block.kind === 'quote' ? `“${block.text}”` : block.text, { italics: block.kind === 'quote' })],
    }),
  ];
  const who = [block.attribution, block.date].filter((x): x is string => Boolean(x)).join(', ');
  out.push(
    new Paragraph({
      indent: { left: convertMillimetersToTwip(8) },
      spacing: { after: 120 },
      children: [run(`${who ? `— ${who}. ` : ''}${block.about}`, { size: SIZE.small, color: MUTED })],
    }),
  );
  return out;
}

function blockChildren(block: ReportBlock, charts: readonly ChartImage[], maxWidth: number): FileChild[] {
  switch (block.type) {
    case 'paragraph':
      return [paragraph(block.text, block.tone)];
    case 'subheading':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          keepNext: true,
          children: [run(block.text, { size: 26, bold: true, color: INK })],
        }),
      ];
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [run(item)] }),
      );
    case 'keyFigures':
    case 'facts':
      return keyFigures(block);
    case 'table':
      return table(block);
    case 'chart':
      return images(block.chart, charts, maxWidth);
    case 'story':
      return story(block);
  }
}

/** The page-number line: "Page {{page}} of {{pages}}" with the two fields in place. */
function pageNumberRuns(template: string): ParagraphChild[] {
  const parts = template.split(/(\{\{page\}\}|\{\{pages\}\})/);
  const children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]> = parts
    .filter((p) => p !== '')
    .map((p) => (p === '{{page}}' ? PageNumber.CURRENT : p === '{{pages}}' ? PageNumber.TOTAL_PAGES : p));
  return [new TextRun({ font: FONT, size: SIZE.small, color: MUTED, children })];
}

export function buildDocxDocument(model: ReportModel, charts: readonly ChartImage[] = []): Document {
  const paper = PAPER_MM[model.paper];
  const textWidthPx = Math.floor(((paper.width - 2 * MARGIN_MM) / 25.4) * 96);

  const cover: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(model.title, { size: 44, bold: true, color: INK })] }),
    ...(model.subtitle ? [paragraph(model.subtitle)] : []),
    new Paragraph({
      spacing: { before: 240, after: 240 },
      children: [run(model.headline, { bold: true, size: SIZE.figure, color: '1F5F8B' })],
    }),
    ...model.cover.map(
      (line) =>
        new Paragraph({
          spacing: { after: 40 },
          children: [run(`${line.label}: `, { bold: true }), run(line.value)],
        }),
    ),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      spacing: { before: 360 },
      children: [run(model.contentsTitle, { size: 30, bold: true, color: INK })],
    }),
    ...model.sections.map(
      (section) =>
        new Paragraph({
          spacing: { after: 60 },
          children: [
            new InternalHyperlink({
              anchor: bookmarkName(section.anchor),
              children: [run(`${section.number}. ${section.title}`, { color: '1F5F8B' })],
            }),
          ],
        }),
    ),
  ];

  const body: FileChild[] = model.sections.flatMap((section, index) => [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: index === 0 || section.id === 'methods',
      keepNext: true,
      spacing: { before: 240, after: 120 },
      children: [
        new Bookmark({
          id: bookmarkName(section.anchor),
          children: [run(`${section.number}. ${section.title}`, { size: 32, bold: true, color: INK })],
        }),
      ],
    }),
    ...section.blocks.flatMap((block) => blockChildren(block, charts, textWidthPx)),
  ]);

  return new Document({
    creator: 'SROI Studio',
    title: model.title,
    description: model.headline,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body, color: INK } } } },
    sections: [
      {
        properties: {
          page: {
            size: PAPER_TWIPS[model.paper],
            margin: {
              top: convertMillimetersToTwip(MARGIN_MM),
              bottom: convertMillimetersToTwip(MARGIN_MM),
              left: convertMillimetersToTwip(MARGIN_MM),
              right: convertMillimetersToTwip(MARGIN_MM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  run(`${model.running}    `, { size: SIZE.small, color: MUTED }),
                  ...pageNumberRuns(model.pageTemplate),
                ],
              }),
            ],
          }),
        },
        children: [...cover, ...body],
      },
    ],
  });
}
