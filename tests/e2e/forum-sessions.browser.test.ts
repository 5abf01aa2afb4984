import { randomUUID } from 'node:crypto';
import type { ForumSessionView } from '@partnera/server/api-types';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/app';
import { launchBrowser, TestPages } from '../support/browser';
import { registerUser, type TestUser } from '../support/factories';
import { createCategory } from '../support/forums';
import { registerModerator } from '../support/rooms';

const STEP_TIMEOUT = 60_000;

describe('live forum session: a moderator runs the speaker queue while two participants watch', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let pages: TestPages;
  const tag = randomUUID().slice(0, 6);
  let moderator: TestUser;
  let ana: TestUser;
  let ben: TestUser;
  let categoryTitle: string;
  let sessionId: string;
  let moderatorPage: Page;
  let anaPage: Page;
  let benPage: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    pages = new TestPages(browser, server.url);
    const staff = await registerModerator(server.app, server.handle.db, `Staff ${tag}`);
    // The session is run by a moderator of its category (not platform staff).
    moderator = await registerUser(server.app, { displayName: `Mona ${tag}` });
    ana = await registerUser(server.app, { displayName: `Ana ${tag}` });
    ben = await registerUser(server.app, { displayName: `Ben ${tag}` });
    categoryTitle = `Rivers ${tag}`;
    const category = await createCategory(server.app, staff, { title: categoryTitle });
    const assigned = await server.app.inject({ method: 'PUT', url: `/api/v1/forums/categories/${category.id}/moderators/${moderator.id}`, headers: staff.auth });
    expect(assigned.statusCode).toBe(200);
    moderatorPage = await pages.signedIn(moderator);
    anaPage = await pages.signedIn(ana);
    benPage = await pages.signedIn(ben);
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  const state = (page: Page) => page.getByTestId('session-state');

  it('lets a category moderator schedule a session from the sessions page', { timeout: STEP_TIMEOUT }, async () => {
    await moderatorPage.goto(`${server.url}/forums`);
    await moderatorPage.getByRole('link', { name: 'Live sessions' }).click();
    await moderatorPage.getByRole('heading', { name: 'Live sessions', level: 1 }).waitFor();
    await moderatorPage.getByRole('button', { name: 'Schedule a session' }).click();
    await moderatorPage.getByLabel('Category').first().selectOption({ label: categoryTitle });
    await moderatorPage.getByLabel('Title').fill(`Spring planning ${tag}`);
    await moderatorPage.getByLabel('Agenda, one item per line (at most 20)').fill('Welcome\nBudget');
    await moderatorPage.getByRole('button', { name: 'Schedule', exact: true }).click();
    await moderatorPage.getByRole('heading', { name: `Spring planning ${tag}` }).waitFor();
    await state(moderatorPage).getByText('Scheduled').waitFor();
    await moderatorPage.getByText(/Starts in/).waitFor();
    await moderatorPage.getByText('The discussion room opens at the start time.').waitFor();

    // Before the start it can still be changed.
    await moderatorPage.getByRole('button', { name: 'Edit session' }).click();
    await moderatorPage.getByLabel('Title').fill(`Spring planning, moved ${tag}`);
    await moderatorPage.getByRole('button', { name: 'Save' }).click();
    await moderatorPage.getByRole('heading', { name: `Spring planning, moved ${tag}` }).waitFor();
    // Saved: the form closes.
    await moderatorPage.getByLabel('Title').waitFor({ state: 'detached' });
  });

  it('opens at the start time for everybody watching', { timeout: STEP_TIMEOUT }, async () => {
    // Starts a few seconds from now, so the pages see the countdown end.
    const startsAt = Date.now() + 10_000;
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/forum-sessions',
      headers: { authorization: `Bearer ${moderator.token}` },
      payload: {
        categoryId: (await server.app.inject({ method: 'GET', url: '/api/v1/forums/categories' })).json<{ items: Array<{ id: string; title: string }> }>().items.find((c) => c.title === categoryTitle)!.id,
        title: `River hearing ${tag}`,
        agenda: ['Opening words', 'Flood sensors', 'Joint application'],
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 3600_000).toISOString(),
      },
    });
    expect(res.statusCode).toBe(201);
    sessionId = res.json<ForumSessionView>().id;

    for (const page of [moderatorPage, anaPage, benPage]) {
      await page.goto(`${server.url}/forums/sessions/${sessionId}`);
      await page.getByRole('heading', { name: `River hearing ${tag}` }).waitFor();
    }
    await state(anaPage).getByText('Scheduled').waitFor();
    // Ben asks to be told when it starts.
    const remind = benPage.getByRole('button', { name: 'Notify me when it starts' });
    await remind.click();
    await benPage.getByText('You will be notified when the session starts').waitFor();
    expect(await remind.getAttribute('aria-pressed')).toBe('true');
    for (const page of [moderatorPage, anaPage, benPage]) await state(page).getByText('Live').waitFor({ timeout: 20_000 });
    await benPage.getByText('Nobody has the floor.').waitFor();

    // His notifications (read in another tab) say it started.
    const benInbox = await pages.signedIn(ben);
    await benInbox.goto(`${server.url}/notifications`);
    await benInbox.getByText(`“River hearing ${tag}” has started: join the live session.`).waitFor();
  });

  it('shows a raised hand to the moderator, who gives the floor and pins an agenda item; both participants see it', { timeout: STEP_TIMEOUT }, async () => {
    await anaPage.getByRole('button', { name: 'Raise hand' }).click();
    await anaPage.getByText('Your hand is up: place 1 in the queue.').waitFor();

    // The moderator's page was not reloaded: the queue arrives through socket.io.
    const queue = moderatorPage.getByTestId('speaker-queue');
    await queue.getByText(`Ana ${tag}`).waitFor();
    await benPage.getByTestId('speaker-queue').getByText(`Ana ${tag}`).waitFor();
    await moderatorPage.getByRole('button', { name: `Give the floor to Ana ${tag}` }).click();

    await anaPage.getByTestId('floor').getByText('You have the floor').waitFor();
    await benPage.getByTestId('floor').getByText(`Ana ${tag} has the floor`).waitFor();
    await benPage.getByText('No hands raised.').waitFor();

    await moderatorPage.getByRole('button', { name: 'Pin agenda item 2: Flood sensors' }).click();
    for (const page of [anaPage, benPage]) {
      const pinned = page.getByTestId('pinned-item');
      await pinned.getByText('Flood sensors').waitFor();
      expect(await pinned.getAttribute('aria-current')).toBe('step');
    }

    // Ana (in the room since she raised her hand) speaks; Ben watches the room.
    await anaPage.getByRole('textbox', { name: 'Message' }).fill(`Our sensors warned 40 minutes early ${tag}`);
    await anaPage.getByRole('button', { name: 'Send' }).click();
    await benPage.getByRole('list', { name: 'Messages' }).getByText(`Our sensors warned 40 minutes early ${tag}`).waitFor();
  });

  it('closes after a confirmation; everybody sees the read-only transcript and then the minutes', { timeout: STEP_TIMEOUT }, async () => {
    await moderatorPage.getByRole('button', { name: 'Close session' }).click();
    const dialog = moderatorPage.getByRole('dialog', { name: 'Close this session?' });
    await dialog.getByRole('button', { name: 'Close session' }).click();

    for (const page of [moderatorPage, anaPage, benPage]) {
      await state(page).getByText('Closed').waitFor();
      await page.getByRole('heading', { name: 'Transcript' }).waitFor();
      await page.getByRole('list', { name: 'Messages' }).getByText(`Our sensors warned 40 minutes early ${tag}`).waitFor();
      await page.getByText('This session is closed; the transcript is read-only.').waitFor();
      expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Raise hand' }).count()).toBe(0);
    }

    await moderatorPage.getByRole('button', { name: 'Write minutes' }).click();
    await moderatorPage.getByLabel('Minutes (Markdown)').fill(`## Decisions\n\n- Apply **together** for sensors ${tag}`);
    await moderatorPage.getByRole('button', { name: 'Save' }).click();
    await moderatorPage.getByText('Minutes saved.').waitFor();
    for (const page of [anaPage, benPage]) {
      const minutes = page.getByTestId('minutes');
      await minutes.getByRole('heading', { name: 'Decisions' }).waitFor();
      await minutes.locator('strong', { hasText: 'together' }).waitFor();
      expect(await minutes.getByRole('button', { name: /minutes/ }).count()).toBe(0);
    }
    expect(pages.errors).toEqual([]);
  });
});
