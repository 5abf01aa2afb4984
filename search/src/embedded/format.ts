import { tokenize } from '../text/normalize';

/** How a word of the document matched: wholly, or by its first `prefix` characters (prefix search). */
export type MatchedTerms = Map<string, number | 'full'>;

export interface FormatOptions {
  preTag: string;
  postTag: string;
  cropLength: number;
  cropMarker: string;
}

/** Wraps the matched words (or the matched beginning of a prefix-matched word) in the tags. */
export function highlight(text: string, matched: MatchedTerms, options: FormatOptions): string {
  let out = '';
  let at = 0;
  for (const token of tokenize(text)) {
    const how = matched.get(token.norm);
    if (how === undefined) continue;
    const end = how === 'full' ? token.end : token.start + Math.min(how, token.raw.length);
    out += text.slice(at, token.start) + options.preTag + text.slice(token.start, end) + options.postTag;
    at = end;
  }
  return out + text.slice(at);
}

/** Keeps about `cropLength` words around the first match, marking the cuts. */
export function crop(text: string, matched: MatchedTerms, options: FormatOptions, highlightToo: boolean): string {
  const tokens = tokenize(text);
  if (tokens.length <= options.cropLength) return highlightToo ? highlight(text, matched, options) : text;
  const first = Math.max(0, tokens.findIndex((t) => matched.has(t.norm)));
  const startIndex = Math.max(0, Math.min(first - Math.floor(options.cropLength / 3), tokens.length - options.cropLength));
  const endIndex = Math.min(tokens.length - 1, startIndex + options.cropLength - 1);
  const from = startIndex === 0 ? 0 : tokens[startIndex]!.start;
  const to = endIndex === tokens.length - 1 ? text.length : tokens[endIndex]!.end;
  const piece = text.slice(from, to);
  const body = highlightToo ? highlight(piece, matched, options) : piece;
  return (from > 0 ? options.cropMarker : '') + body + (to < text.length ? options.cropMarker : '');
}

export function formatValue(value: unknown, matched: MatchedTerms, options: FormatOptions, doHighlight: boolean, doCrop: boolean): unknown {
  if (typeof value === 'string') return doCrop ? crop(value, matched, options, doHighlight) : doHighlight ? highlight(value, matched, options) : value;
  if (Array.isArray(value)) return value.map((v) => formatValue(v, matched, options, doHighlight, doCrop));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value;
}
