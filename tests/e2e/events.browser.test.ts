import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/app';
import { launchBrowser, TestPages } from '../support/browser';
import { createOrganisation, registerUser, type TestUser } from '../support/factories';
import { createPublishedIdea } from '../support/plan-factories';

const STEP_TIMEOUT = 60_000;

/** Tomorrow at a whole hour, as a datetime-local input takes it. */
function tomorrowAt(hour: number): string {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

describe('events: publishing with one place, a waiting list that moves up, and a calendar file', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let pages: TestPages;
  const tag = randomUUID().slice(0, 6);
  const title = `Logframe training ${tag}`;
  let organiser: TestUser;
  let second: TestUser;
  let third: TestUser;
  let organiserPage: Page;
  let secondPage: Page;
  let thirdPage: Page;
  let eventUrl: string;
  let organisationId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    pages = new TestPages(browser, server.url);
    organiser = await registerUser(server.app, { displayName: `Olga ${tag}` });
    second = await registerUser(server.app, { displayName: `Boris ${tag}` });
    third = await registerUser(server.app, { displayName: `Teuta ${tag}` });
    organisationId = (await createOrganisation(server.app, organiser, { name: `Danube Trainers ${tag}` })).id;
    organiserPage = await pages.signedIn(organiser, { timezoneId: 'Europe/Sofia' });
    secondPage = await pages.signedIn(second, { timezoneId: 'Asia/Baku', acceptDownloads: true });
    thirdPage = await pages.signedIn(third, { timezoneId: 'Europe/Sofia' });
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  it('lets an organiser create and publish an event with one place', { timeout: STEP_TIMEOUT }, async () => {
    await organiserPage.goto(`${server.url}/events`);
    await organiserPage.getByRole('link', { name: 'New event' }).click();
    await organiserPage.getByRole('heading', { name: 'New event' }).waitFor();
    // The time zone defaults to the browser's.
    expect(await organiserPage.getByLabel('Time zone').inputValue()).toBe('Europe/Sofia');
    await organiserPage.getByLabel('Title').fill(title);
    await organiserPage.getByLabel('Kind').selectOption('training');
    await organiserPage.getByLabel('Starts').fill(tomorrowAt(10));
    // A mistake is caught with a translated message before anything is sent.
    await organiserPage.getByLabel('Ends').fill(tomorrowAt(9));
    await organiserPage.getByLabel('Online link (https://…)').fill('http://meet.example.org/room');
    await organiserPage.getByRole('button', { name: 'Create draft' }).click();
    await organiserPage.getByText('The event must end after it starts.').waitFor();
    await organiserPage.getByText('Give a full address starting with https://').waitFor();
    await organiserPage.getByLabel('Ends').fill(tomorrowAt(16));
    await organiserPage.getByLabel('Online link (https://…)').fill('');
    await organiserPage.getByLabel('Address').fill('Community centre, 12 Main Street');
    await organiserPage.getByLabel('Places (empty: no limit)').fill('1');
    await organiserPage.getByRole('button', { name: 'Add agenda item' }).click();
    await organiserPage.getByLabel('Item', { exact: true }).fill('From problem tree to objectives');
    await organiserPage.getByRole('button', { name: 'Create draft' }).click();

    await organiserPage.getByRole('heading', { name: title }).waitFor();
    eventUrl = organiserPage.url();
    expect(eventUrl).toMatch(/\/events\/[0-9a-f-]{36}$/);
    await organiserPage.getByText('Draft: only the organising organisations see this event').waitFor();
    await organiserPage.getByRole('region', { name: 'Organiser panel' }).getByRole('button', { name: 'Publish', exact: true }).click();
    await organiserPage.getByText('1 place left').waitFor();
    await organiserPage.getByText(/10:00 – 16:00 \(Europe\/Sofia\)/).waitFor();

    // The organisation's page lists its upcoming events.
    await thirdPage.goto(`${server.url}/organisations/${organisationId}`);
    await thirdPage.getByRole('region', { name: 'Upcoming events' }).getByRole('link', { name: title }).waitFor();
  });

  it('registers one person, puts the next on the waiting list, and moves them up when the first cancels', { timeout: STEP_TIMEOUT }, async () => {
    await secondPage.goto(eventUrl);
    await secondPage.getByRole('heading', { name: title }).waitFor();
    // Seen from another zone, the page also gives the viewer's own clock time.
    await secondPage.getByText(/Your time: .*12:00 – 18:00 \(Asia\/Baku\)/).waitFor();
    await secondPage.getByRole('button', { name: 'Register', exact: true }).click();
    await secondPage.getByTestId('registration-state').getByText('You are registered.').waitFor();
    await secondPage.getByText('Full — waiting list open').waitFor();

    await thirdPage.goto(eventUrl);
    await thirdPage.getByRole('button', { name: 'Join the waiting list' }).click();
    await thirdPage.getByText('You are on the waiting list, position 1.').waitFor();

    // The organiser sees both lists.
    await organiserPage.reload();
    await organiserPage.getByRole('table', { name: 'Registrants' }).getByText(`Boris ${tag}`).waitFor();
    await organiserPage.getByRole('table', { name: 'Waiting list' }).getByText(`Teuta ${tag}`).waitFor();

    await secondPage.getByRole('button', { name: 'Cancel my registration' }).click();
    await secondPage.getByRole('dialog').getByRole('button', { name: 'Cancel my registration' }).click();
    // The freed place went to the person waiting, so the event is full again.
    await secondPage.getByRole('button', { name: 'Join the waiting list' }).waitFor();

    // The promoted person's open page updates through the notification, without a reload.
    await thirdPage.getByTestId('registration-state').getByText('You are registered.').waitFor();
    expect(await thirdPage.getByText('waiting list, position').count()).toBe(0);
  });

  it('downloads the event as an iCalendar file', { timeout: STEP_TIMEOUT }, async () => {
    const [download] = await Promise.all([secondPage.waitForEvent('download'), secondPage.getByRole('link', { name: 'Add to calendar (.ics)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n[ \t]/g, '')).toContain(`SUMMARY:${title}\r\n`);
    expect(text).toContain('STATUS:CONFIRMED');
    expect(pages.errors).toEqual([]);
  });

  it('lists the event on the page of an idea the organiser linked to it', { timeout: STEP_TIMEOUT }, async () => {
    const idea = await createPublishedIdea(server.app, organiser, organisationId, { title: `Trainers exchange ${tag}` });
    const eventId = eventUrl.split('/').pop()!;
    const link = await server.app.inject({ method: 'POST', url: `/api/v1/events/${eventId}/ideas`, headers: organiser.auth, payload: { ideaId: idea.id } });
    expect(link.statusCode, link.body).toBe(200);
    await thirdPage.goto(`${server.url}/ideas/${idea.id}`);
    const section = thirdPage.getByRole('region', { name: 'Events about this idea' });
    await section.getByRole('link', { name: title }).click();
    await thirdPage.waitForURL((url) => url.pathname === `/events/${eventId}`);
    expect(pages.errors).toEqual([]);
  });
});
