import { analyse, isContent, placeKeysOf } from '../indexes/analysis';
import { themesOf } from '../indexes/documents';
import type { Token } from '../text/normalize';
import { conceptToken, type Thesaurus } from '../thesaurus/thesaurus';
import type { TermStats } from './term-stats';

/** A named piece of the text being matched (an idea's title, summary, activities …) and its weight. */
export interface TextPart {
  part: string;
  text: string;
  weight: number;
}

export interface WeightedTerm {
  /** The stem (or concept token) sent to the engine. */
  term: string;
  weight: number;
  /** Parts of the text it came from, strongest first. */
  parts: string[];
  /** The words as written, for explanations. */
  surface: string[];
}

export interface Profile {
  terms: WeightedTerm[];
  concepts: Array<WeightedTerm & { conceptId: string }>;
  properNouns: Token[];
  placeKeys: string[];
  /** Keys of capitalised words opening a sentence: names only if some plan knows them. */
  openingKeys: string[];
  /** Themes the text is about (from its concepts). */
  themes: string[];
  /** Title stems, for the phrase query that rewards words appearing together. */
  titleStems: string[];
}

/** Terms found in more than this share of measures say nothing about which one fits. */
const UBIQUITOUS = 0.35;

function accumulate(map: Map<string, { score: number; parts: Map<string, number>; surface: Set<string> }>, key: string, part: string, weight: number, surface: string) {
  const entry = map.get(key) ?? { score: 0, parts: new Map(), surface: new Set() };
  entry.score += weight;
  entry.parts.set(part, (entry.parts.get(part) ?? 0) + weight);
  entry.surface.add(surface);
  map.set(key, entry);
}

/**
 * Weighs a text's stems and concepts by how often and where they occur (log-damped) and by how
 * distinctive they are in the measure corpus (IDF), so a long idea is reduced to the words that
 * tell measures apart rather than cut at the engine's ten-word limit.
 */
export function buildProfile(parts: TextPart[], language: string, thesaurus: Thesaurus, stats: TermStats): Profile {
  const stems = new Map<string, { score: number; parts: Map<string, number>; surface: Set<string> }>();
  const concepts = new Map<string, { score: number; parts: Map<string, number>; surface: Set<string> }>();
  const properNouns: Token[] = [];
  const openingCapitals: Token[] = [];
  let titleStems: string[] = [];
  const conceptThemes: Array<[string[], number]> = [];
  for (const p of parts) {
    if (!p.text.trim()) continue;
    const analysis = analyse(p.text, language, thesaurus);
    if (p.part === 'title') titleStems = [...new Set(analysis.stems)].slice(0, 10);
    const content = analysis.tokens.filter(isContent);
    analysis.stems.forEach((stem, i) => accumulate(stems, stem, p.part, p.weight, content[i]?.raw ?? stem));
    for (const hit of analysis.concepts) {
      accumulate(concepts, hit.concept.id, p.part, p.weight, p.text.slice(hit.start, hit.end));
      conceptThemes.push([hit.concept.themes, p.weight]);
    }
    properNouns.push(...analysis.properNouns);
    openingCapitals.push(...analysis.openingCapitals);
  }
  const terms: WeightedTerm[] = [];
  for (const [term, e] of stems) {
    const df = stats.documentFrequency(term) || stats.prefixFrequency(term);
    if (df === 0 || stats.share(term, df) > UBIQUITOUS || term.length < 3) continue;
    terms.push({ term, weight: Math.log1p(e.score) * stats.idf(term), parts: rank(e.parts), surface: [...e.surface] });
  }
  const conceptTerms: Array<WeightedTerm & { conceptId: string }> = [];
  for (const [id, e] of concepts) {
    const token = conceptToken(id);
    const df = stats.documentFrequency(token);
    if (df === 0 || stats.share(token, df) > UBIQUITOUS * 1.5) continue;
    conceptTerms.push({ conceptId: id, term: token, weight: Math.log1p(e.score) * stats.idf(token), parts: rank(e.parts), surface: [...e.surface] });
  }
  terms.sort((a, b) => b.weight - a.weight);
  conceptTerms.sort((a, b) => b.weight - a.weight);
  return {
    terms,
    concepts: conceptTerms,
    properNouns,
    placeKeys: placeKeysOf(properNouns),
    openingKeys: placeKeysOf(openingCapitals),
    themes: themesOf(conceptThemes),
    titleStems,
  };
}

const rank = (parts: Map<string, number>) => [...parts].sort((a, b) => b[1] - a[1]).map(([p]) => p);
