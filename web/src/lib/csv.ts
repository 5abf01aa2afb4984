export interface CsvPreview {
  header: string[];
  /** The first rows after the header, as text cells. */
  rows: string[][];
  /** Data rows in the whole file (empty lines not counted). */
  total: number;
  delimiter: ',' | ';';
}

/**
 * Reads a CSV for the import preview, the way the server does: UTF-8 with an optional byte-order mark,
 * "," or ";" (whichever the header uses more), double quotes around text with delimiters or line breaks.
 */
export function previewCsv(text: string, keep = 10): CsvPreview {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = [];
  let total = 0;
  let header: string[] | null = null;
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endRow = () => {
    row.push(cell);
    cell = '';
    const empty = row.length === 1 && row[0]!.trim() === '';
    if (!empty) {
      if (!header) header = row.map((h) => h.trim());
      else {
        total++;
        if (records.length < keep) records.push(row.map((c) => c.trim()));
      }
    }
    row = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) endRow();
  return { header: header ?? [], rows: records, total, delimiter };
}
