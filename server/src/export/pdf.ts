import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Block, ExportDocument } from './document';
import { formatChartValue } from './markdown';

type Pdf = PDFKit.PDFDocument;
type BarChartBlock = Extract<Block, { kind: 'barChart' }>;

const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** DejaVu Sans covers Cyrillic, Azerbaijani ə ğ ı and Albanian ë; PDF's 14 built-in fonts only cover Latin-1. */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    fonts = {
      regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    };
  }
  return fonts;
}

const MARGIN = 56.7; // 2 cm
const FOOTER_GAP = 28;
const BODY_SIZE = 10;
const TABLE_SIZE = 9;
const CELL_PAD = 4;
const TEXT_COLOR = '#1a1a1a';
const MUTED_COLOR = '#666666';
const BORDER_COLOR = '#9a9a9a';
const HEADER_FILL = '#d9e2f3';
const FOOTER_FILL = '#f2f2f2';
const BAR_COLOR = '#4472c4';
const AXIS_COLOR = '#444444';
const GRID_COLOR = '#dddddd';

/** Lays blocks out top to bottom, tracking the cursor itself so tables and charts can decide where pages break. */
class Layout {
  y: number;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;

  constructor(readonly pdf: Pdf) {
    this.left = pdf.page.margins.left;
    this.width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
    this.top = pdf.page.margins.top;
    this.bottom = pdf.page.height - pdf.page.margins.bottom;
    this.y = this.top;
  }

  newPage(): void {
    this.pdf.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` points still fit on this one (a fresh page always "fits"). */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && this.y > this.top + 0.01) this.newPage();
  }

  room(): number {
    return this.bottom - this.y;
  }

  font(bold: boolean, size: number): void {
    this.pdf.font(bold ? BOLD : REGULAR).fontSize(size);
  }

  textHeight(text: string, width: number, bold: boolean, size: number): number {
    this.font(bold, size);
    return this.pdf.heightOfString(text || ' ', { width, lineGap: 1 });
  }

  /** Flowing text that may continue onto following pages (pdfkit adds them). */
  flow(text: string, options: { bold?: boolean; size?: number; color?: string; indent?: number; after?: number } = {}): void {
    const size = options.size ?? BODY_SIZE;
    const indent = options.indent ?? 0;
    this.font(options.bold ?? false, size);
    this.ensure(this.pdf.currentLineHeight(true) + 1);
    this.pdf.fillColor(options.color ?? TEXT_COLOR).text(text, this.left + indent, this.y, { width: this.width - indent, lineGap: 1 });
    this.y = this.pdf.y + (options.after ?? 6);
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 15 : level === 2 ? 12.5 : 11;
    const height = this.textHeight(text, this.width, true, size);
    // Keep a heading with at least a few lines of what follows it.
    this.y += level === 1 ? 8 : 5;
    this.ensure(height + 40);
    this.flow(text, { bold: true, size, after: 5 });
  }

  list(items: string[]): void {
    for (const item of items) {
      this.font(false, BODY_SIZE);
      this.ensure(this.pdf.currentLineHeight(true) + 1);
      this.pdf.fillColor(TEXT_COLOR).text('•', this.left + 4, this.y, { lineBreak: false });
      this.flow(item, { indent: 16, after: 3 });
    }
    this.y += 3;
  }

  /** Cell text, clipped with an ellipsis if a single row is taller than a whole page. */
  cellText(text: string, x: number, y: number, width: number, options: { bold?: boolean; align?: 'left' | 'right'; maxHeight?: number }): void {
    this.font(options.bold ?? false, TABLE_SIZE);
    this.pdf.fillColor(TEXT_COLOR).text(text, x + CELL_PAD, y + CELL_PAD, {
      width: width - 2 * CELL_PAD,
      align: options.align ?? 'left',
      lineGap: 1,
      ...(options.maxHeight ? { height: options.maxHeight, ellipsis: true } : {}),
    });
  }

  rowHeight(cells: string[], widths: number[], bold: boolean | ((i: number) => boolean)): number {
    let height = 0;
    widths.forEach((w, i) => {
      const isBold = typeof bold === 'function' ? bold(i) : bold;
      height = Math.max(height, this.textHeight(cells[i] ?? '', w - 2 * CELL_PAD, isBold, TABLE_SIZE));
    });
    return height + 2 * CELL_PAD;
  }

  drawRow(
    cells: string[],
    widths: number[],
    height: number,
    options: { bold?: boolean | ((i: number) => boolean); fill?: string | ((i: number) => string | undefined); align?: Array<'left' | 'right'> },
  ): void {
    // Only a row taller than a whole page gets here without fitting; it is cut at the page's end.
    const drawn = Math.min(height, this.bottom - this.y);
    const clip = drawn < height ? drawn - 2 * CELL_PAD : undefined;
    let x = this.left;
    widths.forEach((w, i) => {
      const fill = typeof options.fill === 'function' ? options.fill(i) : options.fill;
      if (fill) this.pdf.rect(x, this.y, w, drawn).fill(fill);
      this.pdf.lineWidth(0.5).rect(x, this.y, w, drawn).stroke(BORDER_COLOR);
      const bold = typeof options.bold === 'function' ? options.bold(i) : (options.bold ?? false);
      this.cellText(cells[i] ?? '', x, this.y, w, { bold, align: options.align?.[i], maxHeight: clip });
      x += w;
    });
    this.y += drawn;
  }

  /** Widths from the text's natural width, never narrower than the longest word, filling the line. */
  columnWidths(columns: string[], rows: string[][], footer?: string[]): number[] {
    const pdf = this.pdf;
    const measure = (text: string, bold: boolean): { natural: number; word: number } => {
      pdf.font(bold ? BOLD : REGULAR).fontSize(TABLE_SIZE);
      const lines = text.split(/\r\n|\r|\n/);
      const natural = Math.max(...lines.map((l) => pdf.widthOfString(l)));
      const word = Math.max(0, ...text.split(/\s+/).map((w) => pdf.widthOfString(w)));
      return { natural, word };
    };
    const cap = this.width * 0.6;
    const stats = columns.map((column, i) => {
      let natural = 0;
      let word = 0;
      const cells: Array<[string, boolean]> = [[column, true], ...rows.map((r): [string, boolean] => [r[i] ?? '', false])];
      if (footer) cells.push([footer[i] ?? '', true]);
      for (const [text, bold] of cells) {
        const m = measure(text, bold);
        natural = Math.max(natural, m.natural);
        word = Math.max(word, m.word);
      }
      const pad = 2 * CELL_PAD + 1;
      const min = Math.min(word + pad, cap);
      return { min, natural: Math.max(Math.min(natural + pad, this.width), min) };
    });
    const sumNatural = stats.reduce((a, s) => a + s.natural, 0);
    const sumMin = stats.reduce((a, s) => a + s.min, 0);
    if (sumNatural <= this.width) return stats.map((s) => (s.natural / sumNatural) * this.width);
    if (sumMin >= this.width) return stats.map((s) => (s.min / sumMin) * this.width);
    const spare = this.width - sumMin;
    const stretch = sumNatural - sumMin;
    return stats.map((s) => s.min + ((s.natural - s.min) / stretch) * spare);
  }

  table(columns: string[], rows: string[][], align?: Array<'left' | 'right'>, footer?: string[]): void {
    if (columns.length === 0) return;
    const widths = this.columnWidths(columns, rows, footer);
    const headerHeight = this.rowHeight(columns, widths, true);
    const drawHeader = (): void => this.drawRow(columns, widths, headerHeight, { bold: true, fill: HEADER_FILL });
    const body = rows.map((r) => ({ cells: r, bold: false, fill: undefined as string | undefined }));
    if (footer) body.push({ cells: footer, bold: true, fill: FOOTER_FILL });
    // Keep the header with at least the first row.
    this.ensure(headerHeight + (body[0] ? this.rowHeight(body[0].cells, widths, body[0].bold) : 0));
    drawHeader();
    let rowsOnPage = 0;
    for (const row of body) {
      const height = this.rowHeight(row.cells, widths, row.bold);
      // A row taller than a page stays under the header it already has rather than leaving a page with only a header.
      if (this.y + height > this.bottom + 0.01 && rowsOnPage > 0) {
        this.newPage();
        drawHeader();
        rowsOnPage = 0;
      }
      this.drawRow(row.cells, widths, height, { bold: row.bold, fill: row.fill, align });
      rowsOnPage++;
    }
    this.y += 10;
  }

  fields(rows: Array<[string, string]>): void {
    const labelWidth = this.width * 0.32;
    const widths = [labelWidth, this.width - labelWidth];
    for (const [label, value] of rows) {
      const height = this.rowHeight([label, value], widths, (i) => i === 0);
      this.ensure(height);
      this.drawRow([label, value], widths, height, { bold: (i) => i === 0, fill: (i) => (i === 0 ? FOOTER_FILL : undefined) });
    }
    this.y += 10;
  }

  /** A horizontal bar chart drawn with vector shapes: category labels, bars, value labels, a value axis with ticks. */
  barChart(chart: BarChartBlock): void {
    const pdf = this.pdf;
    const titleHeight = this.textHeight(chart.title, this.width, true, 10.5);
    const values = chart.bars.map((b) => (Number.isFinite(b.value) ? b.value : 0));
    const dataMax = Math.max(0, ...values);
    const fixedMax = chart.max !== undefined && Number.isFinite(chart.max) && chart.max > 0 ? chart.max : undefined;
    const range = fixedMax ?? (dataMax || 1);

    const valueTexts = values.map((v) => formatChartValue(v, chart.valueSuffix));
    pdf.font(REGULAR).fontSize(TABLE_SIZE);
    const valueWidth = Math.max(...valueTexts.map((t) => pdf.widthOfString(t)), 10) + 6;
    const labelWidth = Math.min(Math.max(...chart.bars.map((b) => pdf.widthOfString(b.label)), 20) + 8, this.width * 0.38);
    const barLeft = this.left + labelWidth;
    const barSpan = this.width - labelWidth - valueWidth;

    // About five ticks, fewer when their labels would collide.
    let step = niceStep(range / 5);
    let axisMax = fixedMax ?? Math.ceil(range / step - 1e-9) * step;
    let ticks = axisTicks(axisMax, step);
    pdf.fontSize(7.5);
    while (ticks.length > 2 && Math.max(...ticks.map((t) => pdf.widthOfString(formatChartValue(t)))) + 8 > barSpan / (ticks.length - 1)) {
      step = niceStep(step * 1.01);
      axisMax = fixedMax ?? Math.ceil(range / step - 1e-9) * step;
      ticks = axisTicks(axisMax, step);
    }
    const axisHeight = 16;
    const rowHeights = chart.bars.map((b) => Math.max(16, this.textHeight(b.label, labelWidth - 8, false, TABLE_SIZE) + 6));
    const total = titleHeight + 6 + rowHeights.reduce((a, h) => a + h, 0) + axisHeight;

    this.y += 4;
    // Keep the chart on one page when it fits on one; otherwise break between bars.
    if (total <= this.bottom - this.top) this.ensure(total);
    else this.ensure(titleHeight + 6 + (rowHeights[0] ?? 0) + axisHeight);
    this.flow(chart.title, { bold: true, size: 10.5, after: 6 });

    const xOf = (value: number): number => barLeft + (Math.min(Math.max(value, 0), axisMax) / axisMax) * barSpan;
    // Split the bars into page-sized runs first, so each run's grid can be drawn beneath its bars.
    const segments: number[][] = [];
    let room = this.bottom - this.y - axisHeight;
    chart.bars.forEach((_, i) => {
      const height = rowHeights[i]!;
      const current = segments[segments.length - 1];
      if (current && current.length > 0 && height > room + 0.01) {
        segments.push([i]);
        room = this.bottom - this.top - axisHeight - height;
      } else {
        if (current) current.push(i);
        else segments.push([i]);
        room -= height;
      }
    });
    segments.forEach((segment, s) => {
      if (s > 0) this.newPage();
      const top = this.y;
      const bottom = top + segment.reduce((a, i) => a + rowHeights[i]!, 0);
      pdf.lineWidth(0.5);
      for (const t of ticks.slice(1)) pdf.moveTo(xOf(t), top).lineTo(xOf(t), bottom).stroke(GRID_COLOR);
      for (const i of segment) {
        const bar = chart.bars[i]!;
        const height = rowHeights[i]!;
        const labelHeight = this.textHeight(bar.label, labelWidth - 8, false, TABLE_SIZE);
        pdf.fillColor(TEXT_COLOR).text(bar.label, this.left, this.y + (height - labelHeight) / 2, { width: labelWidth - 8, align: 'right', lineGap: 1 });
        const barHeight = Math.min(12, height - 4);
        const end = xOf(values[i]!);
        if (end > barLeft) pdf.rect(barLeft, this.y + (height - barHeight) / 2, end - barLeft, barHeight).fill(BAR_COLOR);
        pdf.font(REGULAR).fontSize(TABLE_SIZE).fillColor(TEXT_COLOR);
        pdf.text(valueTexts[i]!, end + 3, this.y + (height - pdf.currentLineHeight()) / 2, { lineBreak: false });
        this.y += height;
      }
      pdf.lineWidth(0.8).moveTo(barLeft, top).lineTo(barLeft, bottom).lineTo(barLeft + barSpan, bottom).stroke(AXIS_COLOR);
      pdf.font(REGULAR).fontSize(7.5).fillColor(MUTED_COLOR);
      for (const t of ticks) {
        const label = formatChartValue(t);
        pdf.moveTo(xOf(t), bottom).lineTo(xOf(t), bottom + 3).stroke(AXIS_COLOR);
        pdf.text(label, xOf(t) - pdf.widthOfString(label) / 2, bottom + 4, { lineBreak: false });
      }
      this.y = bottom + axisHeight;
    });
    this.y += 8;
  }
}

/** Multiples of `step` from 0 up to `max`, plus `max` itself when it is not one. */
function axisTicks(max: number, step: number): number[] {
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + step / 1000; i++) ticks.push(Math.round(i * step * 1e6) / 1e6);
  if (ticks[ticks.length - 1]! < max - step / 1000) ticks.push(max);
  return ticks;
}

/** 1, 2, 2.5 or 5 times a power of ten, the smallest at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw - 1e-9) return m * power;
  return 10 * power;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function renderPdf(doc: ExportDocument): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_GAP },
    bufferPages: true,
    lang: doc.language,
    displayTitle: true,
    info: {
      Title: doc.title,
      ...(doc.subtitle ? { Subject: doc.subtitle } : {}),
      Creator: 'Partnera',
      Producer: 'Partnera',
      CreationDate: doc.generatedAt ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont(REGULAR, regular);
  pdf.registerFont(BOLD, bold);

  const layout = new Layout(pdf);
  layout.flow(doc.title, { bold: true, size: 18, after: doc.subtitle ? 4 : 12 });
  if (doc.subtitle) layout.flow(doc.subtitle, { size: 11, color: MUTED_COLOR, after: 12 });
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        layout.heading(block.text, block.level);
        break;
      case 'paragraph':
        layout.flow(block.text);
        break;
      case 'list':
        layout.list(block.items);
        break;
      case 'fields':
        layout.fields(block.rows);
        break;
      case 'table':
        layout.table(block.columns, block.rows, block.align, block.footer);
        break;
      case 'barChart':
        layout.barChart(block);
        break;
    }
  }

  // Page numbers go in the bottom margin; lift the margin while writing so pdfkit does not start a new page.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - MARGIN - 4;
    pdf.font(REGULAR).fontSize(8).fillColor(MUTED_COLOR);
    pdf.text(`${i - range.start + 1} / ${range.count}`, layout.left, y, { width: layout.width, align: 'center', lineBreak: false });
    if (doc.generatedAt) pdf.text(isoDate(doc.generatedAt), layout.left, y, { width: layout.width, align: 'left', lineBreak: false });
    pdf.page.margins.bottom = bottomMargin;
  }
  pdf.flushPages();
  pdf.end();
  return done;
}
