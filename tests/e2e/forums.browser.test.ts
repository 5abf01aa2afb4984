import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/app';
import { launchBrowser, TestPages } from '../support/browser';
import { registerUser, type TestUser } from '../support/factories';
import { createCategory, createThread, makeEstablished } from '../support/forums';
import { registerModerator } from '../support/rooms';

const STEP_TIMEOUT = 60_000;

describe('forums: live posts, a report, a moderator hiding it and the author appealing', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let pages: TestPages;
  const tag = randomUUID().slice(0, 6);
  let author: TestUser;
  let reader: TestUser;
  let moderator: TestUser;
  let threadId: string;
  let authorPage: Page;
  let readerPage: Page;
  let moderatorPage: Page;


  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    pages = new TestPages(browser, server.url);
    const db = server.handle.db;
    moderator = await registerModerator(server.app, db, `Mona ${tag}`);
    author = await registerUser(server.app, { displayName: `Ana ${tag}` });
    reader = await registerUser(server.app, { displayName: `Ben ${tag}` });
    for (const u of [author, reader]) await makeEstablished(db, u.id);
    const category = await createCategory(server.app, moderator, { title: `Water ${tag}` });
    const created = await createThread(server.app, author, category.slug, `Rude words about rivers ${tag}`, `River cleanup ${tag}`);
    threadId = created.thread.id;
    authorPage = await pages.signedIn(author);
    readerPage = await pages.signedIn(reader);
    moderatorPage = await pages.signedIn(moderator);
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  const posts = (page: Page) => page.getByRole('list', { name: 'Posts' });

  it('shows a new post to a reader of the thread without a reload', { timeout: STEP_TIMEOUT }, async () => {
    await readerPage.goto(`${server.url}/forums/threads/${threadId}`);
    await readerPage.getByRole('heading', { name: `River cleanup ${tag}` }).waitFor();
    await posts(readerPage).getByText(`Rude words about rivers ${tag}`).waitFor();

    await authorPage.goto(`${server.url}/forums/threads/${threadId}`);
    await authorPage.getByRole('heading', { name: `River cleanup ${tag}` }).waitFor();
    await authorPage.getByRole('textbox', { name: 'Your reply (Markdown)' }).fill(`Join us on **Saturday** ${tag}`);
    await authorPage.getByRole('button', { name: 'Post reply' }).click();
    await posts(authorPage).locator('strong', { hasText: 'Saturday' }).waitFor();

    // The reader's page was not reloaded: the post arrives through socket.io.
    await posts(readerPage).locator('strong', { hasText: 'Saturday' }).waitFor();
    expect(await posts(readerPage).getByRole('listitem', { name: `Post by Ana ${tag}` }).count()).toBe(2);
  });

  it('lets a reader report a post and a moderator hide it from the review queue', { timeout: STEP_TIMEOUT }, async () => {
    const first = posts(readerPage).getByRole('listitem', { name: `Post by Ana ${tag}` }).filter({ hasText: `Rude words about rivers ${tag}` });
    await first.getByRole('button', { name: 'Report' }).click();
    const dialog = readerPage.getByRole('dialog', { name: 'Report this to the moderators' });
    await dialog.getByLabel('What is wrong?').selectOption('abuse');
    await dialog.getByLabel('Details (optional)').fill('Insulting the volunteers');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await first.getByText('Thank you. The moderators will review it.').waitFor();

    await moderatorPage.goto(`${server.url}/forums`);
    await moderatorPage.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Moderation' }).click();
    await moderatorPage.getByRole('heading', { name: 'Review queue' }).waitFor();
    const item = moderatorPage.getByTestId('queue-item').filter({ hasText: `Rude words about rivers ${tag}` });
    await item.getByText('1 reports').waitFor();
    await item.getByRole('button', { name: 'Hide' }).click();
    const confirm = moderatorPage.getByRole('dialog', { name: 'Hide: are you sure?' });
    await confirm.getByLabel('Reason (the author is told)').fill(`Insults are not allowed ${tag}`);
    await confirm.getByRole('button', { name: 'Hide' }).click();
    await moderatorPage.getByText('Done.').waitFor();
    await item.waitFor({ state: 'detached' });

    // Other readers no longer see the text (the change reaches them live too).
    await posts(readerPage).getByText('A moderator hid this post.').waitFor();
    expect(await posts(readerPage).getByText(`Rude words about rivers ${tag}`).count()).toBe(0);
  });

  it('tells the author why, and lets them appeal once', { timeout: STEP_TIMEOUT }, async () => {
    await authorPage.goto(`${server.url}/forums/threads/${threadId}`);
    const notice = authorPage.getByTestId('hidden-notice');
    await notice.getByText('Your post is hidden from other readers').waitFor();
    await notice.getByText(`Reason: Insults are not allowed ${tag}`).waitFor();
    await notice.getByRole('button', { name: 'Appeal this decision' }).click();
    const dialog = authorPage.getByRole('dialog', { name: 'Appeal this decision' });
    await dialog.getByLabel('Why should the decision change?').fill(`I was quoting the river authority ${tag}`);
    await dialog.getByRole('button', { name: 'Send appeal' }).click();
    await notice.getByText('Your appeal is being reviewed.').waitFor();
    expect(await notice.getByRole('button', { name: 'Appeal this decision' }).count()).toBe(0);

    // The moderator sees the appeal waiting.
    await moderatorPage.reload();
    await moderatorPage.getByTestId('appeal-item').filter({ hasText: `I was quoting the river authority ${tag}` }).waitFor();
    expect(pages.errors).toEqual([]);
  });
});
