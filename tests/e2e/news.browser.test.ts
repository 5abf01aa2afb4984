import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/app';
import { launchBrowser, TestPages } from '../support/browser';
import { createOrganisation, registerUser, type TestUser } from '../support/factories';
import { joinOrganisation } from '../support/news';
import { registerModerator } from '../support/rooms';

const STEP_TIMEOUT = 60_000;

describe('news: an organisation editor publishes a post that visitors find on the front page and the organisation page', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let pages: TestPages;
  const tag = randomUUID().slice(0, 6);
  const title = `Bridge repaired ${tag}`;
  let editor: TestUser;
  let orgId: string;
  let orgName: string;
  let editorPage: Page;
  let visitorPage: Page;
  let moderatorPage: Page;
  let newsId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    pages = new TestPages(browser, server.url);
    const owner = await registerUser(server.app, { displayName: `Olga ${tag}` });
    editor = await registerUser(server.app, { displayName: `Emil ${tag}` });
    const org = await createOrganisation(server.app, owner, { name: `River Friends ${tag}` });
    orgId = org.id;
    orgName = org.name;
    await joinOrganisation(server.handle.db, orgId, editor.id, 'editor');
    editorPage = await pages.signedIn(editor);
    visitorPage = await pages.open();
    moderatorPage = await pages.signedIn(await registerModerator(server.app, server.handle.db, `Mona ${tag}`));
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  it('lets the editor write with a Markdown preview and publish', { timeout: STEP_TIMEOUT }, async () => {
    await editorPage.goto(`${server.url}/news`);
    await editorPage.getByRole('link', { name: 'Write news' }).click();
    await editorPage.getByRole('heading', { name: 'Write news' }).waitFor();
    // The only organisation the editor writes for is chosen already.
    expect(await editorPage.getByLabel('Published by').inputValue()).toBe(orgId);
    await editorPage.getByLabel('Title', { exact: true }).fill(title);
    await editorPage.getByLabel('Summary (a sentence or two for the feed)').fill(`The footbridge is open again ${tag}`);
    await editorPage.getByRole('textbox', { name: 'Article (Markdown)' }).fill(`Volunteers and the **municipality** fixed it. <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">`);
    await editorPage.getByRole('tab', { name: 'Preview' }).click();
    const preview = editorPage.getByTestId('news-preview');
    await preview.locator('strong', { hasText: 'municipality' }).waitFor();
    expect(await preview.locator('script, img').count()).toBe(0);

    await editorPage.getByRole('button', { name: 'Publish', exact: true }).click();
    await editorPage.waitForURL(/\/news\/[0-9a-f-]{36}$/);
    newsId = editorPage.url().split('/').pop()!;
    await editorPage.getByRole('heading', { name: title }).waitFor();
    await editorPage.getByRole('button', { name: 'Back to draft' }).waitFor();
  });

  it('shows the post to a visitor on the front page, the organisation page and the article page, sanitised', { timeout: STEP_TIMEOUT }, async () => {
    await visitorPage.goto(server.url);
    const front = visitorPage.getByTestId('front-news');
    await front.getByRole('link', { name: title }).waitFor();
    await front.getByRole('link', { name: 'All news' }).waitFor();

    await visitorPage.goto(`${server.url}/organisations/${orgId}`);
    const section = visitorPage.getByTestId('organisation-news');
    await section.getByRole('heading', { name: 'News' }).waitFor();
    await section.getByRole('link', { name: title }).click();

    await visitorPage.waitForURL(`${server.url}/news/${newsId}`);
    await visitorPage.getByRole('heading', { name: title, level: 1 }).waitFor();
    await visitorPage.getByRole('link', { name: orgName }).waitFor();
    const body = visitorPage.getByTestId('news-body');
    await body.locator('strong', { hasText: 'municipality' }).waitFor();
    // Raw HTML is shown as text and never runs.
    await body.getByText('<script>window.__pwned = 1</script>', { exact: false }).waitFor();
    expect(await body.locator('script, img').count()).toBe(0);
    expect(await visitorPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // A visitor may not edit, and the report button needs a sign-in.
    expect(await visitorPage.getByRole('link', { name: 'Edit' }).count()).toBe(0);

    // The organisation's Atom feed parses as XML and lists the post.
    const feed = await visitorPage.evaluate(async (id) => {
      const res = await fetch(`/api/v1/news/feed.xml?organisationId=${id}`);
      const doc = new DOMParser().parseFromString(await res.text(), 'application/xml');
      const entries = doc.getElementsByTagName('entry');
      const titles = Array.from({ length: entries.length }, (_, i) => entries.item(i)?.getElementsByTagName('title').item(0)?.textContent);
      return { error: doc.getElementsByTagName('parsererror').length, titles };
    }, orgId);
    expect(feed).toEqual({ error: 0, titles: [title] });
  });

  it('lets the editor correct the post, a moderator hide it, and the editor delete it after confirming', { timeout: STEP_TIMEOUT }, async () => {
    await editorPage.getByRole('link', { name: 'Edit' }).click();
    await editorPage.getByRole('heading', { name: 'Edit news' }).waitFor();
    await editorPage.getByLabel('Title', { exact: true }).fill(`${title} (corrected)`);
    await editorPage.getByRole('button', { name: 'Save changes' }).click();
    await editorPage.getByRole('heading', { name: `${title} (corrected)`, level: 1 }).waitFor();

    // A moderator hides it with a reason: visitors lose it, the editor sees why.
    await moderatorPage.goto(`${server.url}/news/${newsId}`);
    await moderatorPage.getByRole('button', { name: 'Hide (moderation)' }).click();
    const hideDialog = moderatorPage.getByRole('dialog', { name: 'Hide this news post?' });
    await hideDialog.getByLabel('Reason (the author sees it)').fill(`Needs a source ${tag}`);
    await hideDialog.getByRole('button', { name: 'Hide (moderation)' }).click();
    await moderatorPage.getByRole('button', { name: 'Show again (moderation)' }).waitFor();
    await visitorPage.goto(`${server.url}/news/${newsId}`);
    await visitorPage.getByText('This news post does not exist or is not public.').waitFor();
    await editorPage.reload();
    await editorPage.getByText(`Hidden by a moderator: Needs a source ${tag}`).waitFor();

    await editorPage.getByRole('button', { name: 'Delete' }).click();
    const dialog = editorPage.getByRole('dialog', { name: 'Delete this news post?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await editorPage.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await editorPage.waitForURL(`${server.url}/news`);

    expect((await server.app.inject({ method: 'GET', url: `/api/v1/news/${newsId}`, headers: editor.auth })).statusCode).toBe(404);
    expect(pages.errors).toEqual([]);
  });
});
