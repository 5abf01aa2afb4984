import type { Document } from '../engine/types';
import { STEM_FIELDS } from '../indexes/definitions';

/**
 * Document frequencies over the measure corpus: how distinctive a stem, concept or place key is.
 * The matcher picks an idea's query terms by them, whichever engine is behind it (Meilisearch does
 * not expose its term statistics).
 */
export class TermStats {
  private readonly df = new Map<string, number>();
  private readonly termsOf = new Map<string, { terms: string[]; language: string }>();
  /** Words of one language are judged among documents of that language (Azerbaijani words never occur in Bulgarian measures). */
  private readonly docsByLanguage = new Map<string, number>();
  private readonly languagesOf = new Map<string, Map<string, number>>();

  get documentCount(): number {
    return this.termsOf.size;
  }

  private static termsIn(doc: Document): string[] {
    const terms = new Set<string>();
    for (const field of STEM_FIELDS) {
      const value = doc[field];
      if (typeof value === 'string') for (const t of value.split(' ')) if (t) terms.add(t);
    }
    for (const c of (doc.concepts as string[] | undefined) ?? []) terms.add(c);
    const keys = doc.placeKeys;
    if (typeof keys === 'string') for (const k of keys.split(' ')) if (k) terms.add(`@${k}`);
    return [...terms];
  }

  add(doc: Document): void {
    this.remove(doc.id);
    const terms = TermStats.termsIn(doc);
    const language = String(doc.language ?? '');
    this.termsOf.set(doc.id, { terms, language });
    this.docsByLanguage.set(language, (this.docsByLanguage.get(language) ?? 0) + 1);
    for (const t of terms) {
      this.df.set(t, (this.df.get(t) ?? 0) + 1);
      const langs = this.languagesOf.get(t) ?? new Map<string, number>();
      langs.set(language, (langs.get(language) ?? 0) + 1);
      this.languagesOf.set(t, langs);
    }
  }

  remove(id: string): void {
    const entry = this.termsOf.get(id);
    if (!entry) return;
    this.termsOf.delete(id);
    this.docsByLanguage.set(entry.language, (this.docsByLanguage.get(entry.language) ?? 1) - 1);
    for (const t of entry.terms) {
      const n = (this.df.get(t) ?? 1) - 1;
      if (n <= 0) {
        this.df.delete(t);
        this.languagesOf.delete(t);
      } else {
        this.df.set(t, n);
        const langs = this.languagesOf.get(t)!;
        const m = (langs.get(entry.language) ?? 1) - 1;
        if (m <= 0) langs.delete(entry.language);
        else langs.set(entry.language, m);
      }
    }
  }

  clear(): void {
    this.df.clear();
    this.termsOf.clear();
    this.docsByLanguage.clear();
    this.languagesOf.clear();
  }

  /** Documents in the languages a term occurs in (all documents for concepts, which have none). */
  private population(term: string): number {
    if (term.startsWith('zz')) return this.documentCount;
    const langs = this.languagesOf.get(term);
    if (!langs) return this.documentCount;
    let n = 0;
    for (const language of langs.keys()) n += this.docsByLanguage.get(language) ?? 0;
    return n;
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** Terms starting with a stem, for stems the corpus only has longer forms of. */
  prefixFrequency(stem: string): number {
    let n = 0;
    for (const [term, count] of this.df) if (term.startsWith(stem)) n = Math.max(n, count);
    return n;
  }

  /** BM25's inverse document frequency (never negative), among documents of the term's languages. */
  idf(term: string): number {
    const n = this.population(term);
    const df = Math.min(this.documentFrequency(term), n);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Share of the term's population containing it. */
  share(term: string, df = this.documentFrequency(term)): number {
    return df / Math.max(1, this.population(term));
  }
}
