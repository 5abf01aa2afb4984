import { normalize, tokenize, type Token } from '../text/normalize';
import economy from './data-economy';
import infrastructure from './data-infrastructure';
import society from './data-society';
import more from './data-more';
import specific from './data-specific';

export const THESAURUS_LANGUAGES = ['en', 'bg', 'sq', 'az'] as const;
export type ThesaurusLanguage = (typeof THESAURUS_LANGUAGES)[number];

interface WordPattern {
  word: string;
  prefix: boolean;
}

export interface Term {
  /** As written in the data file (minus the `*`), for synonyms and explanations. */
  text: string;
  language: ThesaurusLanguage;
  words: WordPattern[];
}

export interface Concept {
  id: string;
  /** Platform theme codes this concept belongs to. */
  themes: string[];
  terms: Term[];
}

/** One place a concept was found in a text: token positions (inclusive) and offsets. */
export interface ConceptHit {
  concept: Concept;
  first: number;
  last: number;
  start: number;
  end: number;
}

/** Parses the block format of the data files (see data-infrastructure.ts). */
export function parseConcepts(source: string): Concept[] {
  const concepts: Concept[] = [];
  let current: Concept | null = null;
  for (const [n, raw] of source.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^([a-z_]+)\s*\[([a-z_\s]*)\]$/.exec(line);
    if (header) {
      current = { id: header[1]!, themes: header[2]!.split(/\s+/).filter(Boolean), terms: [] };
      concepts.push(current);
      continue;
    }
    const entry = /^(en|bg|sq|az):\s*(.+)$/.exec(line);
    if (!entry || !current) throw new Error(`thesaurus line ${n + 1} is neither a concept header nor a language line: "${line}"`);
    for (const text of entry[2]!.split('|').map((t) => t.trim()).filter(Boolean)) {
      const words = text.split(/\s+/).map((w) => ({ word: normalize(w.replace(/\*$/, '')).replace(/[^\p{L}\p{N}]/gu, ''), prefix: w.endsWith('*') }));
      if (words.some((w) => !w.word)) continue;
      current.terms.push({ text: text.replace(/\*/g, ''), language: entry[1] as ThesaurusLanguage, words });
    }
  }
  return concepts;
}

const BUCKET = 3;

/**
 * The multilingual domain thesaurus: concept groups in bg, sq, az and en. It finds concepts in any
 * text (whatever its language) and produces the synonym settings both engines use.
 */
export class Thesaurus {
  readonly concepts: Concept[];
  readonly byId: Map<string, Concept>;
  private readonly exact = new Map<string, Array<{ concept: Concept; term: Term }>>();
  private readonly prefixed = new Map<string, Array<{ concept: Concept; term: Term }>>();

  constructor(concepts: Concept[]) {
    this.concepts = concepts;
    this.byId = new Map(concepts.map((c) => [c.id, c]));
    for (const concept of concepts) {
      for (const term of concept.terms) {
        const first = term.words[0]!;
        const map = first.prefix ? this.prefixed : this.exact;
        const key = first.prefix ? first.word.slice(0, BUCKET) : first.word;
        const list = map.get(key) ?? [];
        list.push({ concept, term });
        map.set(key, list);
      }
    }
  }

  /** Every concept occurrence in the tokens (overlaps allowed: a word can carry two concepts). */
  annotateTokens(tokens: Token[]): ConceptHit[] {
    const hits: ConceptHit[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const norm = tokens[i]!.norm;
      const candidates = [...(this.exact.get(norm) ?? []), ...(norm.length >= BUCKET ? (this.prefixed.get(norm.slice(0, BUCKET)) ?? []) : [])];
      for (const { concept, term } of candidates) {
        const last = i + term.words.length - 1;
        if (last >= tokens.length) continue;
        const ok = term.words.every((w, k) => {
          const t = tokens[i + k]!.norm;
          return w.prefix ? t.startsWith(w.word) : t === w.word;
        });
        const key = `${concept.id}:${i}:${last}`;
        if (!ok || seen.has(key)) continue;
        seen.add(key);
        hits.push({ concept, first: i, last, start: tokens[i]!.start, end: tokens[last]!.end });
      }
    }
    return hits;
  }

  annotate(text: string): ConceptHit[] {
    return this.annotateTokens(tokenize(text));
  }

  /** Concept ids in a text with how often each occurs. */
  conceptCounts(text: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const hit of this.annotate(text)) counts.set(hit.concept.id, (counts.get(hit.concept.id) ?? 0) + 1);
    return counts;
  }

  /**
   * Mutual synonyms for the engines (Meilisearch's `synonyms` setting): the leading terms of a concept
   * in each language (its names, e.g. youth / младеж / të rinj / gənc) stand for one another. The rest
   * of a group is related vocabulary, right for matching but too loose for a person's search. A prefix
   * term enters as its stem (`младеж*` → `младеж`), which is what the stemmed copies of documents hold.
   */
  synonyms(leading = 2): Record<string, string[]> {
    const out = new Map<string, Set<string>>();
    for (const concept of this.concepts) {
      const names = THESAURUS_LANGUAGES.flatMap((language) => concept.terms.filter((t) => t.language === language).slice(0, leading));
      const whole = [...new Set(names.map((t) => t.words.map((w) => w.word).join(' ')))];
      for (const term of whole) {
        const set = out.get(term) ?? new Set<string>();
        for (const other of whole) if (other !== term) set.add(other);
        out.set(term, set);
      }
    }
    return Object.fromEntries([...out].filter(([, s]) => s.size > 0).map(([k, s]) => [k, [...s]]));
  }
}

/** The token under which a concept is indexed: one word, no separators, never a prefix of another. */
export const conceptToken = (id: string) => `zz${id.replace(/_/g, '')}q`;

let shared: Thesaurus | null = null;

export function defaultThesaurus(): Thesaurus {
  shared ??= new Thesaurus([infrastructure, society, economy, specific, more].flatMap(parseConcepts));
  return shared;
}
