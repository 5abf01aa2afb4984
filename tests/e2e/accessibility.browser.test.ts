import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { migrateToLatest, seedDemoData } from '@partnera/db';
import { hashPassword, seedDemoProposal } from '@partnera/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TestPages } from '../support/browser';
import { scratchDatabase } from '../support/db';
import { startTestServer } from '../support/server';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  rule: string;
  impact: string | null;
  elements: string[];
}

/** Runs axe-core on the page as it is now, against WCAG 2.1 levels A and AA. */
async function violations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact, elements: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

describe('accessibility of the main pages, filled with the demo data (axe-core, WCAG 2.1 A and AA)', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let pages: TestPages;
  const found: Record<string, Violation[]> = {};

  /** The first item's id from a list endpoint, as the demo account sees it. */
  async function firstId(url: string, token?: string): Promise<string> {
    const res = await server.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const id = res.json<{ items: Array<{ id: string }> }>().items[0]?.id;
    if (!id) throw new Error(`the demo data has nothing at ${url}`);
    return id;
  }

  async function check(page: Page, path: string) {
    await page.goto(`${server.url}${path}`);
    await page
      .locator('main h1')
      .first()
      .waitFor()
      .catch(() => {
        throw new Error(`${path} shows no heading`);
      });
    // Lists and panels load after the heading: let them settle before looking.
    await page.waitForLoadState('networkidle');
    const list = await violations(page);
    if (list.length) found[path] = list;
  }

  beforeAll(async () => {
    database = await scratchDatabase(4);
    await migrateToLatest(database.handle.db);
    await seedDemoData(database.handle.db, hashPassword);
    server = await startTestServer({ web: true, database: database.handle });
    await seedDemoProposal(database.handle.db, server.app.services.proposals);
    browser = await launchBrowser();
    pages = new TestPages(browser, server.url);
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
    await database?.dispose();
  });

  it('finds no violations on the public pages', { timeout: 180_000 }, async () => {
    const visitor = await pages.open();
    const paths = [
      '/',
      '/login',
      '/register',
      '/organisations',
      `/organisations/${await firstId('/api/v1/organisations?limit=1')}`,
      '/plans',
      `/plans/${await firstId('/api/v1/plans?limit=1')}`,
      '/ideas',
      `/ideas/${await firstId('/api/v1/ideas?limit=1')}`,
      '/shortlists',
      '/forums',
      '/forums/sessions',
      `/forums/sessions/${await firstId('/api/v1/forum-sessions?when=past&limit=1')}`,
      '/events',
      `/events/${await firstId('/api/v1/events?limit=1')}`,
      '/news',
      `/news/${await firstId('/api/v1/news?limit=1')}`,
      '/search?q=water',
    ];
    for (const path of paths) await check(visitor, path);
    expect(found).toEqual({});
  });

  /** Signs the demo account in, in the browser and for API look-ups. */
  async function demoAccount(email: string): Promise<{ page: Page; token: string }> {
    const account = { email, password: 'partnera-demo-2026' };
    const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: account });
    return { page: await pages.signedIn(account), token: login.json<{ accessToken: string }>().accessToken };
  }

  it('finds no violations on the pages of a signed-in NGO editor', { timeout: 180_000 }, async () => {
    const { page, token } = await demoAccount('ngo@partnera.local');
    const paths = [
      '/profile',
      '/notifications',
      '/rooms',
      '/proposals',
      `/proposals/${await firstId('/api/v1/proposals?limit=1', token)}`,
      `/shortlists/${await firstId('/api/v1/shortlists?limit=1', token)}/report`,
      '/ideas/new',
      '/events/new',
      '/organisations/new',
    ];
    for (const path of paths) await check(page, path);
    expect(found).toEqual({});
  });

  it("finds no violations in a regional council's review round", { timeout: 120_000 }, async () => {
    const { page, token } = await demoAccount('municipality@partnera.local');
    await check(page, `/shortlists/${await firstId('/api/v1/shortlists?limit=1', token)}`);
    await check(page, '/shortlists/new');
    expect(found).toEqual({});
  });

  it('finds no violations in the forums and on the moderators\' and admins\' pages', { timeout: 120_000 }, async () => {
    const { page } = await demoAccount('moderator@partnera.local');
    const category = (await server.app.inject({ method: 'GET', url: '/api/v1/forums/categories' })).json<{ items: Array<{ slug: string }> }>().items[0]!.slug;
    const thread = await firstId(`/api/v1/forums/categories/${category}/threads?limit=1`);
    for (const path of [`/forums/${category}`, `/forums/threads/${thread}`, '/moderation', '/moderation/log']) await check(page, path);
    const admin = await demoAccount('admin@partnera.local');
    await check(admin.page, '/admin/verification');
    expect(found).toEqual({});
    expect(pages.errors).toEqual([]);
  });
});
