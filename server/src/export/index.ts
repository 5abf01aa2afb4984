import type { DocumentFormat, ExportDocument } from './document';
import { renderDocx } from './docx';
import { renderMarkdown } from './markdown';
import { renderPdf } from './pdf';

export type { Block, DocumentFormat, ExportDocument } from './document';
export { renderMarkdown } from './markdown';

/** Renders a document in the given format. */
export async function renderDocument(doc: ExportDocument, format: DocumentFormat): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return renderPdf(doc);
    case 'docx':
      return renderDocx(doc);
    case 'md':
      return Buffer.from(renderMarkdown(doc), 'utf8');
  }
}

const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe; plain numbers (e.g. -3.5) stay numbers. */
function neutraliseFormula(text: string): string {
  if (/^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text)) return `'${text}`;
  return text;
}

function csvField(value: string | number | null): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV (CRLF line ends, quoted only when needed) with a UTF-8 byte-order mark so that Excel
 * reads Cyrillic and Azerbaijani letters as UTF-8 rather than the system code page.
 */
export function renderCsv(columns: string[], rows: Array<Array<string | number | null>>): string {
  const lines = [columns, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function documentMediaType(format: DocumentFormat | 'csv'): string {
  switch (format) {
    case 'pdf':
      return 'application/pdf';
    case 'docx':
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    case 'md':
      return 'text/markdown; charset=utf-8';
    case 'csv':
      return 'text/csv; charset=utf-8';
  }
}

/** The usual file extension for a format, without the dot. */
export function documentExtension(format: DocumentFormat | 'csv'): string {
  return format;
}

/** A Content-Disposition header value for downloading `filename` (any script). */
export function contentDisposition(filename: string): string {
  // Strip characters that are unsafe in a header or a file name on any OS.
  const clean = filename.replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, '_').trim() || 'download';
  const ascii =
    clean
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]+/g, '_')
      .replace(/%/g, '_')
      .replace(/_+/g, '_') || 'download';
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
