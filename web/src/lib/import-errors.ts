import type { MessageKey, Params } from './i18n/index.svelte';
import { t } from './i18n/index.svelte';

export interface ImportLineError {
  line: number | null;
  field: string;
  /** In the UI language when the server's message is one we know, else the server's own text. */
  text: string;
}

type Rule = [RegExp, MessageKey, (m: RegExpMatchArray) => Params];

// The messages of server/src/domain/plan-import.ts, so line errors read in the UI language.
const RULES: Rule[] = [
  [/^title is required$/, 'importErr.titleRequired', () => ({})],
  [/^title is longer than ([\d,]+) characters$/, 'importErr.titleTooLong', (m) => ({ max: m[1]! })],
  [/^description is longer than ([\d,]+) characters$/, 'importErr.descriptionTooLong', (m) => ({ max: m[1]! })],
  [/^at most (\d+) indicators$/, 'importErr.tooManyIndicators', (m) => ({ max: m[1]! })],
  [/^an indicator is longer than (\d+) characters$/, 'importErr.indicatorTooLong', (m) => ({ max: m[1]! })],
  [/^"(.*)" is not a plan code like 2, 2\.3 or 2\.3\.1$/, 'importErr.badCode', (m) => ({ code: m[1]! })],
  [/^code (\S+) is repeated \(first on line (\d+)\)$/, 'importErr.repeatedCode', (m) => ({ code: m[1]!, line: m[2]! })],
  [/^"(.*)" is not an amount like 125000 or 125000\.50$/, 'importErr.badAmount', (m) => ({ value: m[1]! })],
  [/^currency must be one of (.+)$/, 'importErr.badCurrency', (m) => ({ list: m[1]! })],
  [/^a budget needs a currency$/, 'importErr.currencyRequired', () => ({})],
  [/^parent (\S+) of (\S+) is neither in the file nor in the plan$/, 'importErr.parentMissing', (m) => ({ parent: m[1]!, code: m[2]! })],
  [/^The file has no rows to import$/, 'importErr.noRows', () => ({})],
  [/^At most (\d+) rows can be imported at once$/, 'importErr.tooManyRows', (m) => ({ max: m[1]! })],
  [/^The CSV cannot be read: (.*)$/s, 'importErr.unreadable', (m) => ({ reason: m[1]! })],
  [/^missing column "(.+)"$/, 'importErr.missingColumn', (m) => ({ column: m[1]! })],
  [/^unknown column "(.+)" \(expected (.+)\)$/, 'importErr.unknownColumn', (m) => ({ column: m[1]!, expected: m[2]! })],
];

function translate(message: string): string {
  for (const [pattern, key, params] of RULES) {
    const m = pattern.exec(message);
    if (m) return t(key, params(m));
  }
  return message;
}

/** Reads one `errors[]` entry of an `import_invalid` problem (path `/line/12/title`, message `line 12, title: …`). */
export function readImportError(e: { path: string; message: string }): ImportLineError {
  const m = /^\/line\/(\d+)\/(.+)$/.exec(e.path);
  const raw = e.message.replace(/^line \d+, [^:]+: /, '');
  return { line: m ? Number(m[1]) : null, field: m?.[2] ?? '', text: translate(raw) };
}

export function formatImportError(e: ImportLineError): string {
  if (e.line === null) return e.text;
  const field = e.field === 'file' ? t('importErr.fieldFile') : e.field === 'header' ? t('importErr.fieldHeader') : e.field;
  return t('importErr.line', { line: e.line, field, message: e.text });
}
