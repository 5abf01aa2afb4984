import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@partnera/db';
import type { SearchEngine } from '@partnera/search';
import { buildApp, loadConfig, type App, type Config, type Mail } from '@partnera/server';
import { testDatabase } from './db';

export interface TestApp {
  app: App;
  handle: DatabaseHandle;
  /** Mail the app sent, when built with `mail: true`. */
  mails: Mail[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<Config>;
  /** Record mail instead of having no SMTP server. */
  mail?: boolean;
  /** Serve the built web app too (browser tests). */
  web?: boolean;
  /** PostgreSQL connections (benchmarks use the production size). */
  poolSize?: number;
  /** A search engine to use instead of the embedded one (e.g. one that can be made to fail). */
  searchEngine?: SearchEngine;
  /** The app's clock (tests that move time forward, e.g. to a forum session's start). */
  clock?: () => Date;
  /**
   * A database of the caller's instead of the shared one, left open by `close` (an app whose clock runs ahead
   * must not have its periodic jobs act on other test files' data).
   */
  database?: DatabaseHandle;
}

/** The real app on a real database, as the CLI builds it; request logs off. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const handle = options.database ?? (await testDatabase(options.poolSize));
  const mails: Mail[] = [];
  const config = loadConfig(
    { JWT_SECRET: `test-secret-${randomUUID()}-${randomUUID()}` },
    {
      authRateLimit: 10_000,
      postRateLimit: 10_000,
      refreshRateLimit: 10_000,
      redisUrl: undefined,
      ...(options.web ? {} : { webBuildDir: '/nonexistent' }),
      ...options.config,
    },
  );
  const app = await buildApp({
    config,
    db: handle.db,
    databaseKind: handle.kind,
    logger: false,
    mailer: options.mail ? { send: async (m) => void mails.push(m) } : null,
    searchEngine: options.searchEngine,
    clock: options.clock,
  });
  await app.ready();
  return {
    app,
    handle,
    mails,
    async close() {
      await app.close();
      if (!options.database) await handle.close();
    },
  };
}

/** Listens on a random loopback port, for real HTTP clients and browsers. */
export async function startTestServer(options: TestAppOptions = { web: true }) {
  const test = await createTestApp(options);
  const address = await test.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...test, url: address };
}
