/**
 * A small, format-neutral model of a document to export (a proposal for submission, a council report).
 * Features build one of these; the renderers turn it into PDF, DOCX or Markdown.
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** A two-column label/value table, e.g. a project summary. */
  | { kind: 'fields'; rows: Array<[label: string, value: string]> }
  | { kind: 'table'; columns: string[]; rows: string[][]; align?: Array<'left' | 'right'>; footer?: string[] }
  | { kind: 'barChart'; title: string; bars: Array<{ label: string; value: number }>; max?: number; valueSuffix?: string };

export interface ExportDocument {
  title: string;
  subtitle?: string;
  /** BCP 47 tag of the document's language (en, bg, sq, az). */
  language: string;
  blocks: Block[];
  generatedAt?: Date;
}

export type DocumentFormat = 'pdf' | 'docx' | 'md';
