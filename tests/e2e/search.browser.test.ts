import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import type { EventDetail, NewsPost } from '@partnera/server/api-types';
import { publishedEvent } from '../support/events';
import { createOrganisation, registerUser, type TestUser } from '../support/factories';
import { writeNews } from '../support/news';
import { addItem, createMunicipality, createPlan, createPublishedIdea, patchPlan, uniqueTag, type IdeaDto, type PlanDto } from '../support/plan-factories';
import { searchCaughtUp } from '../support/search';
import { startTestServer } from '../support/server';

const STEP_TIMEOUT = 90_000;
/** The search index follows the outbox asynchronously: give it time. */
const INDEX_WAIT = 30_000;

describe('search and matching in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const tag = uniqueTag('srch');
  let ngoOwner: TestUser;
  let plan: PlanDto;
  let idea: IdeaDto;
  let event: EventDetail;
  let news: NewsPost;

  async function signIn(user: TestUser, next: string) {
    await page.goto(`${server.url}/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === next.split('?')[0]);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const munOwner = await registerUser(server.app);
    ngoOwner = await registerUser(server.app);
    const municipality = await createMunicipality(server.app, munOwner, { territoryCode: 'BG-03-01' });
    const ngo = await createOrganisation(server.app, ngoOwner);
    plan = await createPlan(server.app, munOwner, municipality.id, { title: `Plan ${tag}`, language: 'bg' });
    await addItem(server.app, munOwner, plan.id, '1', { title: 'Култура и младежи' });
    await addItem(server.app, munOwner, plan.id, '1.1', { title: 'Живи читалища' });
    await addItem(server.app, munOwner, plan.id, '1.1.1', {
      title: `Ремонт на читалището и клубове за младежи ${tag}`,
      description: 'Обновяване на читалищната сграда и младежки клуб със занимания по театър и музика.',
    });
    await addItem(server.app, munOwner, plan.id, '1.1.2', { title: 'Улично осветление с LED лампи', description: 'Подмяна на осветителните тела.' });
    plan = await patchPlan(server.app, munOwner, plan.id, { status: 'published' });
    idea = await createPublishedIdea(server.app, ngoOwner, ngo.id, {
      title: `Youth club in the village community centre ${tag}`,
      summary: 'Young people will meet twice a week in the renovated chitalishte hall for theatre and music workshops.',
      problem: 'Teenagers in the village have no place to meet after school.',
      overallObjective: 'More cultural activities for youth.',
      mainActivities: ['Theatre workshop', 'Music lessons for teenagers'],
      places: ['BG-03-01'],
      themes: ['youth', 'culture'],
      language: 'en',
    });
    event = await publishedEvent(server.app, ngoOwner, [ngo.id], {
      title: `Theatre workshop for teenagers ${tag}`,
      kind: 'training',
      startsAt: '2031-03-10T10:00',
      endsAt: '2031-03-10T13:00',
      timeZone: 'Europe/Sofia',
    });
    news = await writeNews(server.app, ngoOwner, { organisationId: ngo.id, title: `The youth club opens its doors ${tag}`, summary: 'First meeting on Friday.', status: 'published' });
    await searchCaughtUp(server.app, INDEX_WAIT);
    context = await browser.newContext({ locale: 'en-GB' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('finds the idea from the header search box, grouped by type, and opens it with the keyboard', { timeout: STEP_TIMEOUT }, async () => {
    await signIn(ngoOwner, '/profile');
    const box = page.getByRole('combobox', { name: 'Find in Partnera' });
    await box.fill(tag);
    const listbox = page.getByRole('listbox', { name: 'Quick results' });
    await listbox.getByRole('group', { name: /^Ideas \(\d+\)$/ }).waitFor({ timeout: INDEX_WAIT });
    await listbox.getByRole('option', { name: idea.title }).waitFor();
    await listbox.getByRole('group', { name: /^Plan measures \(\d+\)$/ }).waitFor();
    // The matched word is marked, as text.
    expect(await listbox.locator('mark').first().textContent()).toBeTruthy();
    // Arrow down to the first option (the idea) and open it.
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe('global-search-option-0');
    await box.press('Enter');
    await page.waitForURL((url) => url.pathname === `/ideas/${idea.id}`);
    await page.getByRole('heading', { name: idea.title, level: 1 }).waitFor();
  });

  it('shows the full results with facets on the search page', { timeout: STEP_TIMEOUT }, async () => {
    await page.goto(`${server.url}/search?q=${encodeURIComponent(tag)}`);
    await page.getByRole('link', { name: idea.title }).waitFor({ timeout: INDEX_WAIT });
    await page.getByRole('navigation', { name: 'Theme' }).waitFor();
    await page.getByRole('navigation', { name: 'Show' }).getByRole('link', { name: /^Plan measures/ }).click();
    await page.waitForURL((url) => url.searchParams.get('type') === 'measures');
    await page.getByRole('heading', { name: /^Plan measures \(\d+\)$/ }).waitFor();
    expect(await page.getByRole('link', { name: idea.title }).count()).toBe(0);
  });

  it('lists the plan measures the idea could serve and proposes a link in one click', { timeout: STEP_TIMEOUT }, async () => {
    await page.goto(`${server.url}/ideas/${idea.id}`);
    const matches = page.getByTestId('idea-matches');
    await matches.getByRole('heading', { name: 'Plan measures this idea could serve' }).waitFor();
    const ours = matches.locator('li.match', { hasText: plan.title }).filter({ hasText: '1.1.1' });
    await ours.waitFor({ timeout: INDEX_WAIT });
    expect(await ours.locator('.band').textContent()).toMatch(/^(Strong|Possible|Weak) match$/);
    expect((await ours.locator('mark').allTextContents()).length).toBeGreaterThan(0);
    await ours.getByRole('button', { name: 'Propose this link: 1.1.1' }).click();
    await matches.getByText('Link proposed to 1.1.1.').waitFor();
    await ours.getByRole('button', { name: 'Already linked (Proposed)' }).waitFor();
    const links = page.locator('section[aria-labelledby="links-heading"]');
    await links.getByText('1.1.1', { exact: false }).first().waitFor();
    await links.getByText('Proposed').first().waitFor();
  });

  it('shows the coverage of the plan with matching ideas on demand', { timeout: STEP_TIMEOUT }, async () => {
    await page.goto(`${server.url}/plans/${plan.id}`);
    const coverage = page.getByTestId('plan-coverage');
    await coverage.getByRole('heading', { name: 'Coverage' }).waitFor();
    await coverage.getByText(/^\d+ measures: /).first().waitFor();
    const measure = coverage.locator('li.measure', { hasText: '1.1.1' });
    await measure.getByText(/Confirmed idea|Strong match|No ideas yet/).first().waitFor();
    expect(await coverage.locator('li.measure', { hasText: '1.1.2' }).count()).toBe(1);
    await measure.getByText('Matching ideas').click();
    // A strong match is also listed under the measure's head, so look inside the opened list only.
    await measure.locator('ul.idea-matches').getByRole('link', { name: idea.title }).waitFor({ timeout: INDEX_WAIT });
    expect(pageErrors).toEqual([]);
  });

  it('finds events and news as well, and lists only events when asked', { timeout: STEP_TIMEOUT }, async () => {
    await page.goto(`${server.url}/profile`);
    const box = page.getByRole('combobox', { name: 'Find in Partnera' });
    await box.fill(tag);
    const listbox = page.getByRole('listbox', { name: 'Quick results' });
    await listbox.getByRole('group', { name: /^Events \(1\)$/ }).getByRole('option', { name: event.title }).waitFor({ timeout: INDEX_WAIT });
    await listbox.getByRole('group', { name: /^News \(1\)$/ }).getByRole('option', { name: news.title }).waitFor();
    await box.press('Escape');

    await page.goto(`${server.url}/search?q=${encodeURIComponent(tag)}`);
    await page.getByRole('navigation', { name: 'Show' }).getByRole('link', { name: 'Events (1)' }).click();
    await page.waitForURL((url) => url.searchParams.get('type') === 'events');
    const events = page.getByRole('region', { name: 'Events (1)' });
    await events.getByRole('link', { name: event.title }).waitFor();
    // Shown in the event's own time zone, with its kind.
    await events.getByText('Training').waitFor();
    await events.getByText(/Europe\/Sofia/).first().waitFor();
    expect(await page.getByRole('link', { name: idea.title }).count()).toBe(0);
    expect(await page.getByRole('link', { name: news.title }).count()).toBe(0);
    await events.getByRole('link', { name: event.title }).click();
    await page.waitForURL((url) => url.pathname === `/events/${event.id}`);
    expect(pageErrors).toEqual([]);
  });
});

