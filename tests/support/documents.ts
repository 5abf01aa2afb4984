import JSZip from 'jszip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? '';
  });
}

/** Unzips a .docx and reads word/document.xml; rejects if either is missing. */
export async function docxXml(buffer: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('not a Word document: word/document.xml is missing');
  return file.async('string');
}

/**
 * The text of a .docx body: one line per paragraph; in (outermost) tables one line per row with cells separated by
 * tabs and a cell's paragraphs by spaces. Nested tables (the bar tracks of charts) add no separators.
 */
export async function docxText(buffer: Uint8Array): Promise<string> {
  const xml = await docxXml(buffer);
  let out = '';
  let tableDepth = 0;
  let inText = false;
  const tokens = /<(\/?)w:(tbl|tr|tc|p|t|tab|br)(?=[\s>/])[^>]*?(\/?)>|([^<]+)|<[^>]*>/g;
  for (const m of xml.matchAll(tokens)) {
    const [, closing, tag, selfClosing, text] = m;
    if (text !== undefined) {
      if (inText) out += decodeXml(text);
      continue;
    }
    if (!tag) continue;
    const open = !closing;
    switch (tag) {
      case 'tbl':
        tableDepth += open ? 1 : -1;
        if (!open && tableDepth === 0) out += '\n';
        break;
      case 't':
        inText = open && !selfClosing;
        break;
      case 'tab':
        if (open) out += '\t';
        break;
      case 'br':
        if (open) out += tableDepth > 0 ? ' ' : '\n';
        break;
      case 'p':
        if (!open) out += tableDepth === 0 ? '\n' : tableDepth === 1 ? ' ' : '';
        break;
      case 'tc':
        if (!open && tableDepth === 1) out = `${out.replace(/ +$/, '')}\t`;
        break;
      case 'tr':
        if (!open && tableDepth === 1) out = `${out.replace(/\t$/, '')}\n`;
        break;
    }
  }
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js's legacy build runs in Node; without a workerSrc it starts its "fake worker" in this thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

async function openPdf(buffer: Uint8Array) {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the array it is given, so hand it a copy.
  return getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
}

export async function pdfPageCount(buffer: Uint8Array): Promise<number> {
  const pdf = await openPdf(buffer);
  try {
    return pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}

/** The PDF's document-info metadata (Title, Subject, Lang from the catalog is not included). */
export async function pdfInfo(buffer: Uint8Array): Promise<Record<string, unknown>> {
  const pdf = await openPdf(buffer);
  try {
    const { info } = await pdf.getMetadata();
    return info as Record<string, unknown>;
  } finally {
    await pdf.destroy();
  }
}

/**
 * The text of each page: items on the same baseline form one line (left to right), a wide gap between items
 * becomes a tab (table cells), a narrow one a space.
 */
export async function pdfPages(buffer: Uint8Array): Promise<string[]> {
  const pdf = await openPdf(buffer);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: Array<{ str: string; x: number; y: number; end: number; size: number }> = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        items.push({ str: item.str, x: x!, y: y!, end: x! + item.width, size: Math.hypot(a!, b!) || 10 });
      }
      items.sort((p, q) => q.y - p.y || p.x - q.x);
      const lines: Array<typeof items> = [];
      for (const item of items) {
        const line = lines[lines.length - 1];
        if (line && Math.abs(line[0]!.y - item.y) < Math.max(2, item.size * 0.3)) line.push(item);
        else lines.push([item]);
      }
      const text = lines.map((line) => {
        line.sort((p, q) => p.x - q.x);
        let s = '';
        let prevEnd: number | undefined;
        for (const item of line) {
          // pdf.js reports a gap it recognises as a whitespace item; a wide one separates table cells.
          if (item.str.trim() === '') {
            if (prevEnd !== undefined) s = s.replace(/ +$/, '') + (item.end - prevEnd > item.size * 0.8 ? '\t' : ' ');
            prevEnd = item.end;
            continue;
          }
          if (prevEnd !== undefined && !s.endsWith('\t')) {
            const gap = item.x - prevEnd;
            if (gap > item.size * 0.8) s = s.replace(/ +$/, '') + '\t';
            else if (gap > item.size * 0.15 && !s.endsWith(' ') && !item.str.startsWith(' ')) s += ' ';
          }
          s += item.str;
          prevEnd = item.end;
        }
        return s;
      });
      pages.push(text.join('\n'));
      page.cleanup();
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/** The text of all pages, pages separated by a form feed. */
export async function pdfText(buffer: Uint8Array): Promise<string> {
  return (await pdfPages(buffer)).join('\n\f\n');
}

/**
 * How many filled vector shapes (rectangles, paths) page `pageNumber` paints: lets a test see that a chart is drawn
 * as vector graphics rather than text or an image. pdf.js 5 folds the paint operator into constructPath.
 */
export async function pdfFilledShapes(buffer: Uint8Array, pageNumber: number): Promise<number> {
  const { OPS } = await loadPdfJs();
  const pdf = await openPdf(buffer);
  try {
    const page = await pdf.getPage(pageNumber);
    const { fnArray, argsArray } = await page.getOperatorList();
    const fills = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke]);
    let count = 0;
    fnArray.forEach((fn, i) => {
      if (fills.has(fn)) count++;
      else if (fn === OPS.constructPath && fills.has((argsArray[i] as unknown[])[0] as number)) count++;
    });
    return count;
  } finally {
    await pdf.destroy();
  }
}
