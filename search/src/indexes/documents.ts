import type { Document } from '../engine/types';
import { conceptToken, type Thesaurus } from '../thesaurus/thesaurus';
import { analyse, municipalityKey, placeKeysOf, placeNameKeys } from './analysis';
import { stemField } from './definitions';

/** A plan measure with what the matcher needs around it: its priority and objective, plan and place. */
export interface MeasureSource {
  id: string;
  planId: string;
  planTitle: string;
  code: string;
  title: string;
  description: string;
  priorityTitle: string;
  objectiveTitle: string;
  language: string;
  organisationId: string;
  organisationName: string;
  /** Territory code of the owning municipality (or region for a regional council). */
  municipality: string | null;
  region: string | null;
  country: string;
  /** Names of the municipality (local, English) first, then of its region. */
  placeNames: string[];
  periodStart: number;
  periodEnd: number;
}

export interface IdeaSource {
  id: string;
  title: string;
  summary: string;
  problem: string;
  overallObjective: string;
  specificObjectives: string[];
  targetGroups: string[];
  expectedResults: string[];
  mainActivities: string[];
  themes: string[];
  language: string;
  organisationId: string;
  organisationName: string;
  places: string[];
  regions: string[];
  countries: string[];
  placeNames: string[];
  publishedAt: number | null;
}

export interface OrganisationSource {
  id: string;
  name: string;
  description: string;
  kind: string;
  country: string;
  territoryCode: string | null;
  region: string | null;
  verified: boolean;
  placeNames: string[];
}

/** Themes a text is about, from the concepts found in it (a concept in the title weighs double). */
export function themesOf(weighted: Array<[string[], number]>, max = 3): string[] {
  const scores = new Map<string, number>();
  for (const [themes, weight] of weighted) for (const theme of themes) scores.set(theme, (scores.get(theme) ?? 0) + weight);
  return [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, max).map(([theme]) => theme);
}

function conceptField(hits: ReturnType<typeof analyse>['concepts']): string[] {
  return [...new Set(hits.map((h) => conceptToken(h.concept.id)))];
}

export function measureDocument(m: MeasureSource, thesaurus: Thesaurus, syncStamp = 0): Document {
  const context = [m.priorityTitle, m.objectiveTitle].filter(Boolean).join(' · ');
  const title = analyse(m.title, m.language, thesaurus);
  const rest = analyse(`${m.description}\n${context}`, m.language, thesaurus);
  const themes = themesOf([...title.concepts.map((h): [string[], number] => [h.concept.themes, 2]), ...rest.concepts.map((h): [string[], number] => [h.concept.themes, 1])]);
  return {
    id: m.id,
    planId: m.planId,
    planTitle: m.planTitle,
    code: m.code,
    title: m.title,
    description: m.description,
    context,
    organisationId: m.organisationId,
    organisationName: m.organisationName,
    municipality: m.municipality,
    region: m.region,
    country: m.country,
    placeNames: m.placeNames.join(' · '),
    placeKeys: [
      ...new Set([
        ...placeNameKeys(m.placeNames.slice(0, 2)).map(municipalityKey),
        ...placeNameKeys(m.placeNames),
        ...placeKeysOf([...title.properNouns, ...rest.properNouns]),
      ]),
    ].join(' '),
    periodStart: m.periodStart,
    periodEnd: m.periodEnd,
    language: m.language,
    [stemField(m.language)]: [...title.stems, ...rest.stems].join(' '),
    concepts: conceptField([...title.concepts, ...rest.concepts]),
    themes,
    syncStamp,
  };
}

export function ideaText(i: Pick<IdeaSource, 'problem' | 'overallObjective' | 'specificObjectives' | 'targetGroups' | 'expectedResults' | 'mainActivities'>): string {
  return [i.problem, i.overallObjective, ...i.specificObjectives, ...i.targetGroups, ...i.expectedResults, ...i.mainActivities].filter(Boolean).join('\n');
}

export function ideaDocument(i: IdeaSource, thesaurus: Thesaurus, syncStamp = 0): Document {
  const body = ideaText(i);
  const all = analyse(`${i.title}\n${i.summary}\n${body}`, i.language, thesaurus);
  const derived = themesOf(all.concepts.map((h) => [h.concept.themes, 1]));
  return {
    id: i.id,
    title: i.title,
    summary: i.summary,
    body,
    organisationId: i.organisationId,
    organisationName: i.organisationName,
    places: i.places,
    regions: i.regions,
    countries: i.countries,
    placeNames: i.placeNames.join(' · '),
    placeKeys: [...new Set([...placeNameKeys(i.placeNames), ...placeKeysOf(all.properNouns)])].join(' '),
    // The themes the authors chose (facets show these); derived ones feed only the matcher.
    themes: i.themes,
    topics: derived,
    language: i.language,
    [stemField(i.language)]: all.stems.join(' '),
    concepts: conceptField(all.concepts),
    publishedAt: i.publishedAt,
    syncStamp,
  };
}

export function organisationDocument(o: OrganisationSource, thesaurus: Thesaurus, language = 'en'): Document {
  const analysed = analyse(`${o.name}\n${o.description}`, language, thesaurus);
  return {
    id: o.id,
    name: o.name,
    description: o.description,
    kind: o.kind,
    country: o.country,
    territoryCode: o.territoryCode,
    region: o.region,
    verified: o.verified,
    placeNames: o.placeNames.join(' · '),
    [stemField(language)]: analysed.stems.join(' '),
  };
}

/** Markdown punctuation is noise for search. */
const plainText = (markdown: string) => markdown.replace(/[*_`>#\[\]()!~|-]+/g, ' ');

/** A visible forum post. */
export interface PostSource {
  id: string;
  body: string;
  threadId: string;
  threadTitle: string;
  categoryId: string;
  categorySlug: string;
  createdAt: number;
}

/** Posts have no stored language: their words are indexed as written (with the engine's typo tolerance). */
export function postDocument(p: PostSource): Document {
  return {
    id: p.id,
    body: plainText(p.body),
    threadId: p.threadId,
    threadTitle: p.threadTitle,
    categoryId: p.categoryId,
    categorySlug: p.categorySlug,
    createdAt: p.createdAt,
  };
}

/** A published (or cancelled) event. */
export interface EventSource {
  id: string;
  title: string;
  description: string;
  kind: string;
  status: string;
  language: string;
  startsAt: number;
  endsAt: number;
  timeZone: string;
  organisationId: string;
  organisationName: string;
  country: string;
  municipality: string | null;
  region: string | null;
  /** The municipality's names (local, English) and the address as typed. */
  placeNames: string[];
}

export function eventDocument(e: EventSource, thesaurus: Thesaurus): Document {
  const analysed = analyse(`${e.title}\n${e.description}`, e.language, thesaurus);
  return {
    id: e.id,
    title: e.title,
    description: plainText(e.description),
    kind: e.kind,
    status: e.status,
    language: e.language,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    organisationId: e.organisationId,
    organisationName: e.organisationName,
    country: e.country,
    municipality: e.municipality,
    region: e.region,
    placeNames: e.placeNames.join(' · '),
    [stemField(e.language)]: analysed.stems.join(' '),
  };
}

/** A published, visible news post; platform news has no organisation. */
export interface NewsSource {
  id: string;
  title: string;
  summary: string;
  body: string;
  language: string;
  publishedAt: number | null;
  organisationId: string | null;
  organisationName: string | null;
  country: string | null;
}

export function newsDocument(n: NewsSource, thesaurus: Thesaurus): Document {
  const analysed = analyse(`${n.title}\n${n.summary}\n${n.body}`, n.language, thesaurus);
  return {
    id: n.id,
    title: n.title,
    summary: n.summary,
    body: plainText(n.body),
    language: n.language,
    publishedAt: n.publishedAt,
    organisationId: n.organisationId,
    organisationName: n.organisationName,
    country: n.country,
    [stemField(n.language)]: analysed.stems.join(' '),
  };
}
