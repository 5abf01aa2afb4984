import { parse } from 'csv-parse/sync';
import type { ImportRow, PlanItemLevel } from '@partnera/db';

export interface ImportError {
  /** 1-based line of the CSV file, or 1-based position in the JSON `items` array. */
  line: number;
  field: string;
  message: string;
}

export type ParsedImport = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportError[] };

export const MAX_IMPORT_ROWS = 20_000;
const CURRENCIES = new Set(['BGN', 'EUR', 'ALL', 'AZN', 'USD']);
const CODE = /^[0-9A-Za-z]{1,10}(\.[0-9A-Za-z]{1,10}){0,2}$/;
const LEVELS: PlanItemLevel[] = ['priority', 'objective', 'measure'];
const COLUMNS = ['code', 'title', 'description', 'indicators', 'budget', 'currency'] as const;

interface RawItem {
  line: number;
  code: unknown;
  title: unknown;
  description?: unknown;
  indicators?: unknown;
  budget?: unknown;
  currency?: unknown;
}

/** "1 234,50" and "1234.5" both become "1234.50"; anything else is refused. */
function normaliseAmount(value: unknown): string | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value).replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(text)) return undefined;
  return Number(text).toFixed(2);
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** Validates every row and reports all problems at once, so a file is fixed in one go. */
function validate(items: RawItem[], existingCodes: ReadonlySet<string>): ParsedImport {
  const errors: ImportError[] = [];
  if (items.length === 0) errors.push({ line: 1, field: 'file', message: 'The file has no rows to import' });
  if (items.length > MAX_IMPORT_ROWS) {
    return { ok: false, errors: [{ line: MAX_IMPORT_ROWS + 1, field: 'file', message: `At most ${MAX_IMPORT_ROWS} rows can be imported at once` }] };
  }
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  const positions = new Map<string, number>();
  for (const item of items) {
    const err = (field: string, message: string) => errors.push({ line: item.line, field, message });
    const code = text(item.code);
    if (!CODE.test(code)) err('code', `"${code}" is not a plan code like 2, 2.3 or 2.3.1`);
    else if (seen.has(code)) err('code', `code ${code} is repeated (first on line ${seen.get(code)})`);
    else seen.set(code, item.line);
    const segments = code.split('.');
    const parentCode = segments.length > 1 ? segments.slice(0, -1).join('.') : null;
    const title = text(item.title);
    if (!title) err('title', 'title is required');
    else if (title.length > 500) err('title', 'title is longer than 500 characters');
    const description = text(item.description);
    if (description.length > 10_000) err('description', 'description is longer than 10,000 characters');
    const indicators = (Array.isArray(item.indicators) ? item.indicators.map(text) : text(item.indicators).split(';').map((s) => s.trim())).filter(Boolean);
    if (indicators.length > 30) err('indicators', 'at most 30 indicators');
    if (indicators.some((i) => i.length > 500)) err('indicators', 'an indicator is longer than 500 characters');
    const budget = normaliseAmount(item.budget);
    if (budget === undefined) err('budget', `"${text(item.budget)}" is not an amount like 125000 or 125000.50`);
    const currency = text(item.currency).toUpperCase() || null;
    if (currency && !CURRENCIES.has(currency)) err('currency', `currency must be one of ${[...CURRENCIES].join(', ')}`);
    if (budget && !currency) err('currency', 'a budget needs a currency');
    const parentKey = parentCode ?? '';
    const position = positions.get(parentKey) ?? 0;
    positions.set(parentKey, position + 1);
    rows.push({
      code,
      level: LEVELS[segments.length - 1] ?? 'measure',
      parentCode,
      title,
      description,
      indicators,
      budget: budget ?? null,
      currency,
      position,
    });
  }
  for (const [index, row] of rows.entries()) {
    const codeIsValid = CODE.test(row.code);
    if (codeIsValid && row.parentCode && !seen.has(row.parentCode) && !existingCodes.has(row.parentCode)) {
      errors.push({ line: items[index]!.line, field: 'code', message: `parent ${row.parentCode} of ${row.code} is neither in the file nor in the plan` });
    }
  }
  return errors.length ? { ok: false, errors: errors.sort((a, b) => a.line - b.line) } : { ok: true, rows };
}

/**
 * CSV with a header row naming the columns code, title, description, indicators (separated by ";"),
 * budget, currency; a UTF-8 byte-order mark and ";" or "," delimiters are accepted.
 */
export function parsePlanCsv(csv: string, existingCodes: ReadonlySet<string>): ParsedImport {
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(csv, {
      bom: true,
      delimiter,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: false,
      info: true,
      trim: true,
    }) as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return { ok: false, errors: [{ line: e.lines ?? 1, field: 'file', message: `The CSV cannot be read: ${e.message ?? 'unknown error'}` }] };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = (['code', 'title'] as const).filter((c) => records.length > 0 && !header.includes(c));
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  if (missing.length || unknown.length) {
    const problems = [
      ...missing.map((c) => `missing column "${c}"`),
      ...unknown.map((c) => `unknown column "${c}" (expected ${COLUMNS.join(', ')})`),
    ];
    return { ok: false, errors: problems.map((message) => ({ line: 1, field: 'header', message })) };
  }
  return validate(
    records.map(({ record, info }) => ({ line: info.lines, ...record }) as RawItem),
    existingCodes,
  );
}

/** JSON: `{ "items": [{ code, title, description?, indicators?: string[], budget?, currency? }] }`. */
export function parsePlanJson(body: { items: Array<Omit<RawItem, 'line'>> }, existingCodes: ReadonlySet<string>): ParsedImport {
  return validate(
    body.items.map((item, index) => ({ ...item, line: index + 1 })),
    existingCodes,
  );
}
