import type { DatabaseHandle } from '@partnera/db';
import { EmbeddedSearchEngine, MeiliSearchEngine, SearchIndexer, defaultThesaurus, describeCounts, type RebuildProgress } from '@partnera/search';
import type { Config } from './config';

/** A one-line progress bar that redraws itself in a terminal (and prints plain lines when piped). */
export function progressBar(out: NodeJS.WriteStream = process.stdout) {
  let lastLine = '';
  return (p: RebuildProgress) => {
    const share = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const line = `${p.index.padEnd(28)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(p.done).padStart(7)}/${p.total} ${(share * 100).toFixed(0).padStart(3)}%`;
    if (out.isTTY) {
      out.write(`\r${line}`);
      if (p.done >= p.total) out.write('\n');
    } else if (p.done >= p.total || line.slice(0, 40) !== lastLine.slice(0, 40)) {
      out.write(`${line}\n`);
    }
    lastLine = line;
  };
}

/**
 * `pnpm reindex`: rebuilds every search index from the database with index swaps, so searches keep
 * working meanwhile. Against the embedded engine it rebuilds in this process only (a running server
 * builds its own at boot), which still checks every document can be built.
 */
export async function reindex(config: Config, handle: DatabaseHandle) {
  const engine = config.meiliUrl ? new MeiliSearchEngine({ url: config.meiliUrl, apiKey: config.meiliMasterKey }) : new EmbeddedSearchEngine();
  if (engine.kind === 'embedded') console.log('search: embedded engine (no MEILI_URL); a running server rebuilds its own index at boot');
  else {
    const health = await engine.health();
    if (health.status !== 'available') throw new Error(`Meilisearch at ${config.meiliUrl} is unavailable: ${health.detail ?? ''}`);
  }
  const started = performance.now();
  const counts = await new SearchIndexer(engine, defaultThesaurus(), config.searchIndexPrefix).rebuildAll(handle.db, progressBar());
  console.log(`reindexed ${describeCounts(counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await engine.close();
  await handle.close();
}
