import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ITableCellBorders,
} from 'docx';
import type { Block, ExportDocument } from './document';
import { formatChartValue } from './markdown';

// A4 in twips (1/20 pt) with 2 cm margins.
const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
const MARGIN = 1134;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

const HEADER_FILL = 'D9E2F3';
const FOOTER_FILL = 'F2F2F2';
const LABEL_FILL = 'F2F2F2';
const BAR_FILL = '4472C4';
const BORDER_COLOR = '999999';
const BULLETS = 'partnera-bullets';

/** Word wants a region-qualified language tag for proofing; these are the platform's languages. */
const WORD_LANGUAGE: Record<string, string> = { en: 'en-GB', bg: 'bg-BG', sq: 'sq-AL', az: 'az-Latn-AZ' };

function wordLanguage(tag: string): string {
  return WORD_LANGUAGE[tag.toLowerCase()] ?? tag;
}

/** Text runs for a string, turning newlines into line breaks. */
function runs(text: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): TextRun[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

const cellBorders: ITableCellBorders = {
  top: { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR },
  left: { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR },
  right: { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR },
};

const noBorders: ITableCellBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function cell(
  text: string,
  width: number,
  options: { bold?: boolean; fill?: string; right?: boolean } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: cellBorders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: runs(text, { bold: options.bold }),
      }),
    ],
  });
}

/** Column widths proportional to the longest word/line in each column, so short numeric columns stay narrow. */
function columnWidths(columns: string[], rows: string[][], footer?: string[]): number[] {
  const count = columns.length;
  const weight = Array.from({ length: count }, (_, i) => {
    const texts = [columns[i] ?? '', ...rows.map((r) => r[i] ?? ''), footer?.[i] ?? ''];
    const longest = Math.max(...texts.map((t) => t.length));
    return Math.min(Math.max(longest, 4), 40);
  });
  const total = weight.reduce((a, b) => a + b, 0);
  const widths = weight.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  widths[widths.length - 1]! += CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function table(columns: string[], rows: string[][], align?: Array<'left' | 'right'>, footer?: string[]): Table {
  const widths = columnWidths(columns, rows, footer);
  const line = (cells: string[], options: { bold?: boolean; fill?: string; header?: boolean }): TableRow =>
    new TableRow({
      tableHeader: options.header,
      cantSplit: true,
      children: columns.map((_, i) =>
        cell(cells[i] ?? '', widths[i]!, { bold: options.bold, fill: options.fill, right: !options.header && align?.[i] === 'right' }),
      ),
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      line(columns, { bold: true, fill: HEADER_FILL, header: true }),
      ...rows.map((r) => line(r, {})),
      ...(footer ? [line(footer, { bold: true, fill: FOOTER_FILL })] : []),
    ],
  });
}

function fields(rows: Array<[string, string]>): Table {
  const labelWidth = Math.round(CONTENT_WIDTH * 0.32);
  const widths = [labelWidth, CONTENT_WIDTH - labelWidth];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({ cantSplit: true, children: [cell(label, widths[0]!, { bold: true, fill: LABEL_FILL }), cell(value, widths[1]!)] }),
    ),
  });
}

/**
 * A bar chart as a table: label | value | bar. The bar is a nested one-row table whose shaded cell's width is
 * proportional to the value. A native Word chart would need embedded chart XML parts plus an embedded workbook,
 * which the docx package does not write; a shaded cell prints everywhere and stays readable in any viewer.
 */
function barChart(b: Extract<Block, { kind: 'barChart' }>): Array<Paragraph | Table> {
  const title = new Paragraph({ keepNext: true, spacing: { before: 160, after: 80 }, children: runs(b.title, { bold: true }) });
  if (b.bars.length === 0) return [title];
  const max = Math.max(b.max ?? 0, ...b.bars.map((bar) => bar.value), 0);
  const labelWidth = Math.round(CONTENT_WIDTH * 0.38);
  const valueWidth = Math.round(CONTENT_WIDTH * 0.12);
  const barWidth = CONTENT_WIDTH - labelWidth - valueWidth;
  const innerWidth = barWidth - 160; // the cell's left and right margins
  const barCell = (value: number): TableCell => {
    const ratio = max > 0 ? Math.min(Math.max(value / max, 0), 1) : 0;
    const filled = Math.round(innerWidth * ratio);
    const parts: Array<{ width: number; fill?: string }> = [];
    if (filled > 0) parts.push({ width: filled, fill: BAR_FILL });
    if (innerWidth - filled > 0) parts.push({ width: innerWidth - filled });
    const bar = new Table({
      width: { size: innerWidth, type: WidthType.DXA },
      columnWidths: parts.map((p) => p.width),
      layout: TableLayoutType.FIXED,
      borders: {
        top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      },
      rows: [
        new TableRow({
          children: parts.map(
            (p) =>
              new TableCell({
                width: { size: p.width, type: WidthType.DXA },
                borders: noBorders,
                shading: p.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: p.fill } : undefined,
                children: [new Paragraph({ children: [new TextRun({ text: '', size: 14 })] })],
              }),
          ),
        }),
      ],
    });
    return new TableCell({
      width: { size: barWidth, type: WidthType.DXA },
      borders: cellBorders,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [bar, new Paragraph({ children: [new TextRun({ text: '', size: 2 })] })],
    });
  };
  const chart = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelWidth, valueWidth, barWidth],
    layout: TableLayoutType.FIXED,
    rows: b.bars.map(
      (bar) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(bar.label, labelWidth),
            cell(formatChartValue(bar.value, b.valueSuffix), valueWidth, { right: true }),
            barCell(bar.value),
          ],
        }),
    ),
  });
  return [title, chart];
}

function blockContent(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading': {
      const heading = b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
      return [new Paragraph({ heading, keepNext: true, children: runs(b.text) })];
    }
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: runs(b.text) })];
    case 'list':
      return b.items.map((item) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: runs(item) }));
    case 'fields':
      if (b.rows.length === 0) return [];
      return [fields(b.rows), spacer()];
    case 'table':
      if (b.columns.length === 0) return [];
      return [table(b.columns, b.rows, b.align, b.footer), spacer()];
    case 'barChart':
      return [...barChart(b), spacer()];
  }
}

/** Word merges adjacent tables into one; an empty paragraph keeps them apart. */
function spacer(): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [] });
}

export async function renderDocx(doc: ExportDocument): Promise<Buffer> {
  const language = wordLanguage(doc.language);
  const header: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(doc.title) })];
  if (doc.subtitle) header.push(new Paragraph({ spacing: { after: 240 }, children: runs(doc.subtitle, { italics: true, color: '555555' }) }));
  const document = new Document({
    title: doc.title,
    subject: doc.subtitle,
    creator: 'Partnera',
    styles: {
      default: {
        document: { run: { size: 21, language: { value: language } } },
      },
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 240 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 16,
                    color: '666666',
                    children: [...(doc.generatedAt ? [`${doc.generatedAt.toISOString().slice(0, 10)}  ·  `] : []), PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...header, ...doc.blocks.flatMap(blockContent)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
