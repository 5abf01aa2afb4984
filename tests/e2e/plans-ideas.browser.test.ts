import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TestPages } from '../support/browser';
import { addMember, createOrganisation, registerUser, type TestUser } from '../support/factories';
import { createMunicipality, getPlan } from '../support/plan-factories';
import { startTestServer } from '../support/server';

const STEP_TIMEOUT = 90_000;

/** Two priorities, four objectives and six measures, the way a municipality would export them. */
const PLAN_CSV = `code,title,description,indicators,budget,currency
1,Clean water for every village,Basic infrastructure first,,,
1.1,Reliable drinking water,,,,
1.1.1,Replace old water mains,"Asbestos-cement pipes are replaced village by village, so no one is without water for more than a day.",Km of pipe replaced (target: 14); Households with stable supply (target: 900),2400000,BGN
1.1.2,Water-saving fittings in schools,Sensor taps in the four schools.,Schools equipped (target: 4),85000,BGN
1.2,Clean rivers,,,,
1.2.1,River clean-up days with schools and clubs,"Twice a year, with the youth clubs and the fishing association.",Clean-up days held (target: 10),12000,BGN
1.2.2,Wastewater treatment for riverside villages,,,"1 250 000,00",BGN
2,People and community,,,,
2.1,Active community centres,,,,
2.1.1,Digital corner in each community centre,"Computers, fast internet and weekly help hours for older residents.",Centres equipped (target: 6),"120 000,00",BGN
2.2,Young people stay,,,,
2.2.1,Youth clubs in the community centres,,Clubs running (target: 5),40000,EUR
`;

/** Line 3 has no title and line 4 a budget that is not an amount: nothing may be imported. */
const BAD_CSV = `code,title,description,indicators,budget,currency
1,Clean water for every village,,,,
1.1,,,,,
1.1.1,Replace old water mains,,,about a million,BGN
`;

describe('plans and ideas in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let pages: TestPages;
  const tag = randomUUID().slice(0, 6);
  const planTitle = `Riverside development plan ${tag}`;
  const ideaTitle = `River guardians youth camps ${tag}`;
  let munEditor: TestUser;
  let ngoEditor: TestUser;
  let planId = '';
  let munPage: Page;
  let ngoPage: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    pages = new TestPages(browser, server.url);
    // Editors (not owners) do the work, as in a real municipality and NGO.
    const munOwner = await registerUser(server.app, { displayName: `Mayor ${tag}` });
    munEditor = await registerUser(server.app, { displayName: `Planner ${tag}` });
    const municipality = await createMunicipality(server.app, munOwner, { name: `Riverside Municipality ${tag}` });
    await addMember(server.app, munOwner, municipality.id, munEditor, 'editor');
    const ngoOwner = await registerUser(server.app, { displayName: `Chair ${tag}` });
    ngoEditor = await registerUser(server.app, { displayName: `Volunteer ${tag}` });
    const ngo = await createOrganisation(server.app, ngoOwner, { name: `River Friends ${tag}` });
    await addMember(server.app, ngoOwner, ngo.id, ngoEditor, 'editor');
    munPage = await pages.open();
    ngoPage = await pages.open();
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  it('lets a municipality editor create a plan, import it from CSV (all or nothing) and publish it', { timeout: STEP_TIMEOUT }, async () => {
    const page = munPage;
    await pages.signIn(page, munEditor, '/plans/new');
    await page.getByLabel('Title', { exact: true }).fill(planTitle);
    await page.getByLabel('First year').fill('2024');
    await page.getByLabel('Last year').fill('2030');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText('This plan has no priorities, objectives or measures yet.').waitFor();

    await page.getByRole('main').getByRole('link', { name: 'Import from a file' }).first().click();
    await page.getByRole('heading', { name: 'Import plan items' }).waitFor();

    // A file with mistakes: every problem is listed with its line, and nothing is imported.
    await page.setInputFiles('#import-file', { name: 'plan-with-errors.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByText('Nothing was imported.').waitFor();
    await page.getByText('Line 3, title: title is required').waitFor();
    await page.getByText('Line 4, budget: “about a million” is not an amount like 125000 or 125000.50').waitFor();
    expect((await getPlan(server.app, munEditor, planId)).items).toHaveLength(0);

    // The real file: a preview first, then the upload with its progress and the result.
    await page.setInputFiles('#import-file', { name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(PLAN_CSV) });
    await page.getByText('First 8 of 12 rows.').waitFor();
    await page.getByRole('cell', { name: 'Replace old water mains' }).waitFor();
    // Record every status the page shows while the file goes up and the server works on it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { importStatuses: string[] }).importStatuses = seen;
      const status = document.querySelector('.status')!;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Import 12 rows' }).click();
    await page.getByText('Import finished').waitFor();
    await page.getByText('Rows in the file: 12. Created: 12, updated: 0, unchanged: 0.').waitFor();
    const statuses = await page.evaluate(() => (window as unknown as { importStatuses: string[] }).importStatuses.join(' | '));
    expect(statuses).toMatch(/Uploading… \d+%|Processing…/);

    const plan = await getPlan(server.app, munEditor, planId);
    expect(plan.items.filter((i) => i.level === 'measure')).toHaveLength(6);
    expect(plan.items.find((i) => i.code === '2.1.1')?.budget).toBe('120000.00');

    await page.getByRole('link', { name: 'View the plan' }).click();
    await page.getByRole('heading', { name: planTitle, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('The plan is published.').waitFor();
    expect((await getPlan(server.app, null, planId)).status).toBe('published');

    // The tree is collapsible with real buttons.
    const objective = page.getByRole('button', { name: /^1\.2\s+Clean rivers/ });
    expect(await objective.getAttribute('aria-expanded')).toBe('true');
    await objective.click();
    expect(await objective.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.getByText('Twice a year, with the youth clubs and the fishing association.').waitFor();
  });

  it('lets an NGO editor write an idea in the multi-step form, publish it and propose a link', { timeout: STEP_TIMEOUT }, async () => {
    expect(planId).not.toBe('');
    const page = ngoPage;
    await pages.signIn(page, ngoEditor, '/ideas/new');
    await page.getByRole('heading', { name: 'Step 1 of 4: Basics' }).waitFor();

    // Checked before anything is sent, in the UI language.
    await page.getByLabel('Title', { exact: true }).fill('Camp');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByText('Use at least 5 characters.').first().waitFor();

    await page.getByLabel('Title', { exact: true }).fill(ideaTitle);
    await page.getByLabel('Summary').fill('Summer camps where young people map and clean the river banks with the municipality.');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Step 2 of 4: Problem and objectives' }).waitFor();
    await page.getByLabel('Problem addressed').fill('Litter piles up on the river banks and young people leave the villages.');
    await page.getByLabel('Overall objective').fill('Cleaner rivers and young people who stay and care for them.');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Step 3 of 4: People and results' }).waitFor();
    await page.getByRole('group', { name: /Target groups/ }).getByRole('button', { name: 'Add an entry' }).click();
    await page.getByRole('textbox', { name: 'Target groups, entry 1' }).fill('Young people aged 15–29 in the riverside villages');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Step 4 of 4: Place and money' }).waitFor();
    await page.getByLabel('Estimated budget').fill('18 500');
    await page.getByLabel('Currency').selectOption('EUR');

    // Publishing without a place and a theme: the server's answer lands on the right fields.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Pick at least one place to publish.').first().waitFor();
    await page.getByText('Pick at least one theme to publish.').first().waitFor();

    await page.getByLabel('Country').selectOption('BG');
    await page.waitForFunction(() => (document.getElementById('idea-place-region') as HTMLSelectElement).options.length > 1);
    await page.getByLabel('Region').selectOption('BG-03');
    await page.waitForFunction(() => (document.getElementById('idea-place-municipality') as HTMLSelectElement).options.length > 1);
    await page.getByLabel('Municipality').selectOption('BG-03-01');
    await page.getByRole('button', { name: 'Add municipality' }).click();
    await page.getByRole('button', { name: /^Remove / }).first().waitFor();
    await page.getByLabel('Youth').check();
    await page.getByLabel('Environment').check();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.waitForURL(/\/ideas\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: ideaTitle, level: 1 }).waitFor();
    await page.getByText('€18,500').waitFor();

    const measure = (await getPlan(server.app, null, planId)).items.find((i) => i.code === '1.2.1')!;
    await page.getByRole('button', { name: 'Propose a link to a measure' }).click();
    await page.getByLabel('Words in the title').fill(planTitle);
    await page.getByRole('button', { name: 'Find plans' }).click();
    await page.getByLabel(planTitle).check();
    await page.waitForFunction(() => ((document.getElementById('propose-measure') as HTMLSelectElement | null)?.options.length ?? 0) > 1);
    await page.getByLabel('Measure', { exact: true }).selectOption(measure.id);
    await page.getByLabel('Note for the other side').fill('Our volunteers can run the clean-up days.');
    await page.getByRole('button', { name: 'Propose link' }).click();
    await page.getByText('Link proposed. It counts once the other side confirms it.').waitFor();
    await page.getByText('waiting for the municipality to confirm').waitFor();
  });

  it('lets the municipality confirm the link, and the measure then shows one linked idea', { timeout: STEP_TIMEOUT }, async () => {
    const page = munPage;
    await page.goto(`${server.url}/plans/${planId}`);
    const panel = page.getByRole('region', { name: 'Proposed links' });
    await panel.getByRole('link', { name: ideaTitle }).waitFor();
    await panel.getByText('Our volunteers can run the clean-up days.').waitFor();
    await panel.getByRole('button', { name: `Confirm link of measure 1.2.1 with “${ideaTitle}”` }).click();
    await page.getByText('Link confirmed.').waitFor();
    await page.getByText('No links are waiting for your decision.').waitFor();

    const measure = (await getPlan(server.app, null, planId)).items.find((i) => i.code === '1.2.1')!;
    expect(measure.linkedIdeas).toBe(1);
    const row = page.locator(`#measure-${measure.id}`);
    await row.getByText('1 linked idea').waitFor();
    await row.getByRole('button', { name: /^1\.2\.1/ }).click();
    await row.getByRole('link', { name: ideaTitle }).waitFor();

    // The NGO sees the confirmed link on its idea.
    await ngoPage.reload();
    await ngoPage.getByText('Confirmed', { exact: true }).waitFor();
    expect(pages.errors).toEqual([]);
  });
});
