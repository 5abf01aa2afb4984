import { analyse, isContent } from '../indexes/analysis';
import { stem } from '../text/stem';
import type { Thesaurus } from '../thesaurus/thesaurus';

export type Band = 'strong' | 'possible' | 'weak';

/** A piece of text, marked when it is one of the words that made the match. */
export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into segments with the words that matched marked: words whose stem is one of the
 * matched stems, and the words of matched concepts (so "младежи" lights up for an English "youth").
 * Segments rather than HTML, so nothing the user wrote is ever interpreted as markup.
 */
export function highlightSegments(text: string, language: string, stems: Set<string>, conceptIds: Set<string>, thesaurus: Thesaurus): Segment[] {
  const analysis = analyse(text, language, thesaurus);
  const marks: Array<[number, number]> = [];
  for (const t of analysis.tokens) {
    if (!isContent(t)) continue;
    const s = stem(t.norm, language);
    if (stems.has(s) || [...stems].some((m) => m.length >= 5 && s.startsWith(m))) marks.push([t.start, t.end]);
  }
  for (const hit of analysis.concepts) if (conceptIds.has(hit.concept.id)) marks.push([hit.start, hit.end]);
  marks.sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: text.slice(at, from), match: false });
    segments.push({ text: text.slice(from, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  // Adjacent marked words read as one phrase.
  return segments.reduce<Segment[]>((out, s) => {
    const last = out.at(-1);
    if (last && last.match && s.match) last.text += s.text;
    else out.push({ ...s });
    return out;
  }, []);
}

/**
 * The fit band. Strong needs most of the text's distinctive evidence found in the candidate, from more
 * than one source; possible needs a fair share; anything else is weak. A text that names only places
 * no plan knows cannot be strong: it is meant for somewhere else.
 */
export const BAND_THRESHOLDS = { strong: 0.34, possible: 0.16 };

export function bandOf(coverage: number, evidenceCount: number, elsewhere: boolean): Band {
  if (coverage >= BAND_THRESHOLDS.strong && evidenceCount >= 2 && !elsewhere) return 'strong';
  if (coverage >= BAND_THRESHOLDS.possible) return 'possible';
  return 'weak';
}
