import type { DocumentFormat, ExportDocument } from './document';

export type { Block, DocumentFormat, ExportDocument } from './document';

/** Renders a document in the given format. */
export async function renderDocument(doc: ExportDocument, format: DocumentFormat): Promise<Buffer> {
  void doc;
  throw new Error(`renderDocument(${format}) is being written`);
}

export function renderMarkdown(doc: ExportDocument): string {
  void doc;
  throw new Error('renderMarkdown is being written');
}

export function renderCsv(columns: string[], rows: Array<Array<string | number | null>>): string {
  void columns;
  void rows;
  throw new Error('renderCsv is being written');
}

export function documentMediaType(format: DocumentFormat | 'csv'): string {
  void format;
  throw new Error('documentMediaType is being written');
}

/** A Content-Disposition header value for downloading `filename` (any script). */
export function contentDisposition(filename: string): string {
  void filename;
  throw new Error('contentDisposition is being written');
}
