import type { Document, IndexSettings, SearchEngine } from './types';

export interface RebuildProgress {
  index: string;
  done: number;
  total: number;
}

/**
 * Rebuilds an index without a moment of emptiness: documents go into a fresh twin index, which is
 * then swapped with the live one (Meilisearch's index swap) and the old contents are dropped.
 */
export async function rebuildIndex(
  engine: SearchEngine,
  uid: string,
  settings: IndexSettings,
  batches: AsyncIterable<Document[]>,
  total: number,
  onProgress?: (p: RebuildProgress) => void,
): Promise<number> {
  const twin = `${uid}__rebuild`;
  if (await engine.indexExists(twin)) await engine.waitForTask(await engine.deleteIndex(twin));
  await expectSuccess(engine, await engine.ensureIndex(twin, settings));
  if (!(await engine.indexExists(uid))) await expectSuccess(engine, await engine.ensureIndex(uid, settings));
  let done = 0;
  onProgress?.({ index: uid, done, total });
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    await expectSuccess(engine, await engine.addDocuments(twin, batch));
    done += batch.length;
    onProgress?.({ index: uid, done, total });
  }
  await expectSuccess(engine, await engine.swapIndexes([[uid, twin]]));
  await expectSuccess(engine, await engine.deleteIndex(twin));
  return done;
}

async function expectSuccess(engine: SearchEngine, enqueued: Awaited<ReturnType<SearchEngine['addDocuments']>>) {
  const task = await engine.waitForTask(enqueued);
  if (task.status !== 'succeeded') throw new Error(`search task ${task.type} on ${task.indexUid} failed: ${task.error?.message ?? task.status}`);
  return task;
}

/** "120 measures, 40 ideas, …" for the logs. */
export const describeCounts = (counts: Record<string, number>) => Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(', ');
