/** Bounded closed-loop load against one URL on this machine: requests/s and latency percentiles. */
export async function measure(url: string, init?: () => RequestInit, options = { concurrency: 8, durationMs: Number(process.env.BENCH_MS ?? 3000) }) {
  const latencies: number[] = [];
  const deadline = performance.now() + options.durationMs;
  let errors = 0;
  async function worker() {
    while (performance.now() < deadline) {
      const start = performance.now();
      const res = await fetch(url, init?.());
      await res.arrayBuffer();
      if (!res.ok) errors++;
      latencies.push(performance.now() - start);
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: latencies.length / (options.durationMs / 1000), p50: pick(0.5), p99: pick(0.99), errors };
}

/** Prints one endpoint's line with its ratio to the baseline measured in the same run. */
export function report(name: string, r: Awaited<ReturnType<typeof measure>>, baselineRps: number) {
  console.log(
    `${name.padEnd(52)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  ` +
      `ratio ${(r.rps / baselineRps).toFixed(3)}${r.errors ? `  errors ${r.errors}` : ''}`,
  );
}

/** Benchmarks run outside Vitest's global setup, so they migrate a PostgreSQL DATABASE_URL themselves. */
export async function migrateBenchDatabase() {
  const { databaseUrl } = await import('../support/db');
  if (!databaseUrl) return;
  const { connectDatabase, migrateToLatest } = await import('@partnera/db');
  const handle = connectDatabase({ databaseUrl });
  await migrateToLatest(handle.db);
  await handle.close();
}
