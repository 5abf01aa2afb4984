/**
 * `pnpm eval:match [--data DIR] [--json]`: ranks the measures of a labelled data set for each idea
 * with the matcher (on a fresh embedded engine; the app database is never touched) and with a plain
 * PostgreSQL full-text baseline, and prints nDCG@10, MRR and P@5 overall, per language and per tag.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedSearchEngine, Matcher, TermStats, defaultThesaurus, indexSettings, measureDocument } from '@partnera/search';
import { FullTextBaseline } from './baseline';
import { ideaFullText, loadDataset, toIdeaInput } from './dataset';
import { breakdown, scoreRanking, type Aggregate, type Scores } from './metrics';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

function parseArgs(argv: string[]) {
  let data = resolve(repoRoot, '../shared/eval/match-dev');
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--data') {
      const dir = argv[++i];
      if (!dir) throw new Error('--data needs a folder');
      // pnpm runs scripts inside the package; INIT_CWD is where the user typed the command.
      data = resolve(process.env.INIT_CWD ?? process.cwd(), dir);
    } else if (arg !== '--') throw new Error(`unknown argument ${arg}; use --data DIR and/or --json`);
  }
  if (!existsSync(resolve(data, 'plans.json'))) throw new Error(`no plans.json in ${data}`);
  return { data, json };
}

async function main() {
  const { data, json } = parseArgs(process.argv.slice(2));
  const { measures, ideas } = loadDataset(data);
  const thesaurus = defaultThesaurus();
  const engine = new EmbeddedSearchEngine();
  const stats = new TermStats();
  await engine.waitForTask(await engine.ensureIndex('eval_measures', indexSettings('measures', thesaurus)));
  await engine.waitForTask(await engine.ensureIndex('eval_ideas', indexSettings('ideas', thesaurus)));
  const docs = measures.map((m) => measureDocument(m, thesaurus));
  for (const d of docs) stats.add(d);
  await engine.waitForTask(await engine.addDocuments('eval_measures', docs));
  const matcher = new Matcher({ engine, thesaurus, stats, measuresIndex: 'eval_measures', ideasIndex: 'eval_ideas' });
  const baseline = await FullTextBaseline.create(measures);

  const matcherRows: Array<{ language: string; tags: string[]; scores: Scores }> = [];
  const baselineRows: typeof matcherRows = [];
  const noMatch: Array<{ id: string; strong: boolean; top: string | null; band: string | null }> = [];
  const details: Array<{ id: string; ndcg10: number; top: string[] }> = [];
  for (const idea of ideas) {
    const filters = idea.municipality_ids?.length ? { municipalities: idea.municipality_ids } : {};
    const result = await matcher.matchIdeaToMeasures(toIdeaInput(idea), filters, 10);
    const ranked = result.matches.map((m) => m.id);
    if (idea.relevant.length === 0) {
      const top = result.matches[0];
      noMatch.push({ id: idea.id, strong: top?.band === 'strong', top: top ? String(top.document.code) : null, band: top?.band ?? null });
      continue;
    }
    const relevant = new Map(idea.relevant.map((r) => [r.measure_id.replace(/[^A-Za-z0-9_-]/g, '_'), r.grade]));
    const scores = scoreRanking(ranked, relevant);
    matcherRows.push({ language: idea.language, tags: idea.tags, scores });
    details.push({ id: idea.id, ndcg10: Math.round(scores.ndcg10 * 1000) / 1000, top: result.matches.slice(0, 3).map((m) => `${m.document.code}:${m.band}`) });
    const baseRanked = await baseline.rank(ideaFullText(idea), idea.municipality_ids?.length ? idea.municipality_ids : undefined);
    baselineRows.push({ language: idea.language, tags: idea.tags, scores: scoreRanking(baseRanked, relevant) });
  }
  await baseline.close();

  const report = {
    matcher: { ...breakdown(matcherRows), noMatchStrong: noMatch.filter((n) => n.strong).length, noMatchTotal: noMatch.length },
    // The baseline has no fit bands, so it cannot be asked for strong matches.
    baseline: { ...breakdown(baselineRows), noMatchStrong: null, noMatchTotal: noMatch.length },
  };
  if (json) {
    console.log(JSON.stringify(report));
    return;
  }
  const line = (label: string, a: Aggregate | undefined, b: Aggregate | undefined) =>
    console.log(
      `${label.padEnd(22)} ${String(a?.n ?? 0).padStart(3)}   ` +
        `${fmt(a?.ndcg10)} ${fmt(a?.mrr)} ${fmt(a?.p5)}   |   ${fmt(b?.ndcg10)} ${fmt(b?.mrr)} ${fmt(b?.p5)}`,
    );
  console.log(`\nMatching evaluation on ${data}: ${measures.length} measures, ${ideas.length} ideas\n`);
  console.log(`${''.padEnd(22)}   n   matcher: nDCG@10  MRR   P@5   |   baseline (PostgreSQL simple FTS): nDCG@10  MRR   P@5`);
  line('overall', report.matcher.overall, report.baseline.overall);
  for (const l of Object.keys(report.matcher.byLanguage)) line(`language ${l}`, report.matcher.byLanguage[l], report.baseline.byLanguage[l]);
  for (const t of Object.keys(report.matcher.byTag)) line(`tag ${t}`, report.matcher.byTag[t], report.baseline.byTag[t]);
  console.log(`\nno_match ideas with a strong-band match: ${report.matcher.noMatchStrong} of ${noMatch.length}` + ` (${noMatch.map((n) => `${n.id}: ${n.band ?? 'none'}`).join(', ')})`);
  if (process.env.EVAL_DETAILS) for (const d of details) console.log(d.id, d.ndcg10, d.top.join(' '));
}

const fmt = (v: number | undefined) => (v === undefined ? '  –  ' : v.toFixed(3));

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
