import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/app';
import { launchBrowser, TestPages } from '../support/browser';
import { registerUser, type TestUser } from '../support/factories';

const STEP_TIMEOUT = 60_000;

describe('discussion room: two people chatting in two browsers', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let pages: TestPages;
  let ana: TestUser;
  let ben: TestUser;
  let roomId: string;
  let anaPage: Page;
  let benPage: Page;
  const tag = randomUUID().slice(0, 6);


  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    pages = new TestPages(browser, server.url);
    ana = await registerUser(server.app, { displayName: `Ana ${tag}` });
    ben = await registerUser(server.app, { displayName: `Ben ${tag}` });
    const room = await server.app.services.rooms.ensureSubjectRoom('idea', randomUUID(), { title: `Clean river ${tag}`, ownerUserId: ana.id, visibility: 'public' });
    roomId = room.id;
    const joined = await server.app.inject({ method: 'POST', url: `/api/v1/rooms/${roomId}/join`, headers: ben.auth });
    expect(joined.statusCode).toBe(200);
    anaPage = await pages.signedIn(ana);
    benPage = await pages.signedIn(ben);
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });
  const roomsBadge = (page: Page) => page.getByRole('navigation', { name: 'Your account' }).getByTestId('rooms-badge');

  it('shows a message from one person in the other browser, and the unread badge', { timeout: STEP_TIMEOUT }, async () => {
    await anaPage.goto(`${server.url}/rooms/${roomId}`);
    await anaPage.getByRole('heading', { name: `Clean river ${tag}` }).waitFor();
    await anaPage.getByText('No messages yet. Say hello!').waitFor();

    // Ben is elsewhere in the app: his navigation shows no unread rooms yet.
    await benPage.goto(`${server.url}/`);
    await benPage.getByRole('link', { name: 'Rooms' }).waitFor();
    expect(await roomsBadge(benPage).count()).toBe(0);

    await anaPage.getByRole('textbox', { name: 'Message' }).fill('Hello Ben, **welcome** <script>alert(1)</script>');
    await anaPage.getByRole('button', { name: 'Send' }).click();
    await messages(anaPage).getByText('Hello Ben,').waitFor();
    // Once stored, Markdown is rendered (a message still sending shows as plain text); raw HTML is shown as text and never run.
    await messages(anaPage).locator('strong', { hasText: 'welcome' }).waitFor();
    expect(await messages(anaPage).locator('strong', { hasText: 'welcome' }).count()).toBe(1);
    await messages(anaPage).getByText('<script>alert(1)</script>').waitFor();
    expect(await messages(anaPage).locator('script').count()).toBe(0);

    // The badge updates live in Ben's tab.
    await roomsBadge(benPage).waitFor();
    expect(await roomsBadge(benPage).textContent()).toBe('1');

    await benPage.getByRole('link', { name: /^Rooms/ }).click();
    await benPage.getByRole('link', { name: `Clean river ${tag}` }).click();
    await messages(benPage).getByText('Hello Ben,').waitFor();
    // Reading the room clears the badge.
    await roomsBadge(benPage).waitFor({ state: 'detached' });
  });

  it('shows who is here and who is typing, and delivers the answer', { timeout: STEP_TIMEOUT }, async () => {
    const presence = anaPage.getByRole('complementary', { name: 'Here now' });
    await presence.getByText(`Ben ${tag}`).waitFor();

    await benPage.getByRole('textbox', { name: 'Message' }).pressSequentially('Hi Ana', { delay: 30 });
    await anaPage.getByText(`Ben ${tag} is typing…`).waitFor();
    await benPage.getByRole('textbox', { name: 'Message' }).press('Enter');

    await messages(anaPage).getByText('Hi Ana').waitFor();
    await anaPage.getByText(`Ben ${tag} is typing…`).waitFor({ state: 'detached' });
    const texts = await messages(anaPage).locator('li[data-seq]').evaluateAll((items) => items.map((li) => li.getAttribute('data-seq')));
    expect(texts).toEqual(['1', '2']);
    expect(pages.errors).toEqual([]);
  });
});
