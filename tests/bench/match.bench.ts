/**
 * Matching at scale, in-process on the embedded engine (the database is not involved):
 * - indexing throughput for 20k measures and 100k ideas, beside a plain MiniSearch index of the same texts;
 * - match latency p50/p95: idea → measures over 20k measures, measure → ideas over 10k and 100k ideas,
 *   each beside one plain engine query for the same text (the baseline);
 * - heap taken by the embedded index at 100k ideas, beside the heap of the documents alone.
 * Sizes: BENCH_MEASURES (20000), BENCH_IDEAS (100000), BENCH_QUERIES (40). Takes a few minutes.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  EmbeddedSearchEngine,
  Matcher,
  TermStats,
  defaultThesaurus,
  ideaDocument,
  indexSettings,
  measureDocument,
  type Document,
  type IdeaSource,
  type MeasureSource,
} from '@partnera/search';
import MiniSearch from 'minisearch';

const MEASURES = Number(process.env.BENCH_MEASURES ?? 20_000);
const IDEAS = Number(process.env.BENCH_IDEAS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 40);

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

// ---- synthetic but realistic texts: thesaurus vocabulary in four languages, filler words, place names ----
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const thesaurus = defaultThesaurus();
const languages = ['bg', 'sq', 'az', 'en'] as const;
const termsBy = Object.fromEntries(
  languages.map((l) => [l, thesaurus.concepts.map((c) => c.terms.filter((t) => t.language === l).map((t) => t.text))]),
) as Record<(typeof languages)[number], string[][]>;
const filler = {
  bg: 'подкрепа развитие изграждане обновяване община жители местни нови мерки програма подобряване център услуги дейности участие качество'.split(' '),
  sq: 'mbeshtetje zhvillim ndertim rinovim bashkia banore lokale masa program permiresim qender sherbime aktivitete cilesi'.split(' '),
  az: 'destek inkisaf tikinti yenilenme belediyye sakinler yerli tedbirler proqram yaxsilasdirma merkez xidmetler fealiyyet keyfiyyet'.split(' '),
  en: 'support development building renewal municipality residents local new measures programme improvement centre services activities quality'.split(' '),
};
const places = Array.from({ length: 400 }, (_, i) => `Selo${i.toString(36)}`);
const sentence = (l: (typeof languages)[number], topical: number, plainWords: number, concepts: string[][]) => {
  const words: string[] = [];
  for (let i = 0; i < topical; i++) words.push(pick(pick(concepts)));
  for (let i = 0; i < plainWords; i++) words.push(pick(filler[l]));
  return words.sort(() => random() - 0.5).join(' ');
};
const topicsOf = (l: (typeof languages)[number]) => [pick(termsBy[l]), pick(termsBy[l])].filter((t) => t.length > 0);

function measure(i: number): MeasureSource {
  const l = pick(languages);
  const topics = topicsOf(l);
  const municipality = `M${i % 300}`;
  return {
    id: `m${i}`,
    planId: `p${i % 300}`,
    planTitle: `Plan ${municipality}`,
    code: `${1 + (i % 5)}.${1 + (i % 3)}.${i}`,
    title: sentence(l, 3, 3, topics),
    description: `${sentence(l, 6, 14, topics)} ${pick(places)}`,
    priorityTitle: sentence(l, 1, 3, topics),
    objectiveTitle: sentence(l, 1, 3, topics),
    language: l,
    organisationId: `o${i % 300}`,
    organisationName: `Municipality ${municipality}`,
    municipality,
    region: `R${i % 30}`,
    country: ['BG', 'AL', 'AZ'][i % 3]!,
    placeNames: [municipality],
    periodStart: 2021,
    periodEnd: 2027,
  };
}

function idea(i: number): IdeaSource {
  const l = pick(languages);
  const topics = topicsOf(l);
  return {
    id: `i${i}`,
    title: sentence(l, 3, 3, topics),
    summary: `${sentence(l, 8, 20, topics)} ${pick(places)}`,
    problem: sentence(l, 3, 10, topics),
    overallObjective: sentence(l, 2, 5, topics),
    specificObjectives: [sentence(l, 2, 4, topics)],
    targetGroups: [sentence(l, 1, 2, topics)],
    expectedResults: [],
    mainActivities: [sentence(l, 2, 4, topics), sentence(l, 2, 4, topics)],
    themes: [],
    language: l,
    organisationId: `n${i % 2000}`,
    organisationName: `NGO ${i % 2000}`,
    places: [`M${i % 300}`],
    regions: [`R${i % 30}`],
    countries: [['BG', 'AL', 'AZ'][i % 3]!],
    placeNames: [],
    publishedAt: i,
  };
}

const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
async function latency(label: string, run: (i: number) => Promise<unknown>, baseline: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    let start = performance.now();
    await baseline(i);
    base.push(performance.now() - start);
    start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  const b50 = percentile(base, 0.5);
  console.log(
    `${label.padEnd(46)} p50 ${p50.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms   | baseline (one plain query) p50 ${b50.toFixed(1).padStart(6)} ms  p95 ${percentile(base, 0.95).toFixed(1).padStart(6)} ms   ratio p50 ${(p50 / Math.max(b50, 0.01)).toFixed(1)}x`,
  );
}

async function index(engine: EmbeddedSearchEngine, uid: string, docs: Document[]) {
  for (let i = 0; i < docs.length; i += 1000) await engine.waitForTask(await engine.addDocuments(uid, docs.slice(i, i + 1000)));
}

function plainIndex(docs: Array<{ id: string; title: string; text: string }>) {
  const mini = new MiniSearch({ fields: ['title', 'text'] });
  mini.addAll(docs);
  return mini;
}

function throughput(label: string, count: number, ms: number, baselineMs: number) {
  console.log(
    `${label.padEnd(46)} ${String(count).padStart(7)} docs in ${(ms / 1000).toFixed(1).padStart(5)} s = ${Math.round(count / (ms / 1000)).toString().padStart(6)} docs/s   | baseline (plain MiniSearch, same texts) ${Math.round(count / (baselineMs / 1000))} docs/s   ratio ${(baselineMs / ms).toFixed(2)}`,
  );
}

const started = performance.now();
console.log(`\n== Matching (embedded engine; ${MEASURES} measures, up to ${IDEAS} ideas, ${QUERIES} queries per line) ==`);
const engine = new EmbeddedSearchEngine();
const stats = new TermStats();
await engine.waitForTask(await engine.ensureIndex('measures', indexSettings('measures', thesaurus)));
await engine.waitForTask(await engine.ensureIndex('ideas', indexSettings('ideas', thesaurus)));
const matcher = new Matcher({ engine, thesaurus, stats, measuresIndex: 'measures', ideasIndex: 'ideas' });

// Measures.
const measureSources = Array.from({ length: MEASURES }, (_, i) => measure(i));
let t0 = performance.now();
const measureDocs = measureSources.map((m) => measureDocument(m, thesaurus));
for (const d of measureDocs) stats.add(d);
await index(engine, 'measures', measureDocs);
const measureMs = performance.now() - t0;
t0 = performance.now();
plainIndex(measureSources.map((m) => ({ id: m.id, title: m.title, text: `${m.description} ${m.objectiveTitle} ${m.priorityTitle}` })));
throughput('index measures (documents built + indexed)', MEASURES, measureMs, performance.now() - t0);

// Ideas: first 10k, then up to the full count, with the heap measured around the large index.
const ideaSources = Array.from({ length: IDEAS }, (_, i) => idea(i));
const first = Math.min(10_000, IDEAS);
t0 = performance.now();
await index(engine, 'ideas', ideaSources.slice(0, first).map((i) => ideaDocument(i, thesaurus)));
const ideasFirstMs = performance.now() - t0;
const plainText = (i: IdeaSource) => ({ id: i.id, title: i.title, text: `${i.summary} ${i.problem} ${i.overallObjective} ${i.mainActivities.join(' ')}` });
t0 = performance.now();
plainIndex(ideaSources.slice(0, first).map(plainText));
throughput(`index ideas (first ${first})`, first, ideasFirstMs, performance.now() - t0);

const ideaInput = (i: IdeaSource) => ({ ...i });
const measureInput = (m: MeasureSource) => m;
const plainQuery = (uid: string, q: string) => engine.search(uid, { q, limit: 10 });

await latency(`idea → measures (${MEASURES} measures)`, (i) => matcher.matchIdeaToMeasures(ideaInput(ideaSources[i]!), {}, 10), (i) => plainQuery('measures', ideaSources[i]!.title));
await latency(`idea → measures, one municipality`, (i) => matcher.matchIdeaToMeasures(ideaInput(ideaSources[i]!), { municipalities: [`M${i % 300}`] }, 10), (i) =>
  engine.search('measures', { q: ideaSources[i]!.title, filter: `municipality = M${i % 300}`, limit: 10 }),
);
await latency(`measure → ideas (${first} ideas)`, (i) => matcher.matchMeasureToIdeas(measureInput(measureSources[i]!), {}, 10), (i) => plainQuery('ideas', measureSources[i]!.title));

if (IDEAS > first) {
  await engine.waitForTask(await engine.deleteIndex('ideas'));
  await engine.waitForTask(await engine.ensureIndex('ideas', indexSettings('ideas', thesaurus)));
  const before = heapMb();
  const docs = ideaSources.map((i) => ideaDocument(i, thesaurus));
  const docsMb = heapMb() - before;
  t0 = performance.now();
  await index(engine, 'ideas', docs);
  const ideasMs = performance.now() - t0;
  const indexMb = heapMb() - before - docsMb;
  t0 = performance.now();
  const plain = plainIndex(ideaSources.map(plainText));
  throughput(`index ideas (all ${IDEAS}, engine only)`, IDEAS, ideasMs, performance.now() - t0);
  void plain;
  console.log(
    `${`heap of the embedded index at ${IDEAS} ideas`.padEnd(46)} ${indexMb.toFixed(0).padStart(7)} MB   | baseline (the documents alone) ${docsMb.toFixed(0)} MB   ratio ${(indexMb / Math.max(docsMb, 1)).toFixed(2)}`,
  );
  await latency(`measure → ideas (${IDEAS} ideas)`, (i) => matcher.matchMeasureToIdeas(measureInput(measureSources[i]!), {}, 10), (i) => plainQuery('ideas', measureSources[i]!.title));
  await latency(`measure → ideas (${IDEAS} ideas), one region`, (i) => matcher.matchMeasureToIdeas(measureInput(measureSources[i]!), { regions: [`R${i % 30}`] }, 10), (i) =>
    engine.search('ideas', { q: measureSources[i]!.title, filter: `regions = R${i % 30}`, limit: 10 }),
  );
}
console.log(`(match benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
